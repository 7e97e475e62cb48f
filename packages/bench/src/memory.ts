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

/** Heap limit of the child: well above the 1.5 GB target, so a miss is measured, not a crash. */
const HEAP_LIMIT_MB = 8192;

/**
 * Runs the whole reverse-provisioning merge of `workload` once in a child `node --expose-gc`
 * (compiled `memory-child.js` next to this file) and returns its memory figures and merged text,
 * or why the child failed (e.g. out of memory).
 */
export function measureMemory(workload: Workload): { figures: MemoryFigures; merged: string } | { failed: string } {
  const dir = mkdtempSync(join(tmpdir(), 'revprov-mem-'));
  try {
    writeFileSync(join(dir, 'base.yaml'), workload.base);
    writeFileSync(join(dir, 'ours.yaml'), workload.ours);
    writeFileSync(join(dir, 'updates.json'), JSON.stringify(workload.updates));
    const child = fileURLToPath(new URL('./memory-child.js', import.meta.url));
    const run = spawnSync(process.execPath, ['--expose-gc', `--max-old-space-size=${HEAP_LIMIT_MB}`, child, dir], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (run.status !== 0) {
      const oom = /heap out of memory/.test(run.stderr);
      return { failed: oom ? `the merge ran out of memory with a ${HEAP_LIMIT_MB} MB heap limit` : `the child exited with ${run.status ?? run.signal}: ${run.stderr.slice(0, 300)}` };
    }
    const figures = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as MemoryFigures;
    return { figures, merged: readFileSync(join(dir, 'merged.yaml'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
