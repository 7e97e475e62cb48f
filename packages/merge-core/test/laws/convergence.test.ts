import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges, diff, merge3 } from '@revprov/merge-core';
import { describeScenario, mergeScenarioArb, parseValues } from './mergeScenario.js';
import { lawParameters } from '../support/lawParameters.js';

describe('law: convergence', () => {
  it('with ours == base, applying every change gives a document equal in value to theirs', () => {
    fc.assert(
      fc.property(mergeScenarioArb(4, 0), (s) => {
        const why = describeScenario(s);
        const cs = merge3({ base: s.baseText, ours: s.oursText, theirs: s.theirsText });
        expect(cs.errors, why).toEqual([]);
        expect(cs.changes.every((c) => c.status === 'clean'), why).toBe(true);
        const out = applyChanges(s.oursText, cs);
        expect(out.errors, why).toEqual([]);
        expect(out.skipped, why).toEqual([]);
        expect(parseValues(out.text), why + '\n' + out.text).toEqual(s.plan.theirs);
      }),
      lawParameters(100),
    );
  });

  it('the same holds for a two-way diff applied to the before text', () => {
    fc.assert(
      fc.property(mergeScenarioArb(3, 0), (s) => {
        const why = describeScenario(s);
        const cs = diff(s.baseText, s.theirsText);
        expect(cs.errors, why).toEqual([]);
        const out = applyChanges(s.baseText, cs);
        expect(out.errors, why).toEqual([]);
        expect(parseValues(out.text), why + '\n' + out.text).toEqual(s.plan.theirs);
      }),
      lawParameters(60),
    );
  });
});
