#!/usr/bin/env node
/**
 * The `revprov` command line (the `bin` of @revprov/merge-core). The library itself does no I/O;
 * everything that touches files, processes or the terminal lives under `src/cli/`.
 */
import { run } from './run.js';

try {
  process.exitCode = run(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`revprov: internal error: ${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 2;
}
