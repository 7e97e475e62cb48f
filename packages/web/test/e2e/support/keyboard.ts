import type { Locator, Page } from 'playwright-core';

/**
 * Presses Tab until `target` has the focus (at most `max` presses), as a keyboard-only user would;
 * throws when it is never reached, so an unreachable control fails the test.
 */
export async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`not reachable with Tab in ${max} presses: ${target.toString()}`);
}
