import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { applyMergePatch } from '@revprov/merge-core';
import { RFC7396_VECTORS } from './rfc7396Vectors.js';

/** RFC 7396 conformance: every vector of Appendix A and Sections 1 and 3, targets as YAML text. */
describe('json-merge-patch: RFC 7396 vectors', () => {
  let passed = 0;
  for (const v of RFC7396_VECTORS) {
    it(`${v.source}: ${JSON.stringify(v.patch)}`, () => {
      const source = stringify(v.target);
      const result = applyMergePatch(source, v.patch);
      expect(result.errors).toEqual([]);
      expect(parse(result.text)).toEqual(v.result);
      passed++;
    });
  }
  it('counts', () => {
    console.log(`json-merge-patch: ${passed}/${RFC7396_VECTORS.length} RFC 7396 vectors passed`);
    expect(passed).toBe(RFC7396_VECTORS.length);
  });
});
