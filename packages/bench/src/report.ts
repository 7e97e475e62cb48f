import type { BenchResults, OpRow } from './results.js';

const ms = (x: number | undefined): string =>
  x === undefined ? '–' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : x >= 10 ? `${x.toFixed(0)} ms` : `${x.toFixed(2)} ms`;
const ratio = (x: number): string => `${x.toFixed(2)}×`;
const kb = (bytes: number): string => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(1)} KB`);
const table = (head: string[], rows: string[][]): string =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const mark = (met: boolean | undefined): string => (met === undefined ? 'not measured' : met ? 'met' : '**missed**');
const ok = (o: OpRow): string => (o.problem === undefined ? 'ok' : `**${o.problem.slice(0, 160).replace(/\|/g, '\\|')}**`);

/** The results as BENCHMARKS.md-ready markdown (tables only; the method is in BENCHMARKS.md). */
export function renderReport(r: BenchResults): string {
  const m = r.machine;
  const out: string[] = [
    `Measured ${m.date} on ${m.cpus} × ${m.cpuModel}, Node ${m.node} (${m.platform}); whole run ${r.totalSeconds.toFixed(0)} s.`,
    '',
  ];
  if (r.engineMissing.length > 0) out.push(`**Engine rows not measured:** merge-core does not export ${r.engineMissing.join(', ')} yet.`, '');

  out.push('### Targets', '', table(['target', 'figure', 'status'], r.targets.map((t) => [t.target, t.figure, mark(t.met)])), '');

  out.push('### Engine operations vs the `yaml.parseDocument` floor', '',
    'Median of the timed runs; floor = sum of `parseDocument` medians of the inputs named, same run.', '',
    table(['workload', 'size', 'operation', 'time', 'floor (inputs)', 'ratio to floor', 'runs', 'output'],
      r.ops.map((o) => [o.workload, kb(o.bytes), o.op, ms(o.ms), `${ms(o.floorMs)} (${o.floorOf})`, ratio(o.ms / o.floorMs), String(o.runs), ok(o)])), '');

  out.push('### Peers on the same inputs', '',
    'Ratio = peer time / our time for the same task (> 1: we are faster).', '',
    table(['workload', 'tool', 'task', 'time', 'ours', 'ratio', 'note'],
      r.peers.map((p) => [p.workload, p.tool, p.task, ms(p.ms), `${ms(p.oursMs)} (${p.versus})`,
        p.ms !== undefined && p.oursMs !== undefined ? ratio(p.ms / p.oursMs) : '–', (p.note ?? '').replace(/\|/g, '\\|').slice(0, 160)])), '');

  if (r.fidelity.length > 0) {
    out.push('### Output fidelity of a full merge', '',
      '"changed" = lines/bytes that differ from ours (what review shows); "outside intended" = lines/bytes that differ from the ideal merge ' +
      '(ours with exactly theirs\' edited lines; git merge-file produces it here because the sides never touch adjacent lines).', '',
      table(['workload', 'tool', 'value correct', 'changed lines', 'changed bytes', 'outside intended: lines', 'bytes'],
        r.fidelity.map((f) => [f.workload, f.tool, f.correct === 'yes' ? 'yes' : `no: ${f.correct.slice(0, 100).replace(/\|/g, '\\|')}`,
          String(f.changed.lines), String(f.changed.bytes), String(f.outsideIntended.lines), String(f.outsideIntended.bytes)])), '');
  }

  const labels = [...new Set(r.scaling.flatMap((s) => s.points.map((p) => p.label)))];
  out.push('### Scaling', '', 'Exponent = least-squares slope of log(time) over log(bytes); growth = time factor per 10× input.', '',
    table(['operation', ...labels, 'growth per 10×', 'exponent'],
      r.scaling.map((s) => [s.op, ...labels.map((l) => ms(s.points.find((p) => p.label === l)?.ms)),
        s.fit ? `×${s.fit.growthPer10x.toFixed(1)}` : '–', s.fit ? s.fit.exponent.toFixed(2) : '–'])), '');

  out.push('### Memory', '');
  if (r.memory === undefined) out.push('Not measured in this run.', '');
  else if ('notMeasured' in r.memory) out.push(`Not measured: ${r.memory.notMeasured}.`, '');
  else {
    const f = r.memory.figures;
    out.push(table(['workload', 'merge time', 'peak RSS', 'RSS with inputs read', 'V8 heap reserved after merge', 'heap used after merge', 'output'],
      [[`${r.memory.workload} (${kb(r.memory.bytes)})`, ms(f.ms), `${(f.maxRssKb / 1024).toFixed(0)} MB`, `${(f.inputRssKb / 1024).toFixed(0)} MB`,
        `${f.heapTotalMb.toFixed(0)} MB`, `${f.heapUsedMb.toFixed(0)} MB`, r.memory.problem ?? (f.errors > 0 ? `${f.errors} errors` : 'ok')]]), '');
  }

  out.push('### Server', '');
  if ('notMeasured' in r.server) out.push(`Not measured: ${r.server.notMeasured}.`, '');
  else {
    const s = r.server.figures;
    const perRequest = 1000 / s.requestsPerSecond;
    out.push('Latency includes queueing: 10 connections share one Node thread, so p50 ≈ 10 × the service time. ' +
      'The overhead ratio compares the service time per request (1 / throughput) with the same merge3 call in process.', '',
      table(['workload', 'connections', 'duration', 'requests/s', 'p50', 'p99', 'errors', 'service time / request', 'in-process merge3', 'server overhead'],
      [[r.server.workload, String(s.connections), `${s.durationS} s`, s.requestsPerSecond.toFixed(0), ms(s.p50Ms), ms(s.p99Ms), String(s.errors),
        ms(perRequest), ms(s.inProcessMs), ratio(perRequest / s.inProcessMs)]]), '');
  }
  return out.join('\n');
}
