import fc from 'fast-check';
import { describe, it } from 'vitest';
import { diff } from '@revprov/merge-core';
import { laws, mergeScenario } from '@revprov/merge-core/testing';
import { lawParameters } from '../support/lawParameters.js';

describe('law: convergence', () => {
  it('with ours == base, applying every change gives a document equal in value to theirs', () => {
    fc.assert(laws.convergence(), lawParameters(100));
  });

  it('the same holds for a two-way diff applied to the before text', () => {
    const twoWay = { merge3: ({ base, theirs }: { base: string; theirs: string }) => diff(base, theirs) };
    fc.assert(laws.convergence({ engine: twoWay, scenarios: mergeScenario({ theirsEdits: 3, oursEdits: 0 }) }), lawParameters(60));
  });
});
