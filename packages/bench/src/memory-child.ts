/**
 * Child process of the memory measurement: `node --expose-gc memory-child.js <dir>` reads
 * base.yaml, ours.yaml and updates.json from <dir>, runs the whole reverse-provisioning merge once,
 * writes the merged text to <dir>/merged.yaml and prints one JSON line of {@link MemoryFigures}.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { loadEngine, reverseMerge } from './engine.js';

const dir = process.argv[2];
if (dir === undefined) throw new Error('usage: memory-child.js <dir>');
const base = readFileSync(join(dir, 'base.yaml'), 'utf8');
const ours = readFileSync(join(dir, 'ours.yaml'), 'utf8');
const updates: unknown = JSON.parse(readFileSync(join(dir, 'updates.json'), 'utf8'));
const { engine, missing } = loadEngine();
if (engine === undefined) throw new Error(`merge-core lacks ${missing.join(', ')}`);

(globalThis as { gc?: () => void }).gc?.();
const before = process.resourceUsage().maxRSS;
const start = performance.now();
const merged = reverseMerge(engine, base, ours, updates);
const ms = performance.now() - start;
const heap = getHeapStatistics();
const after = process.memoryUsage();
writeFileSync(join(dir, 'merged.yaml'), merged.result.text);
process.stdout.write(
  `${JSON.stringify({
    ms,
    inputRssKb: before,
    maxRssKb: process.resourceUsage().maxRSS,
    heapTotalMb: heap.total_heap_size / 2 ** 20,
    heapUsedMb: after.heapUsed / 2 ** 20,
    errors: merged.errors.length,
  })}\n`,
);
