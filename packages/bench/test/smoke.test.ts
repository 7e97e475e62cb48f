import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkMerged } from '../src/check.js';
import { lineDelta } from '../src/fidelity.js';
import { runBench } from '../src/harness.js';
import { gitMergeFile, writeMergeFiles } from '../src/peers.js';
import { renderReport } from '../src/report.js';
import { fitScaling } from '../src/scaling.js';
import { OP } from '../src/workloadBench.js';
import { STANDARD_SPECS, SCHEMA_PATH, makeWorkload } from '../src/workload/workload.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const small = STANDARD_SPECS[0]!;
const once = () => ({ ms: 0, minRuns: 1, maxRuns: 1, warmup: 0, gcBetween: false });

describe('workload generator', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = makeWorkload(small);
    const b = makeWorkload(small);
    expect(b.base).toBe(a.base);
    expect(b.ours).toBe(a.ours);
    expect(b.theirsText).toBe(a.theirsText);
    expect(JSON.stringify(b.updates)).toBe(JSON.stringify(a.updates));
    const other = makeWorkload({ ...small, seed: small.seed + 1 });
    expect(other.base).not.toBe(a.base);
  });

  it('renders valid catalog-info files of about 20 KB whose theirs text matches the updates', () => {
    const w = makeWorkload(small);
    expect(w.base.length).toBeGreaterThan(15_000);
    expect(w.base.length).toBeLessThan(30_000);
    const base = parse(w.base) as { spec: { mesh: { dataContract: { schema: unknown[] } } } };
    expect(base.spec.mesh.dataContract.schema).toHaveLength(100);
    expect(w.base).toContain('- tagFQN: PII.');
    const theirs = parse(w.theirsText) as typeof base;
    expect(theirs.spec.mesh.dataContract.schema).toEqual(w.updates[SCHEMA_PATH]);
    expect(w.recipe).toMatchObject({ changedType: [expect.any(String)], removed: [expect.any(String)], added: [expect.any(String)] });
    expect(w.ours).not.toBe(w.base);
  });

  it('makes a scenario git merge-file merges cleanly into the expected value', () => {
    const w = makeWorkload(small);
    const dir = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
    try {
      const merged = gitMergeFile(writeMergeFiles(dir, { base: w.base, ours: w.ours, theirs: w.theirsText }));
      expect(merged.conflicts).toBe(0);
      expect(checkMerged(merged.text, w)).toBeUndefined();
      expect(checkMerged(w.ours, w)).toMatch(/column|columns/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('measures', () => {
  it('fits the scaling exponent and counts line deltas', () => {
    const fit = fitScaling([{ bytes: 1e3, ms: 2 }, { bytes: 1e4, ms: 20 }, { bytes: 1e5, ms: 200 }]);
    expect(fit?.exponent).toBeCloseTo(1, 6);
    expect(fit?.growthPer10x).toBeCloseTo(10, 6);
    expect(lineDelta('a\nb\nc\n', 'a\nB\nc\n')).toEqual({ lines: 2, bytes: 4 });
    expect(lineDelta('same', 'same')).toEqual({ lines: 0, bytes: 0 });
  });
});

describe('harness on the 20 KB workload', () => {
  it('measures the peers, their fidelity, and renders the report', async () => {
    const results = await runBench({ specs: [small], budget: once, peers: true });
    const tools = results.peers.map((p) => p.tool);
    // jsondiffpatch twice: against diffJson (both on parsed values) and against diff from text
    expect(tools).toEqual(['yaml-diff-patch', 'git merge-file -p', 'jsondiffpatch', 'jsondiffpatch', 'microdiff']);
    expect(results.peers.filter((p) => p.tool === 'jsondiffpatch').map((p) => p.versus)).toEqual(['diffJson (parsed values)', 'diff']);
    for (const p of results.peers) expect(p.ms).toBeGreaterThan(0);
    const fidelity = Object.fromEntries(results.fidelity.map((f) => [f.tool, f]));
    expect(fidelity['git merge-file (the ideal here)']?.outsideIntended).toEqual({ lines: 0, bytes: 0 });
    expect(fidelity['yaml-diff-patch']?.outsideIntended.lines).toBeGreaterThan(0);
    const markdown = renderReport(results);
    expect(markdown).toContain('### Targets');
    expect(markdown).toContain('| 20 KB | yaml-diff-patch |');
  });

  it('measures every engine operation with correct outputs', async () => {
    const results = await runBench({ specs: [small], budget: once, peers: true });
    expect(results.engineMissing).toEqual([]);
    expect(results.ops.map((o) => o.op)).toEqual(Object.values(OP));
    for (const o of results.ops) {
      expect(o.problem, `${o.op}: ${o.problem}`).toBeUndefined();
      expect(o.ms).toBeGreaterThan(0);
      expect(o.floorMs).toBeGreaterThan(0);
    }
    const fidelity = Object.fromEntries(results.fidelity.map((f) => [f.tool, f]));
    expect(fidelity['revprov merge3 + applyChanges']?.correct).toBe('yes');
    expect(fidelity['revprov reverse-provisioning merge (theirs from applyUpdates)']?.correct).toBe('yes');
    expect(results.peers.find((p) => p.tool === 'yaml-diff-patch')?.oursMs).toBeGreaterThan(0);
  });
});

