import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { measureBundle } from '../src/web/bundleSize.js';
import type { WebBenchResults } from '../src/web/webBench.js';
import { renderWebReport } from '../src/web/webReport.js';

const dist = fileURLToPath(new URL('../../web/dist', import.meta.url));
const s = (median: number) => ({ median, min: median * 0.9, max: median * 1.1, n: 3 });

describe('the web benchmark report', () => {
  it('sizes the built workbench by when each file loads (the build precedes npm test)', () => {
    expect(existsSync(dist)).toBe(true);
    const files = measureBundle(dist);
    expect(files.find((f) => f.file === 'index.html')?.role).toBe('page');
    expect(files.filter((f) => f.role === 'page' && f.file.endsWith('.js'))).toHaveLength(1);
    expect(files.filter((f) => f.role === 'worker')).toHaveLength(1);
    expect(files.filter((f) => f.role === 'on demand').length).toBeGreaterThanOrEqual(2);
    for (const f of files) expect(f.gzipBytes, f.file).toBeLessThan(f.bytes);
  });

  it('renders every figure with its reference and ratio', () => {
    const r: WebBenchResults = {
      date: '2026-01-01',
      workload: { label: '1 MB', bytes: 1_065_000, columns: 5000, changes: 71 },
      runs: 3,
      bundle: [
        { file: 'index.html', bytes: 500, gzipBytes: 300, role: 'page' },
        { file: 'assets/index-x.js', bytes: 270_000, gzipBytes: 85_000, role: 'page' },
        { file: 'assets/compareWorker-x.js', bytes: 150_000, gzipBytes: 47_000, role: 'worker' },
      ],
      open: { completedToReady: s(3000), texts: s(500), engine: s(2000), render: s(500), navigationToReady: s(5000), completedToLeftPanel: s(4000), reference: s(1000), referenceLeftPanel: s(2000) },
      pick: { ms: s(900), reference: s(1000), withFreeEdit: s(1500) },
      totalSeconds: 90,
    };
    const md = renderWebReport(r);
    expect(md).toContain('| **operation COMPLETED → interactive compare view** | **3.00 s** | 2.70 s – 3.30 s | merge3: 1.00 s | 3.00× |');
    expect(md).toContain('| **check one change → right panel updated** | **900 ms** | 810 ms – 990 ms | applyChanges (the selection): 1.00 s | 0.90× |');
    expect(md).toContain('merge3 + applyChanges (all): 2.00 s | 2.00× |');
    expect(md).toContain('the catalog pages load 264.2 KB (83.3 KB gzipped)');
    expect(md).toContain('| `assets/compareWorker-x.js` | when comparing (worker) | 146.5 KB | 45.9 KB |');
  });
});
