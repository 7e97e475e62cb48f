import fc from 'fast-check';
import { describe, it } from 'vitest';
import { laws } from '@revprov/merge-core/testing';
import { lawParameters } from '../support/lawParameters.js';
import { adapterCases } from '../support/realistic.js';

describe('law: validity', () => {
  it('applyChanges output re-parses (no duplicate keys) with theirs value at every applied path', () => {
    fc.assert(laws.validity({ subject: 'applyChanges' }), lawParameters(100));
  });

  it('applyUpdates output re-parses with each innermost update value in place', () => {
    fc.assert(laws.validity({ subject: 'applyUpdates' }), lawParameters(150));
  });

  it('adapter updates on realistic entities: whole lists, dropped attributes, nested paths all land', () => {
    fc.assert(laws.validity({ subject: 'applyUpdates', updateCases: adapterCases }), lawParameters(80));
  });
});
