import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { applyJsonPatch, MergeError } from '@revprov/merge-core';

import { jsonPatchSuite } from '../support/corpus.js';

/** RFC 6902 conformance: the json-patch-test-suite package, documents rendered as YAML text. */
const files = ['tests.json', 'spec_tests.json'] as const;
const PATCH_CODES = ['INVALID_PATCH', 'INVALID_POINTER', 'PATH_NOT_FOUND', 'PATCH_TEST_FAILED'];

for (const file of files) {
  const cases = jsonPatchSuite(file).filter(
    (c) => !c.disabled && c.doc !== undefined && c.patch !== undefined && (c.expected !== undefined || c.error !== undefined),
  );

  describe(`json-patch-tests/${file}`, () => {
    const results: boolean[] = [];
    cases.forEach((c, i) => {
      it(`#${i} ${c.comment ?? c.error ?? ''}`, () => {
        const source = stringify(c.doc);
        const result = applyJsonPatch(source, c.patch);
        if (c.error !== undefined) {
          expect(result.errors.length, `expected an error: ${c.error}`).toBeGreaterThan(0);
          for (const e of result.errors) {
            expect(e).toBeInstanceOf(MergeError);
            expect(PATCH_CODES).toContain(e.code);
          }
          expect(result.text).toBe(source);
        } else {
          expect(result.errors).toEqual([]);
          expect(parse(result.text)).toEqual(c.expected);
        }
        results.push(true);
      });
    });
    it('counts', () => {
      console.log(`json-patch-tests: ${results.length}/${cases.length} passed (${file}, ${cases.filter((c) => c.error !== undefined).length} error cases)`);
      expect(results.length).toBe(cases.length);
    });
  });
}
