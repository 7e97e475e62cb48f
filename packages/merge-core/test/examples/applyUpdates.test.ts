import { describe, expect, test } from 'vitest';
import { applyUpdates, parseYaml } from '@revprov/merge-core';
import { crlf, y } from './dedent.js';

/** The reverse-provisioning `updates` rules (reverse-provisioning.md §3), as exact texts. */
const table: { name: string; source: string; updates: unknown; expected: string; errors?: string[] }[] = [
  {
    name: 'one changed column of a schema sent whole changes only that line; comments and dropped attributes are the proposal',
    source: y`
      spec:
        mesh:
          dataContract:
            schema:
              # primary key
              - name: id
                dataType: INT # pk
              - name: amount
                dataType: DOUBLE
    `,
    updates: { 'spec.mesh.dataContract.schema': [{ name: 'id', dataType: 'INT' }, { name: 'amount', dataType: 'DECIMAL' }] },
    expected: y`
      spec:
        mesh:
          dataContract:
            schema:
              # primary key
              - name: id
                dataType: INT # pk
              - name: amount
                dataType: DECIMAL
    `,
  },
  {
    name: 'missing parents are created in the 4-space style of the file',
    source: y`
      spec:
          mesh:
              name: x
    `,
    updates: { 'spec.mesh.specific.table': 'orders' },
    expected: y`
      spec:
          mesh:
              name: x
              specific:
                  table: orders
    `,
  },
  {
    name: 'indentless sequences stay indentless for a new column',
    source: y`
      schema:
      - name: id
        dataType: INT
    `,
    updates: { schema: [{ name: 'id', dataType: 'INT' }, { name: 'w', dataType: 'DATE', tags: ['x'] }] },
    expected: y`
      schema:
      - name: id
        dataType: INT
      - name: w
        dataType: DATE
        tags:
        - x
    `,
  },
  {
    name: 'flow sequences stay flow, with their trailing comment',
    source: 'spec:\n  tags: [a, b]  # t\n',
    updates: { 'spec.tags': ['a', 'c', 'b'] },
    expected: 'spec:\n  tags: [a, c, b]  # t\n',
  },
  {
    name: 'block scalars are rewritten as block scalars at their indentation',
    source: y`
      a:
        description: |
          line 1
          line 2
        other: 1
    `,
    updates: { 'a.description': 'new 1\nnew 2\n' },
    expected: y`
      a:
        description: |
          new 1
          new 2
        other: 1
    `,
  },
  {
    name: 'CRLF files get CRLF in new lines',
    source: crlf('a:\n  b: 1\n'),
    updates: { 'a.d': { e: 'x' }, 'a.b': 2 },
    expected: crlf('a:\n  b: 2\n  d:\n    e: x\n'),
  },
  {
    name: 'null writes null, it does not delete',
    source: 'a:\n  b: 1\n',
    updates: { 'a.b': null },
    expected: 'a:\n  b: null\n',
  },
  {
    name: 'a path through a sequence or a scalar fails for that key only',
    source: 'a:\n  - 1\nb: 2\n',
    updates: { 'a.x': 1, 'b.c': 1, c: 3 },
    expected: 'a:\n  - 1\nb: 2\nc: 3\n',
    errors: ['PATH_THROUGH_SEQUENCE a.x 2:3', 'PATH_THROUGH_SCALAR b.c 3:4'],
  },
  {
    name: 'keys apply stable-sorted by depth: the parent first, the child wins',
    source: 'a: 1\n',
    updates: { 'x.y.z': 1, x: { y: { w: 2, z: 0 } } },
    expected: 'a: 1\nx:\n  "y":\n    w: 2\n    z: 1\n',
  },
  {
    name: 'a mapping merges onto a mapping; keys not mentioned stay with their comments',
    source: 's:\n  settings:\n    keep: 1 # k\n    name: old\n',
    updates: { 's.settings': { name: 'new', added: true }, 's.settings.name': 'x' },
    expected: 's:\n  settings:\n    keep: 1 # k\n    name: x\n    added: true\n',
  },
  {
    name: 'keys inside values are literal, even with dots',
    source: 'metadata:\n  name: x\n',
    updates: { 'metadata.annotations': { 'backstage.io/techdocs-ref': 'dir:.' } },
    expected: 'metadata:\n  name: x\n  annotations:\n    backstage.io/techdocs-ref: dir:.\n',
  },
  {
    name: 'strings that look like other types stay strings, in the siblings\' quote style',
    source: 'a:\n  b: "x"\n  c: "y"\n',
    updates: { 'a.d': 'yes', 'a.e': '1.0', 'a.b': 'null', 'a.f': '0x1F' },
    expected: 'a:\n  b: "null"\n  c: "y"\n  d: "yes"\n  e: "1.0"\n  f: "0x1F"\n',
  },
  {
    name: 'plain siblings: only ambiguous strings are quoted',
    source: 'a:\n  b: x\n',
    updates: { 'a.c': 'on', 'a.d': 'plain text', 'a.e': 'a: b' },
    expected: 'a:\n  b: x\n  c: "on"\n  d: plain text\n  e: "a: b"\n',
  },
  {
    name: 'an empty value becomes a mapping',
    source: 'a:\nb: 1\n',
    updates: { 'a.x': 1 },
    expected: 'a:\n  x: 1\nb: 1\n',
  },
  {
    name: 'a scalar replaced by a mapping keeps its trailing comment on the key line',
    source: 'a: 1 # c\nb: 2\n',
    updates: { a: { x: 1 } },
    expected: 'a: # c\n  x: 1\nb: 2\n',
  },
  {
    name: 'a mapping replaced by a scalar',
    source: 'a:\n  x: 1\n  y: 2\nb: 2\n',
    updates: { a: 5 },
    expected: 'a: 5\nb: 2\n',
  },
  {
    name: 'no final newline stays absent',
    source: 'a: 1\nb: 2',
    updates: { c: 3, b: 4 },
    expected: 'a: 1\nb: 4\nc: 3',
  },
  {
    name: 'multi-document files: updates address the first document',
    source: '---\nkind: A\nmetadata:\n  name: a\n---\nkind: B\nmetadata:\n  name: b\n',
    updates: { 'spec.x': 1 },
    expected: '---\nkind: A\nmetadata:\n  name: a\nspec:\n  x: 1\n---\nkind: B\nmetadata:\n  name: b\n',
  },
  {
    name: 'anchors and aliases elsewhere are untouched',
    source: 'base: &b\n  x: 1\nother: *b\nname: n\n',
    updates: { name: 'm' },
    expected: 'base: &b\n  x: 1\nother: *b\nname: m\n',
  },
  {
    name: '__proto__ and constructor are ordinary keys',
    source: 'a: 1\n',
    updates: JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": 1}}'),
    expected: 'a: 1\n__proto__:\n  polluted: "yes"\nconstructor:\n  prototype: 1\n',
  },
  {
    name: 'a removed column takes its own comment with it',
    source: 'schema:\n  # id column\n  - name: id\n    dataType: INT\n  - name: v\n    dataType: TEXT\n',
    updates: { schema: [{ name: 'v', dataType: 'TEXT' }] },
    expected: 'schema:\n  - name: v\n    dataType: TEXT\n',
  },
  {
    name: 'a reordered column moves with its comments',
    source: 'schema:\n  - name: id # pk\n    dataType: INT\n  # v column\n  - name: v\n    dataType: TEXT\n',
    updates: { schema: [{ name: 'v', dataType: 'TEXT' }, { name: 'id', dataType: 'INT' }] },
    expected: 'schema:\n  # v column\n  - name: v\n    dataType: TEXT\n  - name: id # pk\n    dataType: INT\n',
  },
  {
    name: 'a set element that only changes type is a change ("true" → true)',
    source: 'spec:\n  mesh:\n    tags:\n      - "true"\n      - x\n',
    updates: { 'spec.mesh.tags': [true, 'x'] },
    expected: 'spec:\n  mesh:\n    tags:\n      - true\n      - x\n',
  },
  {
    name: 'a byte order mark stays and does not shift the root column',
    source: '\ufeffapiVersion: v1\nkind: Component\n',
    updates: { 'spec.owner': 'me' },
    expected: '\ufeffapiVersion: v1\nkind: Component\nspec:\n  owner: me\n',
  },
  {
    name: 'empty {} and [] placeholders fill as blocks',
    source: 'spec:\n  mesh:\n    specific: {} # later\n    tags: []\n',
    updates: { 'spec.mesh.specific': { database: 'FIN', clusterBy: ['a'] }, 'spec.mesh.tags': [{ tagFQN: 'PII' }] },
    expected: 'spec:\n  mesh:\n    specific: # later\n      database: FIN\n      clusterBy:\n        - a\n    tags:\n      - tagFQN: PII\n',
  },
  {
    name: 'updates null, undefined or "" change nothing',
    source: 'a: 1 # c\n',
    updates: null,
    expected: 'a: 1 # c\n',
  },
];

describe('applyUpdates', () => {
  test.each(table)('$name', ({ source, updates, expected, errors = [] }) => {
    const result = applyUpdates(source, updates);
    expect(result.errors.map((e) => `${e.code} ${e.path} ${e.line}:${e.col}`)).toEqual(errors);
    expect(result.text).toBe(expected);
    // idempotence on every example
    expect(applyUpdates(result.text, updates).text).toBe(result.text);
  });

  test('prototype pollution never happens', () => {
    applyUpdates('a: 1\n', JSON.parse('{"__proto__.polluted": "yes", "constructor.prototype.polluted": "yes"}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  test('non-JSON values fail for their key, the others apply', () => {
    const result = applyUpdates('a: 1\n', { b: () => 1, c: Number.NaN, d: 2, e: new Date(0) });
    expect(result.errors.map((e) => `${e.code} ${e.path}`)).toEqual(['NOT_JSON b', 'NOT_JSON c', 'NOT_JSON e']);
    expect(result.text).toBe('a: 1\nd: 2\n');
  });

  test.each([[[1, 2]], ['text'], [42]])('updates must be an object (%j)', (updates) => {
    const result = applyUpdates('a: 1\n', updates);
    expect(result.errors[0]?.code).toBe('INVALID_UPDATES');
    expect(result.text).toBe('a: 1\n');
  });

  test('a 200-column schema with one column changed alters only that column\'s line', () => {
    const cols = Array.from({ length: 200 }, (_, i) => ({ name: `c${i}`, dataType: 'TEXT', description: `column ${i}` }));
    const source = `spec:\n  mesh:\n    dataContract:\n      schema:\n${cols
      .map((c) => `        - name: ${c.name} # ${c.name}\n          dataType: ${c.dataType}\n          description: ${c.description}\n`)
      .join('')}`;
    const sent = cols.map((c) => ({ ...c, dataType: c.name === 'c117' ? 'INT' : c.dataType }));
    const result = applyUpdates(source, { 'spec.mesh.dataContract.schema': sent });
    expect(result.errors).toEqual([]);
    const before = source.split('\n');
    const after = result.text.split('\n');
    expect(after.length).toBe(before.length);
    const changed = before.map((l, i) => (l === after[i] ? -1 : i)).filter((i) => i >= 0);
    expect(changed).toHaveLength(1);
    expect(after[changed[0]!]).toBe('          dataType: INT');
    expect(parseYaml(result.text).values[0]).toMatchObject({ spec: { mesh: { dataContract: { schema: sent } } } });
  });
});
