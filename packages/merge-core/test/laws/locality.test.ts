import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges, merge3 } from '@revprov/merge-core';
import { affectedLines } from '../support/affectedLines.js';
import { isSubsequence } from '../support/yamlPaths.js';
import { describeScenario, mergeScenarioArb, someChanges } from './mergeScenario.js';
import { lawParameters } from '../support/lawParameters.js';

describe('law: locality', () => {
  it('every line of ours outside the nodes of the selected changes survives, in order', () => {
    let checkedLines = 0;
    fc.assert(
      fc.property(mergeScenarioArb(4, 3), (s) => {
        const cs = merge3({ base: s.baseText, ours: s.oursText, theirs: s.theirsText });
        const selected = someChanges(cs.changes.filter((c) => c.status === 'clean'), s.pickSeed);
        const out = applyChanges(s.oursText, cs, selected.map((c) => c.id));
        const why = describeScenario(s, { selected: selected.map((c) => c.id), output: out.text });
        expect(out.errors, why).toEqual([]);
        const affected = new Set<number>();
        for (const c of selected) {
          const lines = affectedLines(s.oursText, c);
          expect(lines, `${c.id} not found in ours\n${why}`).not.toBeNull();
          for (const l of lines!) affected.add(l);
        }
        // lines compare without their CR: appending after a last line that had no line break adds one
        const oursLines = s.oursText.split('\n').map((l) => l.replace(/\r$/, ''));
        // a line holding an alias is exempt: editing the anchored node writes its old value out there
        const kept = oursLines.filter((line, i) => !affected.has(i) && !/(^|[\s[{,])\*[^\s,\]}]+/.test(line.replace(/#.*$/, '')));
        checkedLines += kept.length;
        // a collection emptied by several removals shows as `key: {}` / `key: []` on its key line
        const outLines = out.text.split(/\r?\n/).map((l) => l.replace(/:[ \t]*(\{\}|\[\])(?=[ \t]*(#.*)?$)/, ':'));
        expect(isSubsequence(kept.map((l) => l.replace(/:[ \t]*(\{\}|\[\])(?=[ \t]*(#.*)?$)/, ':')), outLines), why).toBe(true);
      }),
      lawParameters(100),
    );
    expect(checkedLines).toBeGreaterThan(0);
  });
});
