import fc from 'fast-check';
import { describe, it } from 'vitest';
import { laws } from '@revprov/merge-core/testing';
import { lawParameters } from '../support/lawParameters.js';

describe('law: no-op', () => {
  it('an empty selection returns ours byte for byte, whatever the change set holds', () => {
    fc.assert(laws.noop(), lawParameters(100));
  });
});
