import type { CpuShare, ScaleBenchResults } from './scaleBench.js';

const table = (head: string[], rows: string[][]): string =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const ms = (x: number): string => (Number.isNaN(x) ? '–' : x >= 100 ? `${x.toFixed(0)} ms` : `${x.toFixed(1)} ms`);
const per = (cpuSeconds: number, count: number): string => (count > 0 ? `${((cpuSeconds / count) * 1000).toFixed(1)} ms` : '–');
/** How busy the cores were: CPU seconds per wall second of this benchmark's processes, then of the whole machine. */
const busy = (c: CpuShare): string => `${((c.servers + c.postgres + c.driver) / c.wallSeconds).toFixed(2)} / ${(c.machine / c.wallSeconds).toFixed(2)}`;
const iowait = (c: CpuShare): string => (c.iowait / c.wallSeconds).toFixed(2);
/** The rate the cores would allow if this benchmark had them all: cores / CPU seconds per unit of work. */
const ceiling = (c: CpuShare, count: number, cores: number): string => (count > 0 ? `${(cores / ((c.servers + c.postgres + c.driver) / count)).toFixed(0)}/s` : '–');

/** Where the CPU of one phase went: per unit of work (servers, postgres, load generator), busy, I/O wait, ceiling. */
const cpuCells = (c: CpuShare, count: number, cores: number): string[] => [
  per(c.servers, count),
  per(c.postgres, count),
  per(c.driver, count),
  busy(c),
  iowait(c),
  ceiling(c, count, cores),
];

/** The scale figures as BENCHMARKS.md-ready markdown. */
export function renderScaleReport(r: ScaleBenchResults): string {
  const out = [`Measured ${r.machine.date} on ${r.machine.cpus} cores, Node ${r.machine.node}; workload ${r.workload}; whole run ${r.totalSeconds.toFixed(0)} s.`, ''];
  if (r.notMeasured) out.push(`Not measured: ${r.notMeasured}.`, '');
  if (r.rows.length === 0) return out.join('\n');
  out.push(
    'Operations: started with `runReverseProvisioning` and followed with the subscription until COMPLETED (with two instances, on the other one), several at a time, round robin over the instances. ' +
      'Query: `reverseProvisioningOperation(id) { id status updatedAt logs updates }` on the operations just made.',
    '',
    table(
      ['setup', 'operations/s', 'operation p50', 'operation p99', 'query/s', 'query p50', 'query p99', 'errors'],
      r.rows.map((x) => [
        x.setup,
        `${x.operationsPerSecond.toFixed(1)} (${x.operations} at ${x.concurrency})`,
        ms(x.operationP50Ms),
        ms(x.operationP99Ms),
        `${x.queryPerSecond.toFixed(0)} (${x.queryConnections} connections)`,
        ms(x.queryP50Ms),
        ms(x.queryP99Ms),
        x.problem ?? String(x.errors),
      ]),
    ),
    '',
    'Where the CPU went: CPU time per operation or per query (servers include their git processes); ' +
      `busy: CPU seconds per wall second of this benchmark's processes / of the whole machine (${r.machine.cpus} cores; other work on a shared machine included); ` +
      'I/O wait: core-seconds per second spent waiting for the disk; CPU ceiling: the rate the cores would allow with nothing else running (cores / CPU per operation or query, every process of the benchmark counted).',
    '',
    table(
      ['setup', 'per operation: servers', 'postgres', 'load generator', 'busy', 'I/O wait', 'CPU ceiling', 'per query: servers', 'postgres', 'load generator', 'busy', 'I/O wait', 'CPU ceiling'],
      r.rows.map((x) => [
        x.setup,
        ...cpuCells(x.operationCpu, x.operations, r.machine.cpus),
        ...cpuCells(x.queryCpu, x.queryRequests, r.machine.cpus),
      ]),
    ),
  );
  return out.join('\n');
}
