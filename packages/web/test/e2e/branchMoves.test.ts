import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser';
import { colleagueCommit, git } from './support/colleague';
import { screenshotDir, shoot } from './support/screenshots';
import type { Workbench } from './support/workbench';
import { startWorkbench } from './support/workbench';
import { compareIdle, copiedRightPanel, expectAccessible, runToCompare } from './support/workbenchPage';

/**
 * The branch moves between the run and the save: an unrelated commit is merged cleanly (the save
 * re-merges onto the new head), a commit at the same place is refused with its path, nothing is
 * written and the right panel keeps the user's version.
 */

const AMOUNT = 'spec.mesh.dataContract.schema[name=amount].dataType';
const ROW_COUNT = 'spec.mesh.specific.rowCount';

let wb: Workbench;
let browser: Browser;
let page: Page;
const shots = screenshotDir();
const head = (): string => git(wb.seed.repoUrl, 'rev-parse', 'main').trim();

beforeAll(async () => {
  wb = await startWorkbench();
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  context.setDefaultTimeout(15_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: wb.url });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await wb?.close();
  shots.close();
});

async function save(message: string): Promise<ReturnType<Page['getByRole']>> {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Save' });
  await dialog.getByLabel('Commit message').fill(message);
  await dialog.getByRole('button', { name: 'Commit and push' }).click();
  return dialog;
}

describe('the branch moves between run and save', () => {
  it('a colleague’s unrelated commit: the save re-merges cleanly onto the new head', async () => {
    await runToCompare(page, wb.url);
    await page.getByRole('checkbox', { name: `${ROW_COUNT}: add, clean` }).check();
    await compareIdle(page);
    const colleague = colleagueCommit(wb.seed.repoUrl, 'catalog-info.yaml', (t) => t.replace('description: Curated orders, one row per order.', 'description: Curated orders, checked by a colleague.'), 'Better description');

    const dialog = await save('Reverse provisioning: row count');
    const done = dialog.getByRole('status').filter({ hasText: 'Committed' });
    await done.waitFor();
    expect(await done.innerText()).toContain('The branch had moved meanwhile: your changes were merged onto its new head.');
    expect(git(wb.seed.repoUrl, 'rev-parse', 'main~1').trim()).toBe(colleague);
    const saved = git(wb.seed.repoUrl, 'show', 'main:catalog-info.yaml');
    expect(saved).toContain('description: Curated orders, checked by a colleague.');
    expect(saved).toContain('    rowCount: 4\n');
    expect(git(wb.seed.repoUrl, 'diff', '--stat', 'main~1', 'main')).toContain('1 insertion(+)');
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await page.getByRole('checkbox', { name: `${ROW_COUNT}: add, applied` }).waitFor();
    await compareIdle(page);
  });

  it('a colleague’s commit at the same place: refused with the path, nothing written, the edits kept', async () => {
    await page.getByRole('checkbox', { name: `${AMOUNT}: replace, clean` }).check();
    await compareIdle(page);
    const mine = await copiedRightPanel(page);
    expect(mine).toContain('dataType: DECIMAL # money as a float');
    const colleague = colleagueCommit(wb.seed.repoUrl, 'catalog-info.yaml', (t) => t.replace('dataType: DOUBLE # money', 'dataType: FLOAT # money'), 'amount is a FLOAT');

    const dialog = await save('Reverse provisioning: amount');
    const refused = dialog.getByRole('alert');
    await refused.getByText('Nothing was written: the branch moved and changed the same places as your version.').waitFor();
    expect(await refused.getByRole('list', { name: 'Conflicting paths' }).innerText()).toBe(AMOUNT);
    await expectAccessible(page, 'save conflict');
    await shoot(page, shots, '13-save-conflict');
    expect(head()).toBe(colleague);
    expect(git(wb.seed.repoUrl, 'show', 'main:catalog-info.yaml')).toContain('dataType: FLOAT # money');

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await copiedRightPanel(page)).toBe(mine);

    // starting again from the branch: the colleague's value now shows as a conflict
    await save('again');
    await dialog.getByRole('button', { name: 'Reload from branch' }).click();
    await page.getByRole('checkbox', { name: `${AMOUNT}: replace, conflict` }).waitFor();
    await compareIdle(page);
    await page.locator('.change-row.status-conflict').getByText('(branch now: FLOAT)').waitFor();
  });
});
