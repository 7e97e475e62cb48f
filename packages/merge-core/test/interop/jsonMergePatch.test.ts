import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { applyMergePatch } from '@revprov/merge-core';

/** RFC 7396 conformance: every vector of Appendix A and Sections 1 and 3, targets as YAML text. */
interface Case {
  target: unknown;
  patch: unknown;
  result: unknown;
}

const corpus = new URL('../../../../../shared/corpus/json-merge-patch/', import.meta.url);

for (const file of ['rfc7396-appendix-a.json', 'rfc7396-section-examples.json']) {
  const cases = JSON.parse(readFileSync(new URL(file, corpus), 'utf8')) as Case[];
  describe(`json-merge-patch/${file}`, () => {
    let passed = 0;
    cases.forEach((c, i) => {
      it(`#${i} ${JSON.stringify(c.patch)}`, () => {
        const source = stringify(c.target);
        const result = applyMergePatch(source, c.patch);
        expect(result.errors).toEqual([]);
        expect(parse(result.text)).toEqual(c.result);
        passed++;
      });
    });
    it('counts', () => {
      console.log(`json-merge-patch: ${passed}/${cases.length} passed (${file})`);
      expect(passed).toBe(cases.length);
    });
  });
}
