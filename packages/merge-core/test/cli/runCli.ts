import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The built command line. Tests run the real `dist/cli/main.js` in a child process, so
 * `npm run build` must have run first (the root `npm test` and CI build before testing).
 */
export const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

export function assertBuilt(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" before these tests`);
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment for a child process: the test runner's, without the variables that change
 * colour (so each test states the ones it wants), with `env` on top.
 */
export function childEnv(env: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['FORCE_COLOR', 'NO_COLOR', 'TERM']) delete out[k];
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}

/** Runs `revprov <args>` with `node`, in `cwd`, feeding `input` on standard input. */
export function revprov(args: string[], opts: { cwd?: string; input?: string | Uint8Array; env?: Record<string, string | undefined> } = {}): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd,
    input: opts.input ?? '',
    encoding: 'utf8',
    env: childEnv(opts.env),
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
