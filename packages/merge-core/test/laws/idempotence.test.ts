import fc from 'fast-check';
import { describe, it } from 'vitest';
import { laws } from '@revprov/merge-core/testing';
import { lawParameters } from '../support/lawParameters.js';
import { adapterCases } from '../support/realistic.js';

describe('law: idempotence', () => {
  it('applying the same updates twice gives the text of applying them once', () => {
    fc.assert(laws.idempotence(), lawParameters(150));
  });

  it('re-running reverse provisioning (realistic entities, updates as adapters send them) changes nothing', () => {
    fc.assert(laws.idempotence({ updateCases: adapterCases }), lawParameters(80));
  });
});
