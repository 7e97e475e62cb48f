import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { laws } from '@revprov/merge-core/testing';
import { lawParameters } from '../support/lawParameters.js';
import { entityScenarios } from '../support/realistic.js';

describe('law: locality', () => {
  it('every line of ours outside the nodes of the selected changes survives, in order', () => {
    let checkedLines = 0;
    fc.assert(laws.locality({ observe: (o) => (checkedLines += o.checkedLines) }), lawParameters(100));
    expect(checkedLines).toBeGreaterThan(0);
  });

  it('the same on realistic catalog entities (column lists, links, annotations, multi-line descriptions)', () => {
    fc.assert(laws.locality({ scenarios: entityScenarios(4, 3) }), lawParameters(50));
  });
});
