import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Size of a line diff: lines removed + added, and their bytes (newlines included). */
export interface LineDelta {
  lines: number;
  bytes: number;
}

/**
 * How much text differs between `a` and `b`, by `git diff --no-index -U0` (Myers, like code
 * review shows it). Zero means byte-identical.
 */
export function lineDelta(a: string, b: string): LineDelta {
  if (a === b) return { lines: 0, bytes: 0 };
  const dir = mkdtempSync(join(tmpdir(), 'revprov-delta-'));
  try {
    writeFileSync(join(dir, 'a'), a);
    writeFileSync(join(dir, 'b'), b);
    const run = spawnSync('git', ['diff', '--no-index', '--no-color', '-U0', 'a', 'b'], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 1024 * 1024 * 1024,
    });
    if (run.status !== 0 && run.status !== 1) throw new Error(`git diff failed: ${run.stderr}`);
    let lines = 0;
    let bytes = 0;
    for (const line of run.stdout.split('\n')) {
      if ((line.startsWith('+') && !line.startsWith('+++')) || (line.startsWith('-') && !line.startsWith('---'))) {
        lines++;
        bytes += Buffer.byteLength(line); // the +/- marker stands in for the newline
      }
    }
    return { lines, bytes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
