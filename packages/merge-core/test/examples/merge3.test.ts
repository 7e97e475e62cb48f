import { describe, expect, test } from 'vitest';
import { applyChanges, diff, merge3, parseYaml } from '@revprov/merge-core';
import { crlf, y } from './dedent.js';

const base = y`
  apiVersion: witboost.com/v1
  kind: Component
  metadata:
    name: orders # the output port
    tags: [sales, pii]
    links:
      - url: https://a.example
        title: A
  spec:
    mesh:
      dataContract:
        schema:
          # the key
          - name: id   # pk
            dataType: INT
            description: Primary key

          - name: amount
            dataType: DOUBLE
            description: Amount
            tags:
              - tagFQN: PII.None
          - name: status
            dataType: TEXT
`;
const theirs = y`
  apiVersion: witboost.com/v1
  kind: Component
  metadata:
    name: orders
    tags: [pii, sales, gold]
    links:
      - url: https://a.example
        title: A (new)
  spec:
    mesh:
      dataContract:
        schema:
          - name: id
            dataType: BIGINT
          - name: status
            dataType: VARCHAR
          - name: created
            dataType: DATE
`;
const ours = base.replace('description: Amount', 'description: Amount in EUR').replace('dataType: TEXT', 'dataType: CHAR');

describe('merge3: change sets', () => {
  const cs = merge3({ base, ours, theirs });

  test('every change of theirs at the finest granularity, with its status against ours', () => {
    expect(cs.errors).toEqual([]);
    expect(cs.changes.map((c) => `${c.kind} ${c.id} ${c.status}`)).toEqual([
      'add metadata.tags[=gold] clean',
      'move metadata.tags clean',
      'replace metadata.links[url=https://a.example].title clean',
      'remove spec.mesh.dataContract.schema[name=amount] conflict',
      'remove spec.mesh.dataContract.schema[name=id].description clean',
      'replace spec.mesh.dataContract.schema[name=id].dataType clean',
      'replace spec.mesh.dataContract.schema[name=status].dataType conflict',
      'add spec.mesh.dataContract.schema[name=created] clean',
    ]);
    expect(cs.summary).toEqual({ total: 8, clean: 6, conflict: 2, applied: 0 });
    const status = cs.changes.find((c) => c.id.endsWith('[name=status].dataType'))!;
    expect(status).toMatchObject({ base: 'TEXT', ours: 'CHAR', theirs: 'VARCHAR' });
  });

  test('ids are stable across runs and unaffected by insertions elsewhere', () => {
    const shifted = merge3({ base, ours, theirs: theirs.replace('        schema:\n', '        schema:\n          - name: zzz\n            dataType: INT\n') });
    const ids = new Set(shifted.changes.map((c) => c.id));
    for (const c of cs.changes) expect(ids.has(c.id)).toBe(true);
  });

  test('applied: ours already equals theirs there', () => {
    const r = merge3({ base, ours: theirs, theirs });
    expect(r.changes.every((c) => c.status === 'applied')).toBe(true);
    expect(applyChanges(theirs, r).text).toBe(theirs);
  });
});

describe('applyChanges: selection', () => {
  const cs = merge3({ base, ours, theirs });

  test('an empty selection returns ours byte-for-byte', () => {
    expect(applyChanges(ours, cs, []).text).toBe(ours);
  });

  test('one column\'s dataType: only that line changes, the hand-written descriptions stay', () => {
    const r = applyChanges(ours, cs, ['spec.mesh.dataContract.schema[name=id].dataType']);
    expect(r.applied).toEqual(['spec.mesh.dataContract.schema[name=id].dataType']);
    expect(r.text).toBe(ours.replace('dataType: INT', 'dataType: BIGINT'));
  });

  test('a path prefix selects every change under it; a new column is placed after its sibling in theirs', () => {
    const r = applyChanges(ours, cs, ['spec.mesh.dataContract.schema[name=created]', 'spec.mesh.dataContract.schema[name=id]']);
    expect(r.text).toBe(y`
      apiVersion: witboost.com/v1
      kind: Component
      metadata:
        name: orders # the output port
        tags: [sales, pii]
        links:
          - url: https://a.example
            title: A
      spec:
        mesh:
          dataContract:
            schema:
              # the key
              - name: id   # pk
                dataType: BIGINT

              - name: amount
                dataType: DOUBLE
                description: Amount in EUR
                tags:
                  - tagFQN: PII.None
              - name: status
                dataType: CHAR
              - name: created
                dataType: DATE
    `);
  });

  test('selecting a conflict takes theirs; a removed column takes its own comment and the blank line above it', () => {
    const r = applyChanges(ours, cs, ['spec.mesh.dataContract.schema[name=amount]', 'spec.mesh.dataContract.schema[name=status].dataType']);
    expect(r.text).toBe(ours.replace(/\n\n {8}- name: amount\n[\s\S]*?PII.None\n/, '\n').replace('dataType: CHAR', 'dataType: VARCHAR'));
  });

  test('order of the selection does not matter', () => {
    const ids = cs.changes.map((c) => c.id);
    const a = applyChanges(ours, cs, ids);
    const b = applyChanges(ours, cs, [...ids].reverse());
    expect(b.text).toBe(a.text);
    expect(a.errors).toEqual([]);
    expect(parseYaml(a.text).values[0]).toEqual(parseYaml(theirs).values[0]);
  });

  test('moves are separate changes: set order, then flow', () => {
    expect(applyChanges(ours, cs, ['metadata.tags[=gold]']).text).toContain('tags: [sales, gold, pii]');
    expect(applyChanges(ours, cs, ['metadata.tags']).text).toContain('tags: [pii, sales, gold]');
  });

  test('unknown ids are reported, not thrown', () => {
    const r = applyChanges(ours, cs, ['nope.nothing', 'a..b']);
    expect(r.text).toBe(ours);
    expect(r.skipped.map((s) => s.id)).toEqual(['nope.nothing', 'a..b']);
  });

  test('an addition inside a collection ours removed is a conflict, not a silent resurrection', () => {
    const r = merge3({
      base: 'spec:\n  mesh:\n    a: 1\n  owner: x\n',
      ours: 'spec:\n  owner: x\n',
      theirs: 'spec:\n  mesh:\n    a: 1\n    specific:\n      db: FIN\n  owner: x\n',
    });
    expect(r.changes.map((c) => `${c.kind} ${c.id} ${c.status}`)).toEqual(['add spec.mesh.specific conflict']);
    const cols = merge3({
      base: 'spec:\n  schema:\n    - name: a\n  owner: x\n',
      ours: 'spec:\n  owner: x\n',
      theirs: 'spec:\n  schema:\n    - name: a\n    - name: c\n  owner: x\n',
    });
    expect(cols.changes.map((c) => c.status)).toEqual(['conflict']);
  });

  test('selection by prefix finds exactly the changes below it (not siblings sharing a text prefix)', () => {
    const b = 'a:\n  b: 1\n  bc: 1\nab: 1\n';
    const t = 'a:\n  b: 2\n  bc: 2\nab: 2\n';
    const r = merge3({ base: b, ours: b, theirs: t });
    expect(applyChanges(b, r, ['a.b']).applied).toEqual(['a.b']);
    expect(applyChanges(b, r, ['a']).applied).toEqual(['a.b', 'a.bc']);
    expect(applyChanges(b, r, ['']).applied).toEqual(['a.b', 'a.bc', 'ab']);
  });

  test('a change under a parent ours removed pulls the parent in', () => {
    const b = 'a:\n  b:\n    c: 1\nz: 0\n';
    const t = 'a:\n  b:\n    c: 2\nz: 0\n';
    const o = 'z: 0\n';
    const r = merge3({ base: b, ours: o, theirs: t });
    expect(r.changes.map((c) => `${c.id} ${c.status}`)).toEqual(['a.b.c conflict']);
    expect(applyChanges(o, r).text).toBe('z: 0\na:\n  b:\n    c: 2\n');
  });
});

describe('local style of new text', () => {
  const cases = [
    {
      name: '4-space indented sequences',
      ours: 'schema:\n    -   name: a\n        dataType: X\n',
      theirs: 'schema:\n    - name: a\n      dataType: X\n    - name: b\n      dataType: TEXT\n      tags: [t]\n',
      expected: 'schema:\n    -   name: a\n        dataType: X\n    - name: b\n      dataType: TEXT\n      tags:\n          - t\n',
    },
    {
      name: 'double-quoted siblings',
      ours: 'cols:\n  - name: "a"\n    dataType: "X"\n',
      theirs: 'cols:\n  - name: a\n    dataType: X\n  - name: b\n    dataType: Y\n',
      expected: 'cols:\n  - name: "a"\n    dataType: "X"\n  - name: "b"\n    dataType: "Y"\n',
    },
    {
      name: 'single-quoted scalar keeps single quotes',
      ours: "a: 'x' # c\n",
      theirs: 'a: "it\'s"\n',
      expected: "a: 'it''s' # c\n",
    },
    {
      name: 'CRLF',
      ours: crlf('a:\n  b: 1\n'),
      theirs: 'a:\n  b: 1\n  c:\n    - 1\n',
      expected: crlf('a:\n  b: 1\n  c:\n    - 1\n'),
    },
    {
      name: 'new keys follow their preceding sibling in theirs',
      ours: 'a: 1\nc: 3\n',
      theirs: 'a: 1\nb: 2\nc: 3\n',
      expected: 'a: 1\nb: 2\nc: 3\n',
    },
    {
      name: 'a new first key goes before the first entry',
      ours: 'b: 1\n',
      theirs: 'a: 0\nb: 1\n',
      expected: 'a: 0\nb: 1\n',
    },
    {
      name: 'anchored scalar edited: the anchor moves to the alias, which keeps its value',
      ours: 'a: &x v\nb: *x\n',
      theirs: 'a: w\nb: v\n',
      expected: 'a: w\nb: &x v\n',
    },
    {
      name: 'multi-line string into a block context becomes a literal block',
      ours: 'a:\n  b: 1\n',
      theirs: 'a:\n  b: 1\n  d: "l1\\nl2\\n"\n',
      expected: 'a:\n  b: 1\n  d: |\n    l1\n    l2\n',
    },
  ];
  test.each(cases)('$name', ({ ours: o, theirs: t, expected }) => {
    const r = applyChanges(o, diff(o, t));
    expect(r.errors).toEqual([]);
    expect(r.skipped).toEqual([]);
    expect(r.text).toBe(expected);
  });
});

describe('multi-document files', () => {
  const b = '# group\n---\nkind: Group\nmetadata:\n  name: g\nspec:\n  members: [a]\n---\nkind: User\nmetadata:\n  name: a\n';
  test('documents are matched by entity identity, not position', () => {
    const o = '# group\n---\nkind: User\nmetadata:\n  name: a\n---\nkind: Group\nmetadata:\n  name: g\nspec:\n  members: [a]\n';
    const t = b.replace('members: [a]', 'members: [a, b]');
    const cs = merge3({ base: b, ours: o, theirs: t });
    expect(cs.changes.map((c) => `${c.id} ${c.status}`)).toEqual(['$[group:default/g].spec.members[=b] clean']);
    expect(applyChanges(o, cs).text).toBe(o.replace('members: [a]', 'members: [a, b]'));
  });
});
