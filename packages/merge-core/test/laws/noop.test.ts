import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges, merge3 } from '@revprov/merge-core';
import { describeScenario, mergeScenarioArb } from './mergeScenario.js';
import { lawParameters } from '../support/lawParameters.js';

describe('law: no-op', () => {
  it('an empty selection returns ours byte for byte, whatever the change set holds', () => {
    fc.assert(
      fc.property(mergeScenarioArb(4, 3), (s) => {
        const cs = merge3({ base: s.baseText, ours: s.oursText, theirs: s.theirsText });
        expect(cs.errors, describeScenario(s)).toEqual([]);
        expect(cs.changes.length, describeScenario(s)).toBeGreaterThan(0);
        const out = applyChanges(s.oursText, cs, []);
        expect(out.text).toBe(s.oursText);
        expect(out.applied).toEqual([]);
      }),
      lawParameters(100),
    );
  });
});
