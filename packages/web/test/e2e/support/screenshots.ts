import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/** docs/ui/ of the repository: where `npm run screenshots -w @revprov/web` writes the pictures docs/ui.md shows. */
export const DOCS_UI = fileURLToPath(new URL('../../../../../docs/ui', import.meta.url));

/** Where a test file's screenshots go, and how to clean up after it. */
export interface ScreenshotDir {
  dir: string;
  /** Removes the folder when it is a temporary one (never docs/ui/). */
  close(): void;
}

/**
 * Where this run's screenshots go: `docs/ui/` when `REVPROV_SCREENSHOTS=1` (to refresh the docs),
 * else a temporary folder removed by `close()` (the pictures are still taken, so the step is
 * exercised on every run).
 */
export function screenshotDir(): ScreenshotDir {
  if (process.env.REVPROV_SCREENSHOTS === '1') {
    mkdirSync(DOCS_UI, { recursive: true });
    return { dir: DOCS_UI, close: () => undefined };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'revprov-ui-'));
  return { dir, close: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Takes a screenshot of the viewport as `<dir>/<name>.png`, the page scrolled to its top. */
export async function shoot(page: Page, shots: ScreenshotDir, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(shots.dir, `${name}.png`), animations: 'disabled', caret: 'hide' });
}
