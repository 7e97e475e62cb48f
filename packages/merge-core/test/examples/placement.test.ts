import { describe, expect, test } from 'vitest';
import { applyChanges, applyEdits, applyUpdates, diff, merge3, type Edit } from '@revprov/merge-core';

/** Placement, end-of-file and ownership cases found in review; exact texts. */
describe('placement and ends', () => {
  test('consecutive new elements land in theirs order, selected together or alone', () => {
    const src = 'schema:\n  - name: a\n  - name: d\n';
    const updates = { schema: [{ name: 'a' }, { name: 'b' }, { name: 'c' }, { name: 'd' }] };
    const once = applyUpdates(src, updates).text;
    expect(once).toBe('schema:\n  - name: a\n  - name: b\n  - name: c\n  - name: d\n');
    expect(applyUpdates(once, updates).text).toBe(once);
    expect(applyChanges(src, diff(src, once), ['schema[name=c]']).text).toBe('schema:\n  - name: a\n  - name: c\n  - name: d\n');
  });

  test('new keys in a row keep theirs order', () => {
    expect(applyUpdates('a: 1\nz: 2\n', { a: 1, b: 1, c: 1 }).text).toBe('a: 1\nz: 2\nb: 1\nc: 1\n');
    const t = 'a: 1\nb: 1\nc: 1\nz: 2\n';
    expect(applyChanges('a: 1\nz: 2\n', diff('a: 1\nz: 2\n', t)).text).toBe(t);
  });

  test('the first entries of a compact list item can all go', () => {
    const r = applyUpdates('p:\n  - title: T\n    required: r\n    description: d\n', { p: [{ description: 'd' }] });
    expect(r.errors).toEqual([]);
    expect(r.text).toBe('p:\n  - description: d\n');
  });

  test.each([
    ['l:\n  - a\n  - b', 'l:\n  - a', 'l:\n  - a'],
    ['a: 1\nb: 2\nc: 3', 'a: 1', 'a: 1'],
    ['a: 1\r\nb: 2', 'a: 1', 'a: 1'],
  ])('removing the last entries keeps a missing final newline missing (%j)', (before, after, expected) => {
    expect(applyChanges(before, diff(before, after)).text).toBe(expected);
  });

  test('no literal block at the very end of a text without a final newline', () => {
    expect(applyUpdates('a: |\n  x\n  y', { a: 'p\nq\n' }).text).toBe('a: "p\\nq\\n"');
    expect(applyUpdates('a: 1', { b: 'p\nq\n' }).text).toBe('a: 1\nb: "p\\nq\\n"');
  });

  test('no literal block where the same selection removes everything after the new value (commutation campaign, seed 2026112901)', () => {
    // theirs removes tags (the last lines) and gives the last column a multi-line value
    const base = 'columns:\n  - name: id\n    ordinal: 0\ntags:\n  - a';
    const replaced = 'columns:\n  - name: id\n    ordinal: "multi\\nline"\n';
    const added = 'columns:\n  - name: id\n    ordinal: 0\n    note: "multi\\nline"\n';
    for (const [theirs, expected, literal] of [
      [replaced, 'columns:\n  - name: id\n    ordinal: "multi\\nline"', 'columns:\n  - name: id\n    ordinal: "multi\\nline"'],
      [added, 'columns:\n  - name: id\n    ordinal: 0\n    note: "multi\\nline"', 'columns:\n  - name: id\n    ordinal: 0\n    note: |-\n      multi\n      line\n'],
    ] as const) {
      const cs = merge3({ base, ours: base, theirs });
      expect(applyChanges(base, cs).text).toBe(expected);
      const [value, tags] = [cs.changes.find((c) => c.id !== 'tags')!.id, 'tags'];
      const inTurn = (order: string[]): string => order.reduce((now, id) => applyChanges(now, merge3({ base, ours: now, theirs }), [id]).text, base);
      // the removal first, then the value: the same bytes
      expect(inTurn([tags, value])).toBe(expected);
      // the value first, while text still follows it, is a literal block; it keeps its final line break when it ends up last
      expect(inTurn([value, tags])).toBe(literal);
    }
    // a value created under an empty key, while the same selection removes what follows
    const empty = 'a:\nb: 1';
    const created = merge3({ base: empty, ours: empty, theirs: 'a:\n  x: "p\\nq"\n' });
    expect(applyChanges(empty, created).text).toBe('a:\n  x: "p\\nq"');
    expect(applyChanges(applyChanges(empty, created, ['b']).text, created, ['a']).text).toBe('a:\n  x: "p\\nq"');
  });

  test('no literal block last where a reordering moves new or edited text to the end (review of the fix above)', () => {
    // theirs reorders the columns, adds one with a multi-line value last and removes tags
    const base = 'columns:\n  - name: a\n  - name: b\ntags:\n  - t';
    const theirs = 'columns:\n  - name: b\n  - name: a\n  - name: c\n    d: "p\\nq"\n';
    const expected = 'columns:\n  - name: b\n  - name: a\n  - name: c\n    d: "p\\nq"';
    const cs = merge3({ base, ours: base, theirs });
    expect(applyChanges(base, cs).text).toBe(expected);
    const removedFirst = applyChanges(base, cs, ['tags']).text;
    expect(applyChanges(removedFirst, merge3({ base, ours: removedFirst, theirs })).text).toBe(expected);
    // an element edited in place and moved last by the same edits
    const key = (k: string) => ({ kind: 'key' as const, key: k });
    const named = (n: string) => ({ kind: 'keyed' as const, key: 'name', value: n });
    const list = 'l:\n  - name: a\n    v:\n      k: 1\n  - name: b\n    v: 2';
    const moved = applyEdits(list, [
      { op: 'order', path: [key('l')], order: [named('b'), named('a')] },
      { op: 'set', path: [key('l'), named('a'), key('v')], value: 'p\nq' },
    ]);
    expect(moved.text).toBe('l:\n  - name: b\n    v: 2\n  - name: a\n    v: "p\\nq"');
    // a block value with one line after it is not at the end
    expect(applyEdits('a:\n  v:\n    k: 1\nb: 2', [{ op: 'set', path: [key('a'), key('v')], value: 'p\nq' }]).text).toBe('a:\n  v: |-\n    p\n    q\nb: 2');
  });

  test('a text without a final newline: a new entry after one a removal leaves last gets no blank line', () => {
    // theirs removes spec.tags (the last lines) and adds system: together, and one at a time in either order
    const base = 'spec:\n  x: 1\n  tags:\n    - a';
    const theirs = 'spec:\n  x: 1\nsystem:\n  r: 1\n';
    const expected = 'spec:\n  x: 1\nsystem:\n  r: 1';
    expect(applyChanges(base, merge3({ base, ours: base, theirs })).text).toBe(expected);
    for (const [a, b] of [['spec.tags', 'system'], ['system', 'spec.tags']] as const) {
      const first = applyChanges(base, merge3({ base, ours: base, theirs }), [a]);
      const second = applyChanges(first.text, merge3({ base, ours: first.text, theirs }), [b]);
      expect([first.errors, second.errors, second.skipped]).toEqual([[], [], []]);
      expect(second.text).toBe(expected);
    }
    // the same as low-level edits, CRLF too; a literal block is still not written last
    const edits = (value: string | number): [Edit, Edit] => [
      { op: 'remove', path: [{ kind: 'key', key: 'a' }, { kind: 'key', key: 'c' }] },
      { op: 'set', path: [{ kind: 'key', key: 'd' }], value },
    ];
    expect(applyEdits('a:\n  b: 1\n  c: 2', [...edits(1)]).text).toBe('a:\n  b: 1\nd: 1');
    expect(applyEdits('a:\r\n  b: 1\r\n  c: 2', [...edits(1)]).text).toBe('a:\r\n  b: 1\r\nd: 1');
    expect(applyEdits('a:\n  b: 1\n  c: 2', [...edits('p\nq\n')]).text).toBe('a:\n  b: 1\nd: "p\\nq\\n"');
    // a plain value ending in ">" is no folded block scalar: the text still ends without a line break
    expect(applyEdits('a:\n  b: array<string>\n  c: 2', [...edits(1)]).text).toBe('a:\n  b: array<string>\nd: 1');
    expect(applyEdits('a:\n  b: array<string>\n  c: 2', [edits(1)[0]]).text).toBe('a:\n  b: array<string>');
    // a real one keeps the line break its value ends with
    expect(applyEdits('a:\n  b: >\n    x\n  c: 2', [edits(1)[0]]).text).toBe('a:\n  b: >\n    x\n');
  });

  test('a comment after "key:" stays on the key line when the block below is replaced', () => {
    expect(applyUpdates('a: # note\n  b: 1\nc: 2\n', { a: 5 }).text).toBe('a: 5 # note\nc: 2\n');
    expect(applyUpdates('a: # note\n  b: 1\nc: 2\n', { a: ['x'] }).text).toBe('a: # note\n  - x\nc: 2\n');
    expect(applyUpdates('a: # note\n  b: 1\nc: 2\n', { a: 'l1\nl2\n' }).text).toBe('a: | # note\n  l1\n  l2\nc: 2\n');
  });

  test('a scalar replacing a number uses block quoting rules', () => {
    expect(applyUpdates('a: 1\n', { a: 'x,y' }).text).toBe('a: x,y\n');
  });

  test('a file header comment stays when the first key goes; a comment directly above a later key goes with it', () => {
    const h = '# file header\nkey1: 1\n# about key2\nkey2: 2\nkey3: 3\n';
    expect(applyChanges(h, diff(h, 'key3: 3\n')).text).toBe('# file header\nkey3: 3\n');
  });

  test('reordering moves an anchor after its alias: the anchor moves to the alias', () => {
    const s = 'l:\n  - name: a\n    v: &x 1\n  - name: b\n    v: *x\nz: 1\n';
    const r = applyChanges(s, diff(s, 'l:\n  - name: b\n    v: 1\n  - name: a\n    v: 1\nz: 2\n'));
    expect(r.errors).toEqual([]);
    expect(r.text).toBe('l:\n  - name: b\n    v: &x 1\n  - name: a\n    v: 1\nz: 2\n');
  });

  test('one edit the engine cannot write fails alone; the others apply', () => {
    const s = 'a: &x\n  b: 1\nc: *x\nz: 1\n';
    const r = applyEdits(s, [
      { op: 'set', path: [{ kind: 'key', key: 'c' }, { kind: 'key', key: 'b' }], value: 2 },
      { op: 'set', path: [{ kind: 'key', key: 'z' }], value: 2 },
    ]);
    expect(r.text).toBe(s.replace('z: 1', 'z: 2'));
    expect(r.applied).toEqual([1]);
    expect(r.errors.map((e) => [e.code, e.path])).toEqual([['UNSUPPORTED', 'c.b']]);
  });

  test('a text opening with a blank line and a comment: removing the first key ends (it looped once)', () => {
    // the blank line above the removed entry goes with it, as its comment does
    expect(applyChanges('\n# c\nretries: 1\nb: 2\n', diff('\n# c\nretries: 1\nb: 2\n', 'b: 2\n')).text).toBe('b: 2\n');
  });

  test('a complex key without a value is refused, not mangled', () => {
    const r = applyUpdates('owner: {{a}}\nx: 1\n', { owner: { '{"a":null}': 'v' } });
    expect(r.text).toBe('owner: {{a}}\nx: 1\n');
    expect(r.errors.map((e) => e.code)).toEqual(['UNSUPPORTED']);
  });
});
