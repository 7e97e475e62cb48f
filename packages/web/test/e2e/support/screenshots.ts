import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/** docs/ui/ of the repository: where `npm run screenshots -w @revprov/web` writes the pictures docs/ui.md shows. */
export const DOCS_UI = fileURLToPath(new URL('../../../../../docs/ui', import.meta.url));

/**
 * Where this run's screenshots go: `docs/ui/` when `REVPROV_SCREENSHOTS=1` (to refresh the docs),
 * else a temporary folder (the pictures are still taken, so the step is exercised on every run).
 */
export function screenshotDir(): string {
  if (process.env.REVPROV_SCREENSHOTS === '1') {
    mkdirSync(DOCS_UI, { recursive: true });
    return DOCS_UI;
  }
  return mkdtempSync(path.join(tmpdir(), 'revprov-ui-'));
}

/** Takes a screenshot of the viewport as `<dir>/<name>.png`, the page scrolled to its top. */
export async function shoot(page: Page, dir: string, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(dir, `${name}.png`), animations: 'disabled', caret: 'hide' });
}
