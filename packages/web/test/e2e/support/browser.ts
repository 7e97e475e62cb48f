import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';

/** Debian's Chromium (installed by `.ci/run` when missing); no browser is downloaded. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Launches headless Chromium for a test file with the flags the machine needs (no sandbox as root,
 * no GPU, no network besides the page's own). Playwright gives it a fresh temporary profile
 * (`--user-data-dir`) and removes it on close.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
