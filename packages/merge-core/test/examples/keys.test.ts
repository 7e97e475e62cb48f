import { describe, expect, test } from 'vitest';
import { applyChanges, applyUpdates, merge3, parseYaml } from '@revprov/merge-core';
import { y } from './dedent.js';

/**
 * Mapping keys are text (see keyText): distinct YAML keys stay distinct, or the text is refused
 * with a typed, located error; nothing is re-spelled.
 */

describe('keys that would collapse into one are refused with a located DUPLICATE_KEY', () => {
  test.each([
    { name: '1 and "1"', text: 'a: 0\n1: x\n"1": y\n', message: 'source: the keys 1 and "1" of one mapping read as the same text "1"', line: 3, col: 1 },
    { name: 'true and "true"', text: 'true: x\n"true": y\n', message: 'source: the keys true and "true" of one mapping read as the same text "true"', line: 2, col: 1 },
    { name: 'null and "null"', text: 'm:\n  null: x\n  "null": y\n', message: 'source: the keys null and "null" of one mapping read as the same text "null"', line: 3, col: 3 },
    { name: "1 and '1' in a flow mapping", text: "{1: x, '1': y}\n", message: 'source: the keys 1 and \'1\' of one mapping read as the same text "1"', line: 1, col: 8 },
    { name: '1 and 1.0: one value in YAML, so a duplicate', text: 'v:\n  1: first\n  1.0: second\n', message: 'source: Map keys must be unique', line: 3, col: 3 },
  ])('$name', ({ text, message, line, col }) => {
    expect(parseYaml(text).errors.map((e) => ({ code: e.code, message: e.message, line: e.line, col: e.col }))).toEqual([
      { code: 'DUPLICATE_KEY', message, line, col },
    ]);
    const merged = merge3({ base: text, ours: text, theirs: text });
    expect(merged.errors[0]).toMatchObject({ code: 'DUPLICATE_KEY', source: 'base', line, col });
    const updated = applyUpdates(text, { a: 1 });
    expect(updated.text).toBe(text);
    expect(updated.errors[0]).toMatchObject({ code: 'DUPLICATE_KEY', line, col });
  });
});

describe('keys as written', () => {
  const cases: { name: string; text: string; value: unknown; updates?: Record<string, unknown>; updated?: string }[] = [
    {
      name: 'non-string keys keep their spelling (0x1F, ~, True)',
      text: '0x1F: hex\n~: tilde\nTrue: yes\n',
      value: { '0x1F': 'hex', '~': 'tilde', True: 'yes' },
      updates: { '0x1F': 'HEX' },
      updated: '0x1F: HEX\n~: tilde\nTrue: yes\n',
    },
    {
      name: 'issue 8 case 5: an alias used as a key reads as its anchored text, and an update changes that entry',
      text: y`
        spec:
          who: &k owner
          *k : team-a
      `,
      value: { spec: { who: 'owner', owner: 'team-a' } },
      updates: { 'spec.owner': 'team-b' },
      updated: y`
        spec:
          who: &k owner
          *k : team-b
      `,
    },
    {
      name: 'issue 8 case 5: under %YAML 1.1 the key y stays y',
      text: '%YAML 1.1\n---\nx: 1\ny: 2\nn: 3\n',
      value: { x: 1, y: 2, n: 3 },
      updates: { y: 5 },
      updated: '%YAML 1.1\n---\nx: 1\ny: 5\nn: 3\n',
    },
    {
      name: 'issue 8 case 5: under %YAML 1.1 a merge key << merges its mappings; keys of the mapping win',
      text: y`
        %YAML 1.1
        ---
        defaults: &d {lifecycle: experimental, owner: team-a}
        spec:
          <<: *d
          owner: team-b
      `,
      value: { defaults: { lifecycle: 'experimental', owner: 'team-a' }, spec: { lifecycle: 'experimental', owner: 'team-b' } },
      updates: { 'spec.lifecycle': 'production' },
      updated: y`
        %YAML 1.1
        ---
        defaults: &d {lifecycle: experimental, owner: team-a}
        spec:
          <<: *d
          owner: team-b
          lifecycle: production
      `,
    },
    {
      name: 'under YAML 1.2 << is an ordinary key',
      text: '<<: {a: 1}\nb: 2\n',
      value: { '<<': { a: 1 }, b: 2 },
    },
  ];
  test.each(cases)('$name', ({ text, value, updates, updated }) => {
    expect(parseYaml(text)).toEqual({ values: [value], errors: [] });
    if (!updates) return;
    const r = applyUpdates(text, updates);
    expect(r.errors).toEqual([]);
    expect(r.text).toBe(updated);
  });

  test('a merge of theirs that sets a merged key writes it into the mapping', () => {
    const base = '%YAML 1.1\n---\nd: &d {a: 1, b: 2}\nx:\n  <<: *d\n  c: 3\n';
    const theirs = '%YAML 1.1\n---\nd: &d {a: 1, b: 2}\nx:\n  <<: *d\n  c: 3\n  a: 5\n';
    const cs = merge3({ base, ours: base, theirs });
    expect(cs.changes.map((c) => `${c.kind} ${c.id} ${c.status}`)).toEqual(['replace x.a clean']);
    expect(applyChanges(base, cs).text).toBe(theirs);
  });

  test('a merge key whose value is not a mapping is a located error', () => {
    expect(parseYaml('%YAML 1.1\n---\nx:\n  <<: 1\n').errors.map((e) => `${e.code} ${e.line}:${e.col} ${e.message}`)).toEqual([
      'YAML_SYNTAX 4:3 source: a merge key (<<) needs a mapping or a list of mappings, not a scalar',
    ]);
  });
});

describe('a collection used as a key reads as the JSON text of its value, never stringified by yaml', () => {
  test('values, paths and a change under such a key', () => {
    const text = '? [a, b]\n: 1\n{x: 1}: 2\nname: {{cookiecutter.name | jsonify}}\n';
    expect(parseYaml(text)).toEqual({ values: [{ '["a","b"]': 1, '{"x":1}': 2, name: { '{"cookiecutter.name | jsonify":null}': null } }], errors: [] });
    const theirs = text.replace(': 1\n', ': 5\n');
    const cs = merge3({ base: text, ours: text, theirs });
    expect(cs.changes.map((c) => `${c.kind} ${c.id} ${c.status}`)).toEqual(['replace ["[\\"a\\",\\"b\\"]"] clean']);
    expect(applyChanges(text, cs).text).toBe(theirs);
  });

  test('an alias of a collection used as a key reads as that collection', () => {
    expect(parseYaml('a: &s [x]\n*s : 2\n').values).toEqual([{ a: ['x'], '["x"]': 2 }]);
  });

  test.each([
    { name: 'two spellings of one sequence', text: '? [a, b]\n: 1\n? [ a,  b ]\n: 2\n', message: 'source: the keys [a, b] and [ a,  b ] of one mapping read as the same text "[\\"a\\",\\"b\\"]"', line: 3, col: 3 },
    { name: 'a sequence and the string of its JSON', text: '? [a]\n: 1\n\'["a"]\': 2\n', message: 'source: the keys [a] and \'["a"]\' of one mapping read as the same text "[\\"a\\"]"', line: 3, col: 1 },
  ])('$name: a located DUPLICATE_KEY', ({ text, message, line, col }) => {
    expect(parseYaml(text).errors.map((e) => ({ code: e.code, message: e.message, line: e.line, col: e.col }))).toEqual([
      { code: 'DUPLICATE_KEY', message, line, col },
    ]);
  });
});
