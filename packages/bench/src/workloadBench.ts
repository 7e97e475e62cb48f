import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, parseDocument } from 'yaml';
import { checkMerged } from './check.js';
import { reverseMerge, tenPercent, type Engine } from './engine.js';
import { lineDelta } from './fidelity.js';
import { gitMergeFile, jsondiffpatchDiff, microdiffDiff, writeMergeFiles, yamlDiffPatchMerge } from './peers.js';
import { timeOp, type Budget } from './plan.js';
import { textsFor, untag, type Texts } from './variants.js';
import type { FidelityRow, OpRow, PeerRow } from './results.js';
import type { Workload } from './workload/workload.js';

/** Operation names as they appear in the tables. */
export const OP = {
  applyUpdates: 'applyUpdates',
  diff: 'diff',
  merge3: 'merge3',
  applyAll: 'applyChanges (all)',
  apply10: 'applyChanges (10%)',
  mergeToText: 'merge3 + applyChanges',
  whole: 'reverse-provisioning merge',
  wholeNoVerify: 'reverse-provisioning merge, verify off',
  diffJson: 'diffJson (parsed values)',
} as const;

export interface WorkloadBenchOptions {
  budget: Budget;
  peers: boolean;
  /** jsondiffpatch is quadratic: skip it above this many columns. */
  jsondiffpatchMaxColumns: number;
  log: (line: string) => void;
  /** Engine operations to measure (default all). */
  ops?: readonly string[];
}

/**
 * Measures one workload: the parse floor, every engine operation (when the engine is there), the
 * peers on the same inputs, and the fidelity of every full-merge output against the ideal one
 * (git merge-file's, which is byte-exact here because the two sides never touch adjacent lines).
 */
export function benchWorkload(
  w: Workload,
  engine: Engine | undefined,
  options: WorkloadBenchOptions,
): { ops: OpRow[]; peers: PeerRow[]; fidelity: FidelityRow[]; floors: { base: number; ours: number; theirs: number } } {
  const label = w.spec.label;
  const bytes = Buffer.byteLength(w.base);
  const { budget, log } = options;
  const fresh = (run: number): Texts => textsFor(w, run);
  const time = <T>(name: string, fn: (t: Texts) => T, scale = 1) => {
    const r = timeOp(`${label} ${name}`, fresh, fn, budget, scale);
    log(`  ${label.padEnd(16)} ${name.padEnd(34)} ${r.timing.median.toFixed(1).padStart(10)} ms  (${r.timing.samples} runs)`);
    return r;
  };

  // The first timed operation in a process would otherwise pay the parser's JIT warm-up.
  if (bytes < 3_000_000) for (let i = 0; i < 5; i++) parseDocument(w.base);
  const pBase = time('parseDocument(base)', (t) => parseDocument(t.base)).timing.median;
  const pOurs = time('parseDocument(ours)', (t) => parseDocument(t.ours)).timing.median;
  const pTheirs = time('parseDocument(theirs)', (t) => parseDocument(t.theirs)).timing.median;

  const ops: OpRow[] = [];
  const peers: PeerRow[] = [];
  const fidelity: FidelityRow[] = [];
  const row = (op: string, floorOf: string, floorMs: number, ms: number, runs: number, problem?: string): void => {
    ops.push({ workload: label, bytes, op, floorOf, floorMs, ms, runs, ...(problem !== undefined ? { problem } : {}) });
  };
  const errorsOf = (errors: readonly { code: string; message: string }[]): string | undefined =>
    errors.length > 0 ? `${errors.length} errors, first: ${errors[0]?.code} ${errors[0]?.message}` : undefined;

  const dir = mkdtempSync(join(tmpdir(), 'revprov-bench-'));
  try {
    const files = writeMergeFiles(dir, { base: w.base, ours: w.ours, theirs: w.theirsText });
    const ideal = gitMergeFile(files);

    let oursMergeMs: number | undefined;
    let oursDiffMs: number | undefined;
    let oursValuesDiffMs: number | undefined;
    let oursMerged: string | undefined;
    let wholeMerged: string | undefined;
    const want = (op: string): boolean => options.ops === undefined || options.ops.includes(op);
    if (engine !== undefined) {
      if (want(OP.applyUpdates)) {
        const au = time(OP.applyUpdates, (t) => engine.applyUpdates(t.base, w.updates));
        row(OP.applyUpdates, 'base', pBase, au.timing.median, au.timing.samples, errorsOf(au.output.errors));
      }
      if (want(OP.diff)) {
        const d = time(OP.diff, (t) => engine.diff(t.base, t.theirs));
        oursDiffMs = d.timing.median;
        row(OP.diff, 'base + theirs', pBase + pTheirs, d.timing.median, d.timing.samples, errorsOf(d.output.errors));
      }
      const needChangeSet = want(OP.merge3) || want(OP.applyAll) || want(OP.apply10);
      let cs = want(OP.merge3) || !needChangeSet ? undefined : engine.merge3({ base: w.base, ours: w.ours, theirs: w.theirsText });
      if (cs === undefined && want(OP.merge3)) {
        const m = time(OP.merge3, (t) => engine.merge3(t));
        cs = m.output;
        row(OP.merge3, 'base + ours + theirs', pBase + pOurs + pTheirs, m.timing.median, m.timing.samples,
          errorsOf(cs.errors) ?? (cs.summary.conflict > 0 ? `${cs.summary.conflict} unexpected conflicts` : undefined));
      }
      const changeSet = cs ?? { changes: [], summary: { total: 0, clean: 0, conflict: 0, applied: 0 }, errors: [] };
      if (want(OP.applyAll)) {
        const all = time(OP.applyAll, (t) => engine.applyChanges(t.ours, changeSet));
        row(OP.applyAll, 'ours', pOurs, all.timing.median, all.timing.samples,
          errorsOf(all.output.errors) ?? checkMerged(untag(all.output.text, 1), w));
      }
      if (want(OP.apply10)) {
        const selection = tenPercent(changeSet);
        const some = time(OP.apply10, (t) => engine.applyChanges(t.ours, changeSet, selection));
        row(OP.apply10, 'ours', pOurs, some.timing.median, some.timing.samples, errorsOf(some.output.errors));
      }
      if (want(OP.mergeToText)) {
        const mt = time(OP.mergeToText, (t) => engine.applyChanges(t.ours, engine.merge3(t)).text);
        oursMergeMs = mt.timing.median;
        oursMerged = untag(mt.output, 1);
        row(OP.mergeToText, 'base + ours + theirs', pBase + pOurs + pTheirs, mt.timing.median, mt.timing.samples,
          checkMerged(oursMerged, w));
      }
      if (want(OP.whole)) {
        const whole = time(OP.whole, (t) => reverseMerge(engine, t.base, t.ours, w.updates));
        wholeMerged = untag(whole.output.result.text, 1);
        row(OP.whole, 'base + ours', pBase + pOurs, whole.timing.median, whole.timing.samples,
          errorsOf(whole.output.errors) ?? checkMerged(wholeMerged, w));
      }
      if (want(OP.wholeNoVerify)) {
        const fast = time(OP.wholeNoVerify, (t) => reverseMerge(engine, t.base, t.ours, w.updates, { verify: false }));
        row(OP.wholeNoVerify, 'base + ours', pBase + pOurs, fast.timing.median, fast.timing.samples,
          errorsOf(fast.output.errors) ?? checkMerged(untag(fast.output.result.text, 1), w));
      }
      if (want(OP.diffJson)) {
        const bv = parse(w.base) as never;
        const tv = parse(w.theirsText) as never;
        const dj = time(OP.diffJson, () => engine.diffJson(bv, tv));
        oursValuesDiffMs = dj.timing.median;
        row(OP.diffJson, 'base + theirs', pBase + pTheirs, dj.timing.median, dj.timing.samples, errorsOf(dj.output.errors));
      }
    }

    if (options.peers) {
      const peer = (tool: string, task: string, versus: string, oursMs: number | undefined, ms?: number, runs?: number, note?: string) =>
        peers.push({ workload: label, tool, task, versus, ...(oursMs !== undefined ? { oursMs } : {}), ...(ms !== undefined ? { ms, runs } : {}), ...(note !== undefined ? { note } : {}) });

      const ydp = time('yaml-diff-patch', (t) => yamlDiffPatchMerge(t.base, t.ours, t.theirs), 0.5);
      const ydpText = untag(ydp.output, 1);
      peer('yaml-diff-patch', 'three-way merge to text', OP.mergeToText, oursMergeMs, ydp.timing.median, ydp.timing.samples,
        checkMerged(ydpText, w));

      const git = time('git merge-file -p', () => gitMergeFile(files), 0.5);
      peer('git merge-file -p', 'three-way merge to text (line-level, spawned)', OP.mergeToText, oursMergeMs, git.timing.median,
        git.timing.samples, git.output.conflicts > 0 ? `${git.output.conflicts} conflicts` : checkMerged(git.output.text, w));

      const baseValue: unknown = parse(w.base);
      const theirsValue: unknown = parse(w.theirsText);
      if (w.spec.columns <= options.jsondiffpatchMaxColumns) {
        const jdp = time('jsondiffpatch (objectHash)', () => jsondiffpatchDiff(baseValue, theirsValue), 0.5);
        peer('jsondiffpatch', 'diff of parsed values, columns by name', OP.diffJson, oursValuesDiffMs, jdp.timing.median, jdp.timing.samples);
        peer('jsondiffpatch', 'diff of parsed values vs our diff from text (parses included)', OP.diff, oursDiffMs, jdp.timing.median, jdp.timing.samples);
      } else {
        peer('jsondiffpatch', 'diff of parsed values, columns by name', OP.diffJson, oursValuesDiffMs, undefined, undefined,
          `not run: its array diff is quadratic (LCS), ~${((w.spec.columns / 5000) ** 2).toFixed(0)}× the 1 MB time`);
      }
      const md = time('microdiff', () => microdiffDiff(baseValue, theirsValue));
      peer('microdiff', 'diff of parsed values (positional arrays)', OP.diffJson, oursValuesDiffMs, md.timing.median, md.timing.samples,
        `${md.output} changes reported (index-based: every column after a removal "changes")`);

      const fid = (tool: string, text: string): void => {
        fidelity.push({ workload: label, tool, correct: checkMerged(text, w) ?? 'yes', changed: lineDelta(w.ours, text), outsideIntended: lineDelta(ideal.text, text) });
      };
      if (ideal.conflicts === 0) {
        if (oursMerged !== undefined) fid('revprov merge3 + applyChanges', oursMerged);
        if (wholeMerged !== undefined) fid('revprov reverse-provisioning merge (theirs from applyUpdates)', wholeMerged);
        fid('yaml-diff-patch', ydpText);
        fid('git merge-file (the ideal here)', ideal.text);
      }
    }
    return { ops, peers, fidelity, floors: { base: pBase, ours: pOurs, theirs: pTheirs } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
