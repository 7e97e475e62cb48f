import type { Stats, WebBenchResults } from './webBench.js';

const ms = (x: number): string => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const range = (s: Stats): string => `${ms(s.min)} – ${ms(s.max)}`;
const table = (head: string[], rows: string[][]): string =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

/** The workbench figures as BENCHMARKS.md-ready markdown. */
export function renderWebReport(r: WebBenchResults): string {
  const o = r.open;
  const p = r.pick;
  const page = r.bundle.filter((f) => f.role === 'page');
  const worker = r.bundle.filter((f) => f.role === 'worker');
  const onDemand = r.bundle.filter((f) => f.role === 'on demand');
  const sum = (fs: typeof page, k: 'bytes' | 'gzipBytes'): number => fs.reduce((a, f) => a + f[k], 0);
  return [
    `Measured ${r.date} in headless Chromium against revprov-server on the ${r.workload.label} workload (${r.workload.columns.toLocaleString('en')} columns, ${kb(r.workload.bytes)}, ${r.workload.changes} changes); ${r.runs} runs with fresh texts, a new operation and a new browser context each; whole run ${r.totalSeconds.toFixed(0)} s.`,
    '',
    table(
      ['figure', 'median', 'min – max', 'reference: the same engine work in Node', 'ratio'],
      [
        ['**operation COMPLETED → interactive compare view**', `**${ms(o.completedToReady.median)}**`, range(o.completedToReady), `merge3: ${ms(o.reference.median)}`, `${(o.completedToReady.median / o.reference.median).toFixed(2)}×`],
        ['  texts fetched (3 files over GraphQL)', ms(o.texts.median), range(o.texts), '', ''],
        ['  change set (merge3 by merge-core in the page’s worker, started and warmed up on a small file while the texts load)', ms(o.engine.median), range(o.engine), `merge3: ${ms(o.reference.median)}`, `${(o.engine.median / o.reference.median).toFixed(2)}×`],
        ['  panels (MergeView: two 1 MB editors and their diff) and tree rendered', ms(o.render.median), range(o.render), '', ''],
        ['operation COMPLETED → final left panel (the current file with every change, computed once the view is usable)', ms(o.completedToLeftPanel.median), range(o.completedToLeftPanel), `merge3 + applyChanges (all): ${ms(o.referenceLeftPanel.median)}`, `${(o.completedToLeftPanel.median / o.referenceLeftPanel.median).toFixed(2)}×`],
        ['page navigation → interactive compare view', ms(o.navigationToReady.median), range(o.navigationToReady), '', ''],
        ['**check one change → right panel updated**', `**${ms(p.ms.median)}**`, range(p.ms), `applyChanges (the selection): ${ms(p.reference.median)}`, `${(p.ms.median / p.reference.median).toFixed(2)}×`],
        ['same, with a free edit in the right panel (three-way carry)', ms(p.withFreeEdit.median), range(p.withFreeEdit), `${ms(p.reference.median)}`, `${(p.withFreeEdit.median / p.reference.median).toFixed(2)}×`],
      ],
    ),
    '',
    `Bundle (\`packages/web/dist\`, ${kb(r.bundle.reduce((a, f) => a + f.bytes, 0))} in all): the catalog pages load ${kb(sum(page, 'bytes'))} (${kb(sum(page, 'gzipBytes'))} gzipped); the wizard and the editors ${kb(sum(onDemand, 'bytes'))} more (${kb(sum(onDemand, 'gzipBytes'))} gzipped) when opened; the merge worker ${kb(sum(worker, 'bytes'))} (${kb(sum(worker, 'gzipBytes'))} gzipped) when a comparison opens.`,
    '',
    table(['file', 'loaded', 'size', 'gzip'], r.bundle.map((f) => [`\`${f.file}\``, f.role === 'page' ? 'with the page' : f.role === 'worker' ? 'when comparing (worker)' : 'on demand', kb(f.bytes), kb(f.gzipBytes)])),
  ].join('\n');
}
