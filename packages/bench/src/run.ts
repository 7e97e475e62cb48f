/**
 * `npm run bench`: measures everything, prints progress to stderr and the markdown to stdout, and
 * replaces the parts of the top-level BENCHMARKS.md between `<!-- bench:start -->` and
 * `<!-- bench:end -->` (the engine) and between `<!-- web-bench:start -->` and
 * `<!-- web-bench:end -->` (the web workbench) and between `<!-- scale-bench:start -->` and
 * `<!-- scale-bench:end -->` (the server on SQLite and PostgreSQL, one and two instances), unless
 * `--no-write`. `--quick` measures only 20 KB and 1 MB, no memory, and fewer operations;
 * `--web-only` / `--no-web`, `--scale-only` / `--no-scale` run one part or skip one;
 * `--report-only` re-renders the last run's dist/*results.json without measuring. From the root:
 * `npm run bench -- --scale-only`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runBench } from './harness.js';
import type { BenchResults } from './results.js';
import { renderReport } from './report.js';
import { runWebBench } from './web/webBench.js';
import type { WebBenchResults } from './web/webBench.js';
import { renderWebReport } from './web/webReport.js';
import { runScaleBench } from './scale/scaleBench.js';
import type { ScaleBenchResults } from './scale/scaleBench.js';
import { renderScaleReport } from './scale/scaleReport.js';
import { OP } from './workloadBench.js';
import { FOUR_SPACE_SPECS, STANDARD_SPECS } from './workload/workload.js';

const KNOWN = ['--quick', '--report-only', '--no-write', '--web-only', '--no-web', '--scale-only', '--no-scale'];
const args = new Set(process.argv.slice(2));
const unknown = [...args].filter((a) => !KNOWN.includes(a));
if (unknown.length > 0) {
  process.stderr.write(`bench: unknown argument ${unknown.join(', ')} (known: ${KNOWN.join(' ')})\n`);
  process.exit(2);
}
const quick = args.has('--quick');
const reportOnly = args.has('--report-only');
const sizes = quick ? STANDARD_SPECS.slice(0, 2) : STANDARD_SPECS;
const large = STANDARD_SPECS[STANDARD_SPECS.length - 1];
const log = (line: string): void => void process.stderr.write(`${line}\n`);
const target = fileURLToPath(new URL('../../../BENCHMARKS.md', import.meta.url));

/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->` of BENCHMARKS.md. */
function writeSection(name: string, markdown: string): void {
  if (args.has('--no-write') || !existsSync(target)) return;
  const text = readFileSync(target, 'utf8');
  const start = text.indexOf(`<!-- ${name}:start -->`);
  const end = text.indexOf(`<!-- ${name}:end -->`);
  if (start < 0 || end < start) return log(`BENCHMARKS.md has no ${name} markers: not updated`);
  writeFileSync(target, `${text.slice(0, start)}<!-- ${name}:start -->\n${markdown}\n${text.slice(end)}`);
  log(`updated ${target} (${name})`);
}

/**
 * One part of the report: measured by `measure` (or, with `--report-only`, the last run's results
 * read back from `file` next to this script), rendered, printed, written into BENCHMARKS.md's
 * section `section`, and saved to `file` for the next `--report-only`.
 */
async function reportPart<T>(section: string, file: string, measure: () => Promise<T>, render: (results: T) => string): Promise<void> {
  const saved = fileURLToPath(new URL(file, import.meta.url));
  const results = reportOnly ? (JSON.parse(readFileSync(saved, 'utf8')) as T) : await measure();
  const markdown = render(results);
  process.stdout.write(`${markdown}\n`);
  writeSection(section, markdown);
  writeFileSync(saved, `${JSON.stringify(results, null, 2)}\n`);
}

const only = ['--web-only', '--scale-only'].find((a) => args.has(a));

if (only === undefined) {
  await reportPart<BenchResults>(
    'bench',
    './results.json',
    () =>
      runBench({
        specs: [...sizes, ...FOUR_SPACE_SPECS.slice(0, 2)],
        ...(quick || large === undefined ? {} : { memorySpec: large }),
        server: !args.has('--no-server'),
        // Keep the whole run near 10 minutes on 2 cores: the 4-space variants measure the merges only.
        // At 10 MB the engine runs only in the child process (whole merge: time and memory), because
        // merge-core keeps its last 8 parsed files in memory and 10 MB ones exhaust this process's heap.
        opsFor: (spec) => (spec.indent === 4 ? [OP.mergeToText, OP.whole] : spec.columns >= 50_000 ? [] : undefined),
        log,
      }),
    renderReport,
  );
}

if ((only === undefined || only === '--web-only') && !args.has('--no-web')) {
  await reportPart<WebBenchResults>('web-bench', './web-results.json', () => runWebBench({ runs: quick ? 2 : 3, log }), renderWebReport);
}

if ((only === undefined || only === '--scale-only') && !args.has('--no-scale')) {
  await reportPart<ScaleBenchResults>(
    'scale-bench',
    './scale-results.json',
    () => runScaleBench({ ...(quick ? { operations: 60, querySeconds: 4 } : {}), log }),
    renderScaleReport,
  );
}
