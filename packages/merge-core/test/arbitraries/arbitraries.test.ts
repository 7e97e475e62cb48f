import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adapterUpdates, catalogEntity, mergeScenario, parseDocuments, PLAIN_STYLE, renderYaml, TRICKY_STRINGS, yamlFile, yamlStyle, yamlText, type YamlStyle } from '@revprov/merge-core/testing';
import { merge3, type JsonValue } from '@revprov/merge-core';
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
      lawParameters(200),
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

  it('mergeScenario: ours sometimes removes an entry that theirs edits in several places (conflicts that re-create it)', () => {
    let shapes = 0;
    const params = lawParameters(200);
    fc.assert(
      fc.property(mergeScenario(), (s) => {
        const removed = s.edits.ours.flatMap((e) => (e.op === 'removeKey' ? [e.path] : e.op === 'removeElement' ? [[...e.path, e.index]] : []));
        const under = (p: readonly (string | number)[]) => removed.some((r) => r.every((x, i) => p[i] === x) && p.length > r.length);
        if (s.edits.theirs.filter((e) => e.op === 'replace' && under(e.path)).length < 2) return;
        shapes++;
        const conflicts = merge3(s).changes.filter((c) => c.status === 'conflict' && c.ours === undefined);
        expect(conflicts.length).toBeGreaterThanOrEqual(2);
      }),
      params,
    );
    expect(shapes).toBeGreaterThan(params.numRuns / 20);
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
      lawParameters(300),
    );
    for (const [feature, count] of Object.entries(seen)) expect(count, feature).toBeGreaterThan(0);
  });

  it('strings that look like other types render as strings', () => {
    const docs: JsonValue[] = [{ values: [...TRICKY_STRINGS] }, { map: Object.fromEntries(TRICKY_STRINGS.map((s, i) => [`k${i}`, s])) }];
    const styles: YamlStyle[] = [PLAIN_STYLE, { ...PLAIN_STYLE, quote: 'mixed', blockScalars: true, seed: 7 }];
    for (const style of styles) for (const d of docs) expect(parseDocuments(renderYaml([d], style))).toEqual([d]);
  });
});

function isMap(v: unknown): v is Record<string, JsonValue> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function getIn(value: unknown, keys: readonly string[]): unknown {
  let cur = value;
  for (const k of keys) cur = isMap(cur) && Object.prototype.hasOwnProperty.call(cur, k) ? cur[k] : undefined;
  return cur;
}

describe('catalogEntity and adapterUpdates (self-check)', () => {
  it('catalogEntity: entities with identity, unique columns and links, in every shape the catalog has', () => {
    const seen = { witboost: 0, backstage: 0, columns: 0, columnTags: 0, links: 0, tags: 0, annotations: 0, multiLine: 0, nulls: 0 };
    fc.assert(
      fc.property(catalogEntity(), yamlStyle(), (entity, style) => {
        expect(parseDocuments(renderYaml([entity], style))).toEqual([entity]);
        expect(typeof entity['apiVersion']).toBe('string');
        expect(typeof entity['kind']).toBe('string');
        expect(typeof getIn(entity, ['metadata', 'name'])).toBe('string');
        const schema = getIn(entity, ['spec', 'mesh', 'dataContract', 'schema']);
        if (Array.isArray(schema)) {
          seen.witboost++;
          const names = schema.map((c) => (c as { name: string }).name);
          expect(new Set(names).size).toBe(names.length);
          if (schema.length > 1) seen.columns++;
          if (schema.some((c) => Array.isArray(getIn(c, ['tags'])) && (getIn(c, ['tags']) as unknown[]).length > 0)) seen.columnTags++;
        } else seen.backstage++;
        const links = getIn(entity, ['metadata', 'links']);
        if (Array.isArray(links)) {
          seen.links++;
          expect(new Set(links.map((l) => getIn(l, ['url']))).size).toBe(links.length);
        }
        if (Array.isArray(getIn(entity, ['metadata', 'tags']))) seen.tags++;
        if (isMap(getIn(entity, ['metadata', 'annotations']))) seen.annotations++;
        const json = JSON.stringify(entity);
        if (/[^\\]\\n[^"]/.test(json)) seen.multiLine++;
        if (json.includes(':null')) seen.nulls++;
      }),
      lawParameters(150),
    );
    for (const [feature, count] of Object.entries(seen)) expect(count, feature).toBeGreaterThan(0);
  });

  it('adapterUpdates: dot paths through mappings only; whole lists, dropped attributes, nested and overlapping paths', () => {
    const seen = { schemaList: 0, droppedAttribute: 0, retyped: 0, addedColumn: 0, removedColumn: 0, deepPath: 0, parentAndChild: 0, nullValue: 0, dottedLiteralKey: 0, wholeTags: 0 };
    const cases = catalogEntity().chain((entity) => adapterUpdates(entity).map((updates) => ({ entity, updates })));
    fc.assert(
      fc.property(cases, ({ entity, updates }) => {
        const keys = Object.keys(updates);
        expect(keys.length).toBeGreaterThan(0);
        for (const key of keys) {
          const segments = key.split('.');
          expect(segments.every((s) => s !== '')).toBe(true);
          // every proper prefix is a mapping of the entity or does not exist yet (rule 3 creates it)
          for (let i = 1; i < segments.length; i++) {
            const at = getIn(entity, segments.slice(0, i));
            expect(at === undefined || isMap(at), key).toBe(true);
          }
          if (segments.length >= 4) seen.deepPath++;
          if (updates[key] === null) seen.nullValue++;
          if (isMap(updates[key]) && Object.keys(updates[key]).some((k) => k.includes('.'))) seen.dottedLiteralKey++;
          if (keys.some((k) => k.startsWith(key + '.'))) seen.parentAndChild++;
        }
        if (Array.isArray(updates['metadata.tags'])) seen.wholeTags++;
        const sent = updates['spec.mesh.dataContract.schema'];
        if (Array.isArray(sent)) {
          seen.schemaList++;
          const current = getIn(entity, ['spec', 'mesh', 'dataContract', 'schema']) as Record<string, JsonValue>[];
          const byName = new Map(current.map((c) => [c['name'], c]));
          const sentNames = new Set(sent.map((c) => getIn(c, ['name'])));
          if (current.some((c) => !sentNames.has(c['name']))) seen.removedColumn++;
          for (const col of sent as Record<string, JsonValue>[]) {
            const before = byName.get(col['name']);
            if (!before) seen.addedColumn++;
            else {
              if (Object.keys(before).some((k) => !(k in col))) seen.droppedAttribute++;
              if (before['dataType'] !== col['dataType']) seen.retyped++;
            }
          }
        }
      }),
      lawParameters(300),
    );
    for (const [feature, count] of Object.entries(seen)) expect(count, feature).toBeGreaterThan(0);
  });
});
