import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { applyJsonPatch, MergeError } from '@revprov/merge-core';

/** RFC 6902 conformance: json-patch/json-patch-tests, documents rendered as YAML text. */
interface Case {
  comment?: string;
  doc?: unknown;
  patch?: unknown;
  expected?: unknown;
  error?: string;
  disabled?: boolean;
}

const corpus = new URL('../../../../../shared/corpus/json-patch-tests/', import.meta.url);
const files = ['tests.json', 'spec_tests.json'] as const;
const PATCH_CODES = ['INVALID_PATCH', 'INVALID_POINTER', 'PATH_NOT_FOUND', 'PATCH_TEST_FAILED'];

for (const file of files) {
  const cases = (JSON.parse(readFileSync(new URL(file, corpus), 'utf8')) as Case[]).filter(
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
