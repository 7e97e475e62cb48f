import fc from 'fast-check';
import { describe, it } from 'vitest';
import { applyChanges, merge3, mergeWithConflictBlocks, parseYaml } from '@revprov/merge-core';
import { mergeScenario, yamlFile } from '@revprov/merge-core/testing';
import { chooseSide, countBlocks } from '../support/conflictMarkers.js';
import { lawParameters } from '../support/lawParameters.js';

/**
 * Two independent edits of one base file (they often touch the same places), as ours and theirs:
 * merges with conflicts, in every formatting style the kit writes.
 */
const conflicting = yamlFile().chain((file) =>
  fc
    .tuple(mergeScenario({ base: fc.constant(file), oursEdits: 0 }), mergeScenario({ base: fc.constant(file), oursEdits: 0 }))
    .map(([a, b]) => ({ base: file.text, ours: a.theirs, theirs: b.theirs })),
);

/** A last line without a line break gains one (conflict markers end each side's last line). */
const withBreak = (t: string) => t.replace(/([^\n])$/, `$1${t.includes('\r\n') ? '\r\n' : '\n'}`);

describe('law: conflict blocks', () => {
  it('ours everywhere is the clean merge; theirs everywhere holds theirs at every conflict; either side of any one block parses', () => {
    let withConflicts = 0;
    fc.assert(
      fc.property(conflicting, fc.constantFrom('merge' as const, 'diff3' as const), (input, conflictStyle) => {
        const r = mergeWithConflictBlocks(input, { conflictStyle });
        const changeSet = merge3(input);
        const clean = changeSet.changes.filter((c) => c.status === 'clean').map((c) => c.id);
        const merged = applyChanges(input.ours, changeSet, clean);
        if (merged.errors.length > 0) return r.errors.length > 0 && r.text === input.ours;
        if (r.errors.length > 0) throw new Error(`errors: ${JSON.stringify(r.errors)}`);
        if (r.conflicts.length + r.skipped.length === 0) return r.text === merged.text;
        withConflicts++;
        if (withBreak(chooseSide(r.text, 'ours')) !== withBreak(merged.text)) throw new Error(`ours side is not the clean merge:\n${r.text}`);
        const theirs = chooseSide(r.text, 'theirs');
        if (parseYaml(theirs).errors.length > 0) throw new Error(`theirs everywhere does not parse:\n${r.text}`);
        const status = new Map(merge3({ base: input.base, ours: theirs, theirs: input.theirs }).changes.map((c) => [c.id, c.status]));
        for (const c of [...r.conflicts.map((x) => x.id), ...r.skipped.map((s) => s.id)]) {
          if ((status.get(c) ?? 'applied') !== 'applied') throw new Error(`${c} is not theirs after choosing theirs:\n${r.text}`);
        }
        const blocks = countBlocks(r.text);
        for (let k = 0; k < blocks; k++) {
          const one = chooseNth(r.text, k);
          if (parseYaml(one).errors.length > 0) throw new Error(`choosing theirs in block ${k} alone does not parse:\n${r.text}`);
        }
        return true;
      }),
      lawParameters(60),
    );
    if (withConflicts === 0) throw new Error('no scenario had a conflict: the generator no longer exercises this law');
  });
});

/** The text with block `k` resolved to theirs and every other block to ours. */
function chooseNth(text: string, k: number): string {
  let n = -1;
  return text.replace(/^<{7}(?: .*)?\r?\n([^]*?)(?:^\|{7}(?: .*)?\r?\n[^]*?)?^={7}\r?\n([^]*?)^>{7}(?: .*)?(?:\r?\n|$)/gm, (_m, ours: string, theirs: string) => {
    n++;
    return n === k ? theirs : ours;
  });
}
