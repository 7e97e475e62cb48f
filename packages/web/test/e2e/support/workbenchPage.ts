import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { seriousViolations } from './axe';

/** Waits until the compare view is loaded and idle (no pick being computed). */
export async function compareIdle(page: Page): Promise<void> {
  await page.locator('.compare[data-ready="true"][data-busy="false"]').waitFor();
}

/** The right panel's text, read the way a user gets it out: the Copy button, then the clipboard. */
export async function copiedRightPanel(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Copy', exact: true }).click();
  await page.getByText('Copied catalog-info.yaml to the clipboard.').waitFor({ state: 'attached' });
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Fails with the list of serious or critical axe violations of the page as it is now. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect(await seriousViolations(page), `axe on ${screen}`).toEqual([]);
}

/** Runs reverse provisioning on the demo component with the form's defaults, up to the compare view; returns the operation id. */
export async function runToCompare(page: Page, baseUrl: string): Promise<string> {
  await page.goto(`${baseUrl}/catalog/default/component/orders-output-port/reverse-provisioning`);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByText('The server accepted these inputs.').waitFor();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('heading', { name: 'Compare and merge', level: 2 }).waitFor();
  await compareIdle(page);
  return new URL(page.url()).searchParams.get('operation') ?? '';
}
