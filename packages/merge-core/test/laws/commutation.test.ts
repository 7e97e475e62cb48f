import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges, merge3 } from '@revprov/merge-core';
import { prng } from '../arbitraries/yamlStyle.js';
import { describeScenario, mergeScenarioArb } from './mergeScenario.js';

describe('law: commutation', () => {
  it('applying selection A, re-merging, then B equals applying A ∪ B at once (independent changes)', () => {
    fc.assert(
      fc.property(mergeScenarioArb(4, 2), (s) => {
        const input = { base: s.baseText, ours: s.oursText, theirs: s.theirsText };
        const cs = merge3(input);
        const clean = cs.changes.filter((c) => c.status === 'clean').map((c) => c.id);
        const rand = prng(s.pickSeed);
        const a = clean.filter(() => rand() < 0.5);
        const b = clean.filter((id) => !a.includes(id));
        const direct = applyChanges(s.oursText, cs, [...a, ...b]);
        const first = applyChanges(s.oursText, cs, a);
        const cs2 = merge3({ ...input, ours: first.text });
        const second = applyChanges(first.text, cs2, b);
        const why = describeScenario(s, { a, b, direct: direct.text, sequential: second.text });
        expect(direct.errors, why).toEqual([]);
        expect(second.errors, why).toEqual([]);
        expect(second.text, why).toBe(direct.text);
      }),
      { numRuns: 80 },
    );
  });
});
