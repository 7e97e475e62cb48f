/**
 * `npm run bench`: measures everything, prints progress to stderr and the markdown to stdout, and
 * replaces the part of the top-level BENCHMARKS.md between `<!-- bench:start -->` and
 * `<!-- bench:end -->` (unless `--no-write`). `--quick` measures only 20 KB and 1 MB, no memory;
 * `--report-only` re-renders the last run's dist/results.json without measuring.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runBench } from './harness.js';
import type { BenchResults } from './results.js';
import { renderReport } from './report.js';
import { OP } from './workloadBench.js';
import { FOUR_SPACE_SPECS, STANDARD_SPECS } from './workload/workload.js';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const sizes = quick ? STANDARD_SPECS.slice(0, 2) : STANDARD_SPECS;
const large = STANDARD_SPECS[STANDARD_SPECS.length - 1];
const saved = fileURLToPath(new URL('./results.json', import.meta.url));
const results: BenchResults = args.has('--report-only')
  ? (JSON.parse(readFileSync(saved, 'utf8')) as BenchResults)
  : await runBench({
  specs: [...sizes, ...FOUR_SPACE_SPECS.slice(0, 2)],
  ...(quick || large === undefined ? {} : { memorySpec: large }),
  server: !args.has('--no-server'),
  // Keep the whole run near 10 minutes on 2 cores: the 4-space variants measure the merges only.
  // At 10 MB the engine runs only in the child process (whole merge: time and memory), because
  // merge-core keeps its last 8 parsed files in memory and 10 MB ones exhaust this process's heap.
  opsFor: (spec) => (spec.indent === 4 ? [OP.mergeToText, OP.whole] : spec.columns >= 50_000 ? [] : undefined),
      log: (line) => process.stderr.write(`${line}\n`),
    });
const markdown = renderReport(results);
process.stdout.write(`${markdown}\n`);

const target = fileURLToPath(new URL('../../../BENCHMARKS.md', import.meta.url));
if (!args.has('--no-write') && existsSync(target)) {
  const text = readFileSync(target, 'utf8');
  const start = text.indexOf('<!-- bench:start -->');
  const end = text.indexOf('<!-- bench:end -->');
  if (start >= 0 && end > start) {
    writeFileSync(target, `${text.slice(0, start)}<!-- bench:start -->\n${markdown}\n${text.slice(end)}`);
    process.stderr.write(`updated ${target}\n`);
  }
}
writeFileSync(saved, `${JSON.stringify(results, null, 2)}\n`);
