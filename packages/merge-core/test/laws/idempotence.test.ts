import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyUpdates } from '@revprov/merge-core';
import { updatesFor, updatesSeedArb } from '../arbitraries/updates.js';
import { yamlDocumentArb } from '../arbitraries/yamlDocument.js';
import { lawParameters } from '../support/lawParameters.js';

describe('law: idempotence', () => {
  it('applying the same updates twice gives the text of applying them once', () => {
    fc.assert(
      fc.property(
        yamlDocumentArb.filter((d) => d.docs.length === 1),
        updatesSeedArb,
        (doc, seed) => {
          const updates = updatesFor(doc.docs[0]!, seed);
          const once = applyUpdates(doc.text, updates);
          const twice = applyUpdates(once.text, updates);
          const why = JSON.stringify({ source: doc.text, updates, once: once.text, twice: twice.text }, null, 1);
          expect(twice.text, why).toBe(once.text);
          expect(twice.errors.map((e) => e.code), why).toEqual(once.errors.map((e) => e.code));
        },
      ),
      lawParameters(150),
    );
  });
});
