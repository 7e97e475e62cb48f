import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { laws } from '@revprov/merge-core/testing';
import { lawParameters } from '../support/lawParameters.js';

describe('law: commutation', () => {
  it('applying selection A, re-merging, then B equals applying A ∪ B at once (independent changes)', () => {
    // bytes may differ only where A removed the evidence of the local style (see the law's JSDoc):
    // that must stay rare
    let styleDivergent = 0;
    const params = lawParameters(80);
    fc.assert(laws.commutation({ observe: (o) => (styleDivergent += o.divergent ? 1 : 0) }), params);
    console.log(`commutation: ${styleDivergent} of ${params.numRuns} runs byte-different only through local style evidence`);
    expect(styleDivergent).toBeLessThan(params.numRuns / 5);
  });
});
