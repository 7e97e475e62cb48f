import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Workload } from './workload/workload.js';

/** Memory of one whole merge in a fresh process. */
export interface MemoryFigures {
  ms: number;
  /** Peak RSS (KB) after reading the inputs, before merging. */
  inputRssKb: number;
  /** Peak RSS (KB) of the whole process, merge included (getrusage `ru_maxrss`). */
  maxRssKb: number;
  /** V8 heap reserved right after the merge (close to the heap's peak: V8 shrinks it lazily). */
  heapTotalMb: number;
  heapUsedMb: number;
  errors: number;
}

/**
 * Runs the whole reverse-provisioning merge of `workload` once in a child `node --expose-gc`
 * (compiled `memory-child.js` next to this file) and returns its memory figures and merged text.
 */
export function measureMemory(workload: Workload): { figures: MemoryFigures; merged: string } {
  const dir = mkdtempSync(join(tmpdir(), 'revprov-mem-'));
  try {
    writeFileSync(join(dir, 'base.yaml'), workload.base);
    writeFileSync(join(dir, 'ours.yaml'), workload.ours);
    writeFileSync(join(dir, 'updates.json'), JSON.stringify(workload.updates));
    const child = fileURLToPath(new URL('./memory-child.js', import.meta.url));
    const run = spawnSync(process.execPath, ['--expose-gc', child, dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (run.status !== 0) throw new Error(`memory child failed (${run.status}): ${run.stderr.slice(0, 2000)}`);
    const figures = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as MemoryFigures;
    return { figures, merged: readFileSync(join(dir, 'merged.yaml'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
