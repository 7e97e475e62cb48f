import { createHash, randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSecurityConfig } from '@revprov/graphql-server';
import { launchChromium } from './support/browser';
import { git } from './support/colleague';
import { screenshotDir, shoot } from './support/screenshots';
import type { Workbench } from './support/workbench';
import { startWorkbench } from './support/workbench';
import { compareIdle, expectAccessible, runToCompare } from './support/workbenchPage';

/**
 * The workbench against a server that requires credentials (auth.mode proxy, with static API
 * tokens): a 401 shows the sign-in form, a refused token keeps it, an accepted token is kept for
 * the tab and sent on every request (subscriptions too); read-only callers cannot import; the
 * owner's team runs, saves and is the commit author.
 */

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');
const OWNER_TOKEN = `rpv_${randomBytes(24).toString('hex')}`;
const READER_TOKEN = `rpv_${randomBytes(24).toString('hex')}`;
const ROW_COUNT = 'spec.mesh.specific.rowCount';

let wb: Workbench;
let browser: Browser;
let page: Page;
const shots = screenshotDir();

beforeAll(async () => {
  wb = await startWorkbench({
    security: defaultSecurityConfig({
      auth: {
        mode: 'proxy',
        jwt: null,
        proxy: { secretHeader: 'x-revprov-proxy-secret', secretSha256: sha(randomBytes(16).toString('hex')), userHeader: 'x-forwarded-user', emailHeader: 'x-forwarded-email', nameHeader: 'x-forwarded-preferred-username', groupsHeader: 'x-forwarded-groups' },
        apiTokens: [
          { name: 'dana', sha256: sha(OWNER_TOKEN), user: 'dana', email: 'dana@example.com', groups: ['sales-data'] },
          { name: 'erin', sha256: sha(READER_TOKEN), user: 'erin', email: null, groups: ['finance'] },
        ],
        fallbackEmailDomain: 'revprov.invalid',
      },
      authorization: { mode: 'ownership', everyoneReads: true, admins: { users: [], groups: [] } },
    }),
  });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await wb?.close();
  shots.close();
});

async function signIn(token: string): Promise<void> {
  await page.getByLabel('Access token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('a server that requires credentials', () => {
  it('asks for an access token on 401 and keeps asking when the token is refused', async () => {
    await page.goto(wb.url);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expectAccessible(page, 'sign-in');
    await shoot(page, shots, '0-sign-in');
    await signIn('rpv_not-a-token');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByText(/The server needs credentials: .+/).waitFor();
    await expect(page.evaluate(() => sessionStorage.getItem('revprov.accessToken'))).resolves.toBe('rpv_not-a-token');
  });

  it('a reader sees the catalog and who is signed in, but cannot import', async () => {
    await signIn(READER_TOKEN);
    await page.getByRole('heading', { name: 'Components', level: 1 }).waitFor();
    await page.getByText('Signed in as erin').waitFor();
    await page.getByRole('link', { name: 'orders-output-port' }).click();
    await page.getByRole('button', { name: 'Import' }).click();
    const option = page.getByRole('dialog', { name: 'Import' }).getByRole('button', { name: 'Reverse Provisioning' });
    await expect(option.isDisabled()).resolves.toBe(true);
    await page.getByText(/Unavailable: you may read this component but not change it/).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expect(page.evaluate(() => sessionStorage.getItem('revprov.accessToken'))).resolves.toBeNull();
  });

  it('the owner’s team runs (live over SSE with the token), saves, and is the commit author; a reload stays signed in', async () => {
    await signIn(OWNER_TOKEN);
    await page.getByText('Signed in as dana').waitFor();
    await page.reload();
    await page.getByText('Signed in as dana').waitFor();
    await runToCompare(page, wb.url);
    await page.getByRole('checkbox', { name: `${ROW_COUNT}: add, clean` }).check();
    await compareIdle(page);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Save' });
    await dialog.getByLabel('Commit message').fill('Row count, by the owners');
    await dialog.getByRole('button', { name: 'Commit and push' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Committed' }).waitFor();
    expect(git(wb.seed.repoUrl, 'log', '-1', '--format=%an <%ae>|%s')).toBe('dana <dana@example.com>|Row count, by the owners\n');
  });
});
