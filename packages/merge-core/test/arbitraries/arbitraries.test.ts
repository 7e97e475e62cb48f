import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeScenario, parseDocuments, PLAIN_STYLE, renderYaml, TRICKY_STRINGS, yamlFile, yamlStyle, yamlText, type YamlStyle } from '@revprov/merge-core/testing';
import type { JsonValue } from '@revprov/merge-core';
import { lawParameters } from '../support/lawParameters.js';

/** Strings a YAML writer gets wrong: markers, indicators, escapes, an over-long key. */
const HARD_STRINGS = [...TRICKY_STRINGS, '---', '...', '--- x', '<<', '__proto__', 'a\u2028b', '\u0085', '\ufeffbom', 'a\r\nb', '\n', ' \n', '- x\n- y', '%YAML', '!!str', 'x'.repeat(1100)];

/** Any JSON value, with strings of every kind (binary ones included) as values and keys. */
const anyJson: fc.Arbitrary<JsonValue> = fc.letrec<{ v: JsonValue }>((tie) => {
  const str = fc.oneof(fc.constantFrom(...HARD_STRINGS), fc.string({ unit: 'binary' }), fc.string());
  return {
    v: fc.oneof(
      { depthSize: 'small' },
      str,
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('v'), { maxLength: 4 }),
      fc.dictionary(str, tie('v'), { maxKeys: 4 }),
    ),
  };
}).v;

/** The value as JSON sees it (-0 is 0). */
function asJson(v: JsonValue): JsonValue {
  return JSON.parse(JSON.stringify(v)) as JsonValue;
}

describe('arbitraries (self-check)', () => {
  it('yamlFile: the text parses back to the generated documents, in every style', () => {
    fc.assert(
      fc.property(yamlFile(), ({ values, text }) => {
        expect(parseDocuments(text)).toEqual(values);
      }),
      lawParameters(400),
    );
  });

  it('yamlText: any JSON value, in any style, parses back to itself', () => {
    fc.assert(
      fc.property(anyJson, yamlStyle(), (value, style) => {
        const text = fc.sample(yamlText(value, style), 1)[0]!;
        expect(text).toBe(renderYaml([value], style));
        expect(parseDocuments(text)).toEqual([asJson(value)]);
      }),
      lawParameters(300),
    );
  });

  it('mergeScenario: all three texts parse back to their values, and theirs is edited', () => {
    fc.assert(
      fc.property(mergeScenario(), (s) => {
        expect(parseDocuments(s.base)).toEqual(s.values.base);
        expect(parseDocuments(s.ours)).toEqual(s.values.ours);
        expect(parseDocuments(s.theirs)).toEqual(s.values.theirs);
        expect(s.edits.theirs.length).toBeGreaterThan(0);
        expect(s.theirs).not.toBe(s.base);
        if (s.edits.ours.length === 0) expect(s.ours).toBe(s.base);
      }),
      lawParameters(200),
    );
  });

  it('styles really vary the text: comments, flow, block scalars, anchors, CRLF, indentless lists', () => {
    const seen = { comment: 0, flow: 0, literal: 0, folded: 0, anchor: 0, alias: 0, crlf: 0, indentless: 0, indent4: 0, multiDoc: 0, single: 0, double: 0, blank: 0 };
    fc.assert(
      fc.property(yamlFile(), ({ text }) => {
        if (/(^|\s)#/.test(text)) seen.comment++;
        if (/: [[{]/.test(text)) seen.flow++;
        if (/: \|/.test(text)) seen.literal++;
        if (/: >/.test(text)) seen.folded++;
        if (/&a\d/.test(text)) seen.anchor++;
        if (/\*a\d/.test(text)) seen.alias++;
        if (text.includes('\r\n')) seen.crlf++;
        if (/^(\s*)\S[^\n]*:\r?\n\1- /m.test(text)) seen.indentless++;
        if (/^\S[^\n]*:\r?\n {4}\S/m.test(text)) seen.indent4++;
        if (/\n---/.test(text)) seen.multiDoc++;
        if (/'/.test(text)) seen.single++;
        if (/"/.test(text)) seen.double++;
        if (/\n\r?\n/.test(text)) seen.blank++;
      }),
      lawParameters(400),
    );
    for (const [feature, count] of Object.entries(seen)) expect(count, feature).toBeGreaterThan(0);
  });

  it('strings that look like other types render as strings', () => {
    const docs: JsonValue[] = [{ values: [...TRICKY_STRINGS] }, { map: Object.fromEntries(TRICKY_STRINGS.map((s, i) => [`k${i}`, s])) }];
    const styles: YamlStyle[] = [PLAIN_STYLE, { ...PLAIN_STYLE, quote: 'mixed', blockScalars: true, seed: 7 }];
    for (const style of styles) for (const d of docs) expect(parseDocuments(renderYaml([d], style))).toEqual([d]);
  });
});
