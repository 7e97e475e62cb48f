import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { WebConfig } from '../config/config.js';

/** The package whose built assets are served when no folder is configured. */
export const WEB_PACKAGE = '@revprov/web';

/**
 * The folder to serve the workbench from, or null when there is none: `web.dir` when configured
 * (it must hold an `index.html`), else the `dist` folder of `@revprov/web` when that package can be
 * resolved from the server and has been built. Disabled (`web.enabled: false`) gives null.
 */
export function resolveWebRoot(web: WebConfig | undefined, resolveFrom: string = import.meta.url): string | null {
  if (web?.enabled === false) return null;
  if (web?.dir) return existsSync(path.join(web.dir, 'index.html')) ? path.resolve(web.dir) : null;
  let manifest: string;
  try {
    manifest = createRequire(resolveFrom).resolve(`${WEB_PACKAGE}/package.json`);
  } catch {
    return null;
  }
  const dist = path.join(path.dirname(manifest), 'dist');
  return existsSync(path.join(dist, 'index.html')) ? dist : null;
}
