import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser';
import { colleagueCommit, git as gitIn } from './support/colleague';
import { tabTo } from './support/keyboard';
import { screenshotDir, shoot } from './support/screenshots';
import type { Workbench } from './support/workbench';
import { startWorkbench } from './support/workbench';
import { compareIdle as compareIdleOn, copiedRightPanel as copiedRightPanelOf, expectAccessible as expectAccessibleOn } from './support/workbenchPage';

/**
 * The user guide, screen by screen, in real Chromium against revprov-server, the example adapter
 * and a bare git repository: find the component, Import, fill and review the form, watch the
 * processing, pick changes, save, and see exactly those lines committed.
 */

const AMOUNT = 'spec.mesh.dataContract.schema[name=amount].dataType';
const CURRENCY = 'spec.mesh.dataContract.schema[name=currency]';
const ROW_COUNT = 'spec.mesh.specific.rowCount';
const FOREIGN_KEYS = 'spec.mesh.specific.foreignKeys';
const SECRET = 'tok-3e1f-very-secret';

let wb: Workbench;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const shots = screenshotDir();

const git = (...args: string[]): string => gitIn(wb.seed.repoUrl, ...args);

const expectAccessible = (screen: string): Promise<void> => expectAccessibleOn(page, screen);
const compareIdle = (): Promise<void> => compareIdleOn(page);
const copiedRightPanel = (): Promise<string> => copiedRightPanelOf(page);

/** What the server's preview gives for these paths on the branch head (computed independently of the page). */
async function serverPreview(operationId: string, paths: string[]): Promise<string> {
  const data = await wb.gql<{ applySelectedPaths: { yaml: string } }>('mutation ($id: ID!, $paths: [String!]!) { applySelectedPaths(input: { operationId: $id, paths: $paths }) { yaml } }', { id: operationId, paths });
  return data.applySelectedPaths.yaml;
}

beforeAll(async () => {
  wb = await startWorkbench();
  // the template's documentation link points at the adapter's documentation page
  colleagueCommit(wb.seed.repoUrl, 'reverse-provisioning-template.yaml', (t) => t.replace(/url: http:\/\/127\.0\.0\.1:4001\/datamesh\.specificprovisioner\/docs/, `url: ${wb.adapter.url}/docs`), 'Template: documentation link');
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: wb.url });
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
  page.on('pageerror', (e) => {
    throw e;
  });
});

afterAll(async () => {
  await browser?.close();
  await wb?.close();
  shots.close();
});

describe('the guide in the workbench', () => {
  let operationId = '';

  it('1. finds the component in the catalog and the template in the templates list', async () => {
    await page.goto(wb.url);
    await page.getByRole('heading', { name: 'Components', level: 1 }).waitFor();
    await page.getByLabel('Search components').fill('orders');
    const link = page.getByRole('link', { name: 'orders-output-port' });
    await link.waitFor();
    await expect(page.getByRole('img', { name: 'Reverse provisioning available' }).count()).resolves.toBe(1);
    await page.getByLabel('Search components').fill('invoices');
    await page.getByText('No component matches “invoices”.').waitFor();
    await page.getByLabel('Search components').fill('sales orders');
    await link.waitFor();
    await expectAccessible('catalog');
    await shoot(page, shots, '1-catalog');

    await page.getByRole('link', { name: 'Templates' }).click();
    await page.getByRole('heading', { name: 'Templates', level: 1 }).waitFor();
    const card = page.getByRole('article', { name: 'SQLite output port reverse provisioning' });
    await card.getByText('urn:dmb:utm:sqlite-outputport-template:0.0.0').waitFor();
    await expect(card.getByRole('img', { name: 'Reverse provisioning available' }).count()).resolves.toBe(1);
    await expectAccessible('templates');
    await shoot(page, shots, '2-templates');
  });

  it('2. opens the component page and the Import dialog', async () => {
    await page.getByRole('link', { name: 'Catalog' }).click();
    await page.getByRole('link', { name: 'orders-output-port' }).click();
    await page.getByRole('heading', { name: 'orders-output-port', level: 1 }).waitFor();
    const facts = await page.locator('dl.facts').innerText();
    for (const fact of ['Kind\nComponent', 'Owner\ngroup:sales-data', `Repository\n${wb.seed.repoUrl}`, 'Branch\nmain']) expect(facts).toContain(fact);
    await page.getByText('No reverse provisioning has run on this component yet.').waitFor();
    await expectAccessible('component page');
    await shoot(page, shots, '3-component');

    await page.getByRole('button', { name: 'Import' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import' });
    await dialog.waitFor();
    await expect(dialog.getByRole('button', { name: 'Reverse Provisioning' }).isEnabled()).resolves.toBe(true);
    await expectAccessible('import dialog');
    await shoot(page, shots, '4-import-dialog');
    await dialog.getByRole('button', { name: 'Reverse Provisioning' }).click();
  });

  it('3. fills the template’s form (secret as a password input) and reviews it; Documentation opens the template’s page', async () => {
    await page.getByRole('heading', { name: 'Provide information' }).waitFor();
    await expect(page.locator('[aria-current="step"]').innerText()).resolves.toContain('Provide information');
    const table = page.getByLabel('Table name');
    await expect(table.inputValue()).resolves.toBe('orders');
    const token = page.getByLabel('API token');
    await expect(token.getAttribute('type')).resolves.toBe('password');
    await expect(page.getByLabel('Environment').inputValue()).resolves.toBe('development');
    await token.fill(SECRET);
    await expectAccessible('provide information');
    await shoot(page, shots, '5-provide');

    const popup = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Documentation' }).click();
    const docs = await popup;
    await docs.waitForLoadState();
    expect(docs.url()).toBe(`${wb.adapter.url}/docs`);
    await docs.getByRole('heading', { name: 'SQLite output port: reverse provisioning' }).waitFor();
    await docs.close();

    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { name: 'Review information' }).waitFor();
    await page.getByText('The server accepted these inputs.').waitFor();
    const review = await page.locator('dl.review').innerText();
    expect(review).toContain('Environment\ndevelopment');
    expect(review).toContain('Table name\norders');
    expect(review).toContain('API token\n••••••••');
    expect(await page.content()).not.toContain(SECRET);
    await expectAccessible('review information');
    await shoot(page, shots, '6-review');
  });

  it('4. starts, follows the processing live (status and logs), then compares', async () => {
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('heading', { name: 'Processing' }).waitFor();
    operationId = new URL(page.url()).searchParams.get('operation') ?? '';
    expect(operationId).toMatch(/^[0-9a-f-]{36}$/);
    await page.getByRole('status').filter({ hasText: 'Status: RUNNING' }).waitFor();
    await page.getByRole('heading', { name: 'Compare and merge', level: 2 }).waitFor();
    await compareIdle();

    // back to the processing step: the final status and every log line, with time, level and phase
    await page.getByRole('button', { name: /Processing/ }).click();
    await page.getByRole('status').filter({ hasText: 'Status: COMPLETED' }).waitFor();
    const logs = page.getByRole('table', { name: 'Logs' });
    await logs.getByRole('row', { name: /INFO introspection Reading table "orders"\./ }).waitFor();
    const firstRow = (await logs.getByRole('row').nth(1).getByRole('cell').allInnerTexts()).map((t) => t.trim());
    expect(firstRow[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3}$/);
    expect(firstRow.slice(1, 3)).toEqual(['INFO', 'server']);
    await expect(logs.getByRole('row').last().innerText()).resolves.toMatch(/reverse provisioning completed: 4 update\(s\) received/);
    expect(await page.content()).not.toContain(SECRET);
    await expectAccessible('processing');
    await shoot(page, shots, '7-processing');
    await page.getByRole('button', { name: /Compare and merge/ }).first().click();
    await compareIdle();
  });

  it('5. compares: enriched left, editable right, the change tree with statuses; picks two changes', async () => {
    const left = page.getByRole('textbox', { name: 'Enriched catalog-info.yaml' });
    const right = page.getByRole('textbox', { name: 'Current catalog-info.yaml' });
    await expect(left.getAttribute('aria-readonly')).resolves.toBe('true');
    await expect(right.getAttribute('contenteditable')).resolves.toBe('true');
    await page.getByText('16 changes: 16 clean, 0 conflict, 0 applied · 0 picked').waitFor();
    const amount = page.getByRole('checkbox', { name: `${AMOUNT}: replace, clean` });
    const currency = page.getByRole('checkbox', { name: `${CURRENCY}: add, clean` });
    const column = page.getByRole('checkbox', { name: 'All clean changes under name=amount' });
    await expect(page.locator('.change-row', { has: amount }).innerText()).resolves.toMatch(/old value\s+DOUBLE\s+→\s+new value\s+DECIMAL/);
    await expectAccessible('compare and merge');
    await shoot(page, shots, '8-compare');

    const original = git('show', 'main:catalog-info.yaml');
    expect(await copiedRightPanel()).toBe(original);
    await amount.check();
    await compareIdle();
    await expect(column.evaluate((el) => (el as HTMLInputElement).indeterminate)).resolves.toBe(true);
    await currency.check();
    await compareIdle();
    await page.getByText('· 2 picked').waitFor();
    expect(await copiedRightPanel()).toBe(await serverPreview(operationId, [AMOUNT, CURRENCY]));
    await expectAccessible('compare with picks');
    await shoot(page, shots, '9-picked');
  });

  it('6. saves: the dialog shows the branch; the commit holds exactly the two picked changes', async () => {
    const before = git('rev-parse', 'main').trim();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Save' });
    await dialog.waitFor();
    await expect(dialog.locator('dl').innerText()).resolves.toContain('Branch\nmain');
    await dialog.getByLabel('Commit message').fill('Reverse provisioning: amount is DECIMAL, new currency column');
    await expectAccessible('save dialog');
    await shoot(page, shots, '10-save');
    await dialog.getByRole('button', { name: 'Commit and push' }).click();
    const done = dialog.getByRole('status').filter({ hasText: 'Committed' });
    await done.waitFor();
    const sha = git('rev-parse', 'main').trim();
    expect(await done.innerText()).toContain(sha.slice(0, 12));
    expect(git('rev-parse', 'main~1').trim()).toBe(before);
    expect(git('log', '-1', '--format=%s')).toBe('Reverse provisioning: amount is DECIMAL, new currency column\n');
    const changed = git('diff', '-U0', 'main~1', 'main').split('\n').filter((l) => /^[-+][^-+]/.test(l));
    expect(changed).toEqual([
      '-          dataType: DOUBLE # money as a float; to be reviewed',
      '+          dataType: DECIMAL # money as a float; to be reviewed',
      '+        - name: currency',
      '+          dataType: CHAR',
      '+          dataLength: 3',
      '+          constraint: NOT_NULL',
    ]);
    await expectAccessible('saved');
    await shoot(page, shots, '11-saved');
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    // the view reloads on the new head: the saved changes are now part of the current file
    await page.getByRole('checkbox', { name: `${AMOUNT}: replace, applied` }).waitFor();
    await compareIdle();
  });

  it('7. the component page lists the operation; it reopens in the wizard', async () => {
    await page.getByRole('link', { name: 'orders-output-port' }).first().click();
    const rows = page.getByRole('table').getByRole('row');
    await rows.nth(1).getByText('COMPLETED').waitFor();
    await rows.nth(1).getByRole('link', { name: /Open operation/ }).click();
    await compareIdle();
    expect(new URL(page.url()).searchParams.get('operation')).toBe(operationId);
  });
});

describe('keyboard only: a free edit kept across picks, copied, downloaded and saved', () => {
  it('runs again, edits the right panel by hand, picks and unpicks, and commits the edit with the picks', async () => {
    await page.goto(`${wb.url}/catalog/default/component/orders-output-port`);
    await page.getByRole('heading', { name: 'orders-output-port', level: 1 }).waitFor();
    await page.locator('body').focus();
    await tabTo(page, page.getByRole('button', { name: 'Import' }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('button', { name: 'Reverse Provisioning' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Provide information' }).waitFor();
    await tabTo(page, page.getByRole('button', { name: 'Next' }));
    await page.keyboard.press('Enter');
    await page.getByText('The server accepted these inputs.').waitFor();
    await tabTo(page, page.getByRole('button', { name: 'Start' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Compare and merge', level: 2 }).waitFor();
    await compareIdle();
    const operationId = new URL(page.url()).searchParams.get('operation') ?? '';

    // a free edit: in the right panel, at the end of the component's description line
    const right = page.getByRole('textbox', { name: 'Current catalog-info.yaml' });
    await tabTo(page, right, 120);
    await page.keyboard.press('Control+Alt+g'); // CodeMirror's "go to line"
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    await page.keyboard.press('End');
    await page.keyboard.type(' Edited by hand.');
    await page.getByText('· edited by hand').waitFor();

    // picks by keyboard: Space on the checkboxes; then one is unpicked
    for (const [id, kind] of [[ROW_COUNT, 'add'], [FOREIGN_KEYS, 'add'], [ROW_COUNT, 'add']] as const) {
      await tabTo(page, page.getByRole('checkbox', { name: `${id}: ${kind}, clean` }), 120);
      await page.keyboard.press('Space');
      await compareIdle();
    }
    const withEdit = (text: string): string => text.replace('description: Curated orders, one row per order.', 'description: Curated orders, one row per order. Edited by hand.');
    const expected = withEdit(await serverPreview(operationId, [FOREIGN_KEYS]));
    expect(expected).toContain('Edited by hand.');

    await tabTo(page, page.getByRole('button', { name: 'Copy', exact: true }));
    await page.keyboard.press('Enter');
    await page.getByText('Copied catalog-info.yaml to the clipboard.').waitFor({ state: 'attached' });
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);

    await tabTo(page, page.getByRole('button', { name: 'Download' }));
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const file = await download;
    expect(file.suggestedFilename()).toBe('catalog-info.yaml');
    expect(readFileSync(await file.path(), 'utf8')).toBe(expected);

    await tabTo(page, page.getByRole('button', { name: 'Save', exact: true }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Save' });
    await dialog.waitFor();
    await tabTo(page, dialog.getByLabel('Commit message'));
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Foreign keys, and a hand-written description');
    await tabTo(page, dialog.getByRole('button', { name: 'Commit and push' }));
    await page.keyboard.press('Enter');
    await dialog.getByRole('status').filter({ hasText: 'Committed' }).waitFor();
    expect(git('show', 'main:catalog-info.yaml')).toBe(expected);
    await page.keyboard.press('Escape');
    await compareIdle();
  });
});

describe('an adapter failure', () => {
  it('shows the userMessage, then problems, solutions and errors, in that order', async () => {
    await page.goto(`${wb.url}/catalog/default/component/orders-output-port/reverse-provisioning`);
    await page.getByLabel('Table name').fill('invoices');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('status').filter({ hasText: 'Status: FAILED' }).waitFor();
    const failure = page.getByRole('alert').filter({ hasText: 'Reverse provisioning failed' });
    const text = await failure.innerText();
    const order = ['The table "invoices" was not found.', 'Problems', 'Table "invoices" does not exist in the database.', 'Solutions', 'Check the table name. Existing tables: customers, orders.', 'Errors'];
    const positions = order.map((s) => text.indexOf(s));
    expect(positions.every((p) => p >= 0), text).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const logs = await page.getByRole('table', { name: 'Logs' }).innerText();
    expect(logs, logs).toMatch(/ERROR\tserver\treverse provisioning failed: The table "invoices" was not found\./);
    await expectAccessible('failed processing');
    await shoot(page, shots, '12-failed');
    await page.getByRole('button', { name: 'Back to the form' }).click();
    await page.getByRole('heading', { name: 'Provide information' }).waitFor();
  });
});
