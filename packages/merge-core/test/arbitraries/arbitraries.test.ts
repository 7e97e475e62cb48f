import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { documentsArb, TRICKY_STRINGS, type Json } from './catalogValue.js';
import { planEdits, editSeedArb } from './editScript.js';
import { renderYaml } from './renderYaml.js';
import { yamlDocumentArb } from './yamlDocument.js';
import { PLAIN_STYLE, yamlStyleArb } from './yamlStyle.js';
import { lawParameters } from '../support/lawParameters.js';

/** Parses every document of a text the way a reader of the file would (YAML 1.2 core schema). */
function parseDocs(text: string): unknown[] {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) throw new Error('no documents');
  for (const d of docs) if (d.errors.length > 0) throw new Error(d.errors.map((e) => e.message).join('\n'));
  return docs.map((d) => d.toJS({ maxAliasCount: -1 }));
}

describe('generators (self-check)', () => {
  it('rendered text parses back to the generated value, in every style', () => {
    fc.assert(
      fc.property(yamlDocumentArb, ({ docs, text }) => {
        expect(parseDocs(text)).toEqual(docs);
      }),
      lawParameters(400),
    );
  });

  it('edited versions render and parse back too', () => {
    fc.assert(
      fc.property(documentsArb, yamlStyleArb, editSeedArb, (docs, style, seed) => {
        const plan = planEdits(docs, seed, 3, 3);
        expect(parseDocs(renderYaml(plan.theirs, style))).toEqual(plan.theirs);
        expect(parseDocs(renderYaml(plan.ours, style))).toEqual(plan.ours);
        expect(plan.theirsEdits.length).toBeGreaterThan(0);
      }),
      lawParameters(200),
    );
  });

  it('styles really vary the text: comments, flow, block scalars, anchors, CRLF, indentless lists', () => {
    const seen = { comment: 0, flow: 0, literal: 0, folded: 0, anchor: 0, alias: 0, crlf: 0, indentless: 0, multiDoc: 0, single: 0, double: 0, blank: 0 };
    fc.assert(
      fc.property(yamlDocumentArb, ({ text }) => {
        if (/(^|\s)#/.test(text)) seen.comment++;
        if (/: [[{]/.test(text)) seen.flow++;
        if (/: \|/.test(text)) seen.literal++;
        if (/: >/.test(text)) seen.folded++;
        if (/&a\d/.test(text)) seen.anchor++;
        if (/\*a\d/.test(text)) seen.alias++;
        if (text.includes('\r\n')) seen.crlf++;
        if (/^(\s*)\S[^\n]*:\r?\n\1- /m.test(text)) seen.indentless++;
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
    const docs: Json[] = [{ values: [...TRICKY_STRINGS] }, { map: Object.fromEntries(TRICKY_STRINGS.map((s, i) => [`k${i}`, s])) }];
    for (const style of [PLAIN_STYLE, { ...PLAIN_STYLE, quote: 'mixed' as const, blockScalars: true, seed: 7 }]) {
      for (const d of docs) expect(parseDocs(renderYaml([d], style))).toEqual([d]);
    }
  });
});
