import fc from 'fast-check';
import { describe, it } from 'vitest';
import { diff } from '@revprov/merge-core';
import { laws } from '@revprov/merge-core/testing';
import { lawParameters } from '../support/lawParameters.js';

describe('law: identity', () => {
  it('merging a text with itself finds no change and applying the result gives the text back, byte for byte', () => {
    fc.assert(laws.identity(), lawParameters(150));
  });

  it('a two-way diff of a text with itself finds no change either', () => {
    fc.assert(laws.identity({ engine: { merge3: ({ base, theirs }) => diff(base, theirs) } }), lawParameters(150));
  });
});
