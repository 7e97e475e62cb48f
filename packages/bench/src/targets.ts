import type { BenchResults, TargetRow } from './results.js';
import { OP } from './workloadBench.js';

const fmt = (x: number, digits = 2): string => x.toFixed(digits);

/**
 * The issue's targets, judged on the measured figures (`met` is undefined where a figure is
 * missing): whole merge ≤ 1.3× its inputs' parse time; ≥ 2× faster than yaml-diff-patch and
 * ≥ 10× faster than jsondiffpatch at 1 MB; scaling exponent ≤ 1.1; 10 MB merge < 1.5 GB RSS.
 */
export function judgeTargets(r: Omit<BenchResults, 'targets'>, mainLabel = '1 MB'): TargetRow[] {
  const rows: TargetRow[] = [];
  const wholes = r.ops.filter((o) => o.op === OP.whole);
  for (const w of wholes) {
    const ratio = w.ms / w.floorMs;
    rows.push({ target: `whole merge ≤ 1.3× parseDocument(base + ours), ${w.workload}`, figure: `${fmt(ratio)}×`, met: ratio <= 1.3 });
  }
  for (const w of r.ops.filter((o) => o.op === OP.wholeNoVerify)) {
    const ratio = w.ms / w.floorMs;
    rows.push({ target: `(same, engine self-check off: verify false), ${w.workload}`, figure: `${fmt(ratio)}×`, met: ratio <= 1.3 });
  }
  if (wholes.length === 0) rows.push({ target: 'whole merge ≤ 1.3× parseDocument(base + ours)', figure: 'engine not available', met: undefined });
  const peer = (tool: string) => r.peers.find((p) => p.workload === mainLabel && p.tool === tool);
  for (const [tool, want] of [['yaml-diff-patch', 2], ['jsondiffpatch', 10]] as const) {
    const p = peer(tool);
    const speedup = p?.ms !== undefined && p.oursMs !== undefined ? p.ms / p.oursMs : undefined;
    rows.push({
      target: `≥ ${want}× faster than ${tool} (${p?.task ?? ''} vs ${p?.versus ?? ''}), ${mainLabel}`,
      figure: speedup !== undefined ? `${fmt(speedup, 1)}× faster` : 'not measured',
      met: speedup !== undefined ? speedup >= want : undefined,
    });
  }
  const s = r.scaling.find((x) => x.op === OP.whole);
  rows.push({
    target: 'scaling exponent of the whole merge ≤ 1.1',
    figure: s?.fit !== undefined ? `${fmt(s.fit.exponent)} (×${fmt(s.fit.growthPer10x, 1)} per 10× input)` : 'not measured',
    met: s?.fit !== undefined ? s.fit.exponent <= 1.1 : undefined,
  });
  const m = r.memory;
  const mb = m !== undefined && 'figures' in m ? m.figures.maxRssKb / 1024 : undefined;
  rows.push({
    target: '10 MB whole merge under 1.5 GB peak RSS',
    figure: mb !== undefined ? `${fmt(mb, 0)} MB` : 'not measured',
    met: mb !== undefined ? mb < 1536 : undefined,
  });
  return rows;
}
