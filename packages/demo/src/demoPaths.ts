import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (packages/demo/dist → three levels up), where `.revprov/` lives. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The demo's data folder: `REVPROV_DEMO_DIR`, or `<repo root>/.revprov/demo` (gitignored). */
export function demoDataDir(): string {
  return path.resolve(process.env.REVPROV_DEMO_DIR ?? path.join(repoRoot, '.revprov', 'demo'));
}
