import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges, diff, merge3 } from '@revprov/merge-core';
import { yamlDocumentArb } from '../arbitraries/yamlDocument.js';
import { lawParameters } from '../support/lawParameters.js';

describe('law: identity', () => {
  it('merging a text with itself finds no change and applying the result gives the text back, byte for byte', () => {
    fc.assert(
      fc.property(yamlDocumentArb, ({ text }) => {
        const cs = merge3({ base: text, ours: text, theirs: text });
        expect(cs.errors).toEqual([]);
        expect(cs.changes).toEqual([]);
        const out = applyChanges(text, cs);
        expect(out.errors).toEqual([]);
        expect(out.text).toBe(text);
        expect(diff(text, text).changes).toEqual([]);
      }),
      lawParameters(150),
    );
  });
});
