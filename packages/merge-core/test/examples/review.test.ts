import { describe, expect, test } from 'vitest';
import { applyChanges, applyUpdates, diff, merge3, parseYaml } from '@revprov/merge-core';
import { y } from './dedent.js';

/**
 * Regression cases from an adversarial review of the engine: each pins a behaviour that was
 * wrong once (or that a user is likely to hit) and holds now.
 */

const catalog = y`
  # Catalog entity for the orders output port
  apiVersion: backstage.io/v1alpha1
  kind: Component
  metadata:
    name: finance.orders.0.orders-op   # do not rename
    tags:
      - outputport
  spec:
    owner: group:finance
    mesh:
      dataContract:
        schema:
          # primary key
          - name: order_id
            dataType: INTEGER
            description: "Unique order id"
            tags:
              - tagFQN: PII
                source: Tag

          - name: customer_id
            dataType: STRING   # was VARCHAR
            description: "Customer reference"
          # amounts
          - name: amount
            dataType: DECIMAL
            description: |
              Total amount of the order,
              taxes included.
          - name: created_at
            dataType: TIMESTAMP
      specific:
        database: FINANCE
        viewName: orders_view   # the exposed view
`;

describe('review: realistic adapter updates on a catalog-info file', () => {
  const updates = {
    'spec.mesh.dataContract.schema': [
      { name: 'order_id', dataType: 'BIGINT' },
      { name: 'customer_id', dataType: 'STRING' },
      { name: 'created_at', dataType: 'TIMESTAMP_NTZ' },
      { name: 'amount', dataType: 'NUMBER' },
      { name: 'status', dataType: 'STRING', description: 'order status' },
    ],
    'spec.mesh.specific': { tableName: 'ORDERS_T' },
    'spec.mesh.specific.database': 'FIN',
  };

  test('a whole-schema update becomes per-column edits; a moved column keeps its own leading comment', () => {
    const { text, errors } = applyUpdates(catalog, updates);
    expect(errors).toEqual([]);
    expect(text).toContain('          dataType: STRING   # was VARCHAR\n        - name: created_at\n');
    expect(text).toContain('        # amounts\n        - name: amount\n          dataType: NUMBER\n');
    expect(text).toContain('        # primary key\n        - name: order_id\n          dataType: BIGINT\n\n');
    expect(text).toContain('      viewName: orders_view   # the exposed view\n      tableName: ORDERS_T\n');
    expect(text).toContain('      database: FIN\n');
    expect(text.startsWith('# Catalog entity for the orders output port\n')).toBe(true);
  });

  test('merge3 with a diverged ours: a column ours added keeps its place, the hand-written description is a conflict', () => {
    const theirs = applyUpdates(catalog, updates).text;
    const ours = catalog
      .replace('"Customer reference"', '"Customer reference (FK)"')
      .replace('          dataType: TIMESTAMP\n', '          dataType: TIMESTAMP\n        - name: channel   # new in ours\n          dataType: STRING\n');
    const cs = merge3({ base: catalog, ours, theirs });
    expect(cs.errors).toEqual([]);
    const byId = new Map(cs.changes.map((c) => [c.id, c]));
    expect(byId.get('spec.mesh.dataContract.schema[name=customer_id].description')?.status).toBe('conflict');
    expect(byId.get('spec.mesh.dataContract.schema[name=order_id].dataType')?.status).toBe('clean');
    const one = applyChanges(ours, cs, ['spec.mesh.dataContract.schema[name=status]']);
    expect(one.errors).toEqual([]);
    expect(one.text).toBe(
      ours.replace(
        '            taxes included.\n',
        '            taxes included.\n        - name: status\n          dataType: STRING\n          description: order status\n',
      ),
    );
  });
});

describe('review: statuses and change sets', () => {
  test('an addition inside a mapping ours deleted is a conflict, not clean', () => {
    const cs = merge3({
      base: 'spec:\n  mesh:\n    a: 1\n  owner: x\n',
      ours: 'spec:\n  owner: x\n',
      theirs: 'spec:\n  mesh:\n    a: 1\n    specific:\n      db: FIN\n  owner: x\n',
    });
    expect(cs.changes.map((c) => [c.id, c.status])).toEqual([['spec.mesh.specific', 'conflict']]);
  });

  test('a set whose elements change only type is not reported as unchanged', () => {
    const { text, errors } = applyUpdates('spec:\n  mesh:\n    tags:\n      - "true"\n      - x\n', { 'spec.mesh.tags': [true, 'x'] });
    expect(errors).toEqual([]);
    expect(parseYaml(text).values[0]).toEqual({ spec: { mesh: { tags: [true, 'x'] } } });
    expect(diff('ports:\n  - "8080"\n', 'ports:\n  - 8080\n').changes.length).toBeGreaterThan(0);
  });

  test('removing two keys of a compact item separately each work (one per call)', () => {
    const s = 'p:\n  - title: T\n    required: r\n    description: d\n';
    const cs = diff(s, 'p:\n  - description: d\n');
    expect(cs.changes.map((c) => c.id)).toEqual(['p[0].title', 'p[0].required']);
    const first = applyChanges(s, cs, ['p[0].title']);
    expect(first.errors).toEqual([]);
    expect(first.text).toBe('p:\n  - required: r\n    description: d\n');
  });
});

describe('review: byte locality and local style', () => {
  test('a BOM file takes a new root key at column 0', () => {
    const { text, errors } = applyUpdates('\ufeffapiVersion: v1\nkind: Component\n', { 'spec.owner': 'me' });
    expect(errors).toEqual([]);
    expect(text).toBe('\ufeffapiVersion: v1\nkind: Component\nspec:\n  owner: me\n');
  });

  test('an empty {} placeholder is filled as a block', () => {
    const { text } = applyUpdates('spec:\n  mesh:\n    specific: {}\n', { 'spec.mesh.specific': { database: 'FIN' } });
    expect(text).toBe('spec:\n  mesh:\n    specific:\n      database: FIN\n');
  });

  test('4-space indentless documents get 4-space indentless new text', () => {
    const src = 'spec:\n    mesh:\n        tags:\n        - a\n        - b\n        specific:\n            x: 1\n';
    const { text, errors } = applyUpdates(src, { 'spec.mesh.tags': ['a', 'c', 'b'], 'spec.mesh.new': { k: ['u'] } });
    expect(errors).toEqual([]);
    expect(text).toBe('spec:\n    mesh:\n        tags:\n        - a\n        - c\n        - b\n        specific:\n            x: 1\n        new:\n            k:\n            - u\n');
  });

  test('CRLF: new nested text uses CRLF, multi-line strings become literal blocks', () => {
    const { text, errors } = applyUpdates('a: 1\r\nb:\r\n  c: 2\r\n', { 'b.d': 'x\ny', e: [{ name: 'a', t: 1 }] });
    expect(errors).toEqual([]);
    expect(text).toBe('a: 1\r\nb:\r\n  c: 2\r\n  d: |-\r\n    x\r\n    y\r\ne:\r\n  - name: a\r\n    t: 1\r\n');
  });

  test('a keep-chomped block scalar keeps its trailing blank lines when a sibling is added', () => {
    const { text } = applyUpdates('m:\n  a: |+\n    keep\n\n# c\nz: 1\n', { 'm.b': 1 });
    expect(parseYaml(text).values[0]).toEqual({ m: { a: 'keep\n\n', b: 1 }, z: 1 });
    expect(text.endsWith('# c\nz: 1\n')).toBe(true);
  });

  test('adding at the end of a file without a final newline keeps it without one', () => {
    const a = 'a: 1\nb: 2';
    expect(applyChanges(a, diff(a, 'a: 1\nb: 2\nc: 3')).text).toBe('a: 1\nb: 2\nc: 3');
    const c = 'a: 1\r\nb: 2';
    expect(applyChanges(c, diff(c, 'a: 1\r\nb: 2\r\nc: 3')).text).toBe('a: 1\r\nb: 2\r\nc: 3');
  });

  test('a tab before a comment and a document end marker survive an insertion', () => {
    expect(applyUpdates('a: 1\t# tab comment\nb:\t2\n', { a: 3, c: 4 }).text).toBe('a: 3\t# tab comment\nb:\t2\nc: 4\n');
    expect(applyUpdates('%YAML 1.2\n---\na: 1\n...\n', { b: 2 }).text).toBe('%YAML 1.2\n---\na: 1\nb: 2\n...\n');
  });

  test('an anchored scalar that changes hands its anchor to the alias site', () => {
    const s = 'base: &b hello\nother: *b\n';
    const r = applyChanges(s, diff(s, 'base: bye\nother: hello\n'));
    expect(r.errors).toEqual([]);
    expect(r.text).toBe('base: bye\nother: &b hello\n');
  });

  test('__proto__ and constructor in updates are ordinary keys', () => {
    const r = applyUpdates('metadata:\n  name: x\n', JSON.parse('{"metadata.__proto__": {"polluted": 1}, "constructor.prototype.z": 3}'));
    expect(r.errors).toEqual([]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(r.text).toBe('metadata:\n  name: x\n  __proto__:\n    polluted: 1\nconstructor:\n  prototype:\n    z: 3\n');
  });

  test('strings that other YAML readers would type are quoted', () => {
    for (const v of ['2024-01-01', '1_000', '0o17', '1:20', '~', 'NULL', 'y', 'OFF', '.5', '-.inf', '<<', '- a', 'a #b']) {
      const { text } = applyUpdates('a: x\n', { a: v });
      expect(text, v).not.toBe(`a: ${v}\n`);
      expect(parseYaml(text).values[0]).toEqual({ a: v });
    }
  });
});
