import { describe, expect, test } from 'vitest';
import { applyChanges, applyEdits, applyJsonPatch, merge3, parseYaml, toJsonPatch } from '@revprov/merge-core';
import { y } from './dedent.js';

/**
 * Taking theirs for several conflicts below an entry ours removed re-creates that entry once,
 * holding every selected change (never one copy per change), whatever the entry is (a keyed list
 * element, a mapping key, nested two levels deep, in one document of several), and accepting the
 * conflicts one at a time (re-merging in between) gives the text of accepting them together.
 */
/**
 * `keyOrder: 'value'`: a mapping re-created inside a re-created entry (`meta` below the element)
 * lands last when a later sibling of it was accepted first; the value is the same, the key order
 * is not theirs' (placement names the sibling before the change's own entry only).
 */
const table: { name: string; base: string; ours: string; theirs: string; conflicts: string[]; expected: string; keyOrder?: 'value' }[] = [
  {
    name: 'a keyed list element ours removed, two of its fields changed by theirs',
    base: y`
      fields:
        - name: a
          type: int
        - name: x
          type: string
          description: old
    `,
    ours: y`
      fields:
        - name: a
          type: int
    `,
    theirs: y`
      fields:
        - name: a
          type: int
        - name: x
          type: text
          description: new
    `,
    conflicts: ['fields[name=x].type', 'fields[name=x].description'],
    expected: y`
      fields:
        - name: a
          type: int
        - name: x
          type: text
          description: new
    `,
  },
  {
    name: 'a numeric identity keeps its type when several fields re-create the element',
    base: y`
      l:
        - id: 1
          x: 1
          z: 1
        - id: 2
    `,
    ours: y`
      l:
        - id: 2
    `,
    theirs: y`
      l:
        - id: 1
          x: 2
          z: 2
        - id: 2
    `,
    conflicts: ['l[id=1].x', 'l[id=1].z'],
    expected: y`
      l:
        - id: 2
        - id: 1
          x: 2
          z: 2
    `,
  },
  {
    name: 'a removed element with nested mappings: one element, one nested mapping',
    base: y`
      fields:
        - name: a
        - name: x
          meta:
            owner: me
            pii: false
          type: string
    `,
    ours: y`
      fields:
        - name: a
    `,
    theirs: y`
      fields:
        - name: a
        - name: x
          meta:
            owner: you
            pii: true
          type: text
    `,
    conflicts: ['fields[name=x].meta.owner', 'fields[name=x].meta.pii', 'fields[name=x].type'],
    keyOrder: 'value',
    expected: y`
      fields:
        - name: a
        - name: x
          meta:
            owner: you
            pii: true
          type: text
    `,
  },
  {
    name: 'a removed mapping key whose two children theirs changed',
    base: y`
      spec:
        owner: a
        extra:
          one: 1
          two: 2
    `,
    ours: y`
      spec:
        owner: a
    `,
    theirs: y`
      spec:
        owner: a
        extra:
          one: 10
          two: 20
    `,
    conflicts: ['spec.extra.one', 'spec.extra.two'],
    expected: y`
      spec:
        owner: a
        extra:
          one: 10
          two: 20
    `,
  },
  {
    name: 'a mapping key ours emptied to null, two children changed by theirs',
    base: y`
      spec:
        extra:
          one: 1
          two: 2
    `,
    ours: y`
      spec:
        extra:
    `,
    theirs: y`
      spec:
        extra:
          one: 10
          two: 20
    `,
    conflicts: ['spec.extra.one', 'spec.extra.two'],
    expected: y`
      spec:
        extra:
          one: 10
          two: 20
    `,
  },
  {
    name: 'a mapping ours emptied to null, two grandchildren changed by theirs',
    base: y`
      spec:
        extra:
          deep:
            one: 1
            two: 2
    `,
    ours: y`
      spec:
        extra:
    `,
    theirs: y`
      spec:
        extra:
          deep:
            one: 10
            two: 20
    `,
    conflicts: ['spec.extra.deep.one', 'spec.extra.deep.two'],
    expected: y`
      spec:
        extra:
          deep:
            one: 10
            two: 20
    `,
  },
  {
    name: 'three levels: ours removed the parent and the grandparent',
    base: y`
      a:
        keep: 1
        b:
          c:
            d: 1
            e: 2
    `,
    ours: y`
      a:
        keep: 1
    `,
    theirs: y`
      a:
        keep: 1
        b:
          c:
            d: 10
            e: 20
    `,
    conflicts: ['a.b.c.d', 'a.b.c.e'],
    expected: y`
      a:
        keep: 1
        b:
          c:
            d: 10
            e: 20
    `,
  },
  {
    name: 'three levels of keyed elements: a removed column with a removed nested element',
    base: y`
      fields:
        - name: a
        - name: x
          tags:
            - tagFQN: t1
              level: 1
              note: n
    `,
    ours: y`
      fields:
        - name: a
    `,
    theirs: y`
      fields:
        - name: a
        - name: x
          tags:
            - tagFQN: t1
              level: 2
              note: m
    `,
    conflicts: ['fields[name=x].tags[tagFQN=t1].level', 'fields[name=x].tags[tagFQN=t1].note'],
    expected: y`
      fields:
        - name: a
        - name: x
          tags:
            - tagFQN: t1
              level: 2
              note: m
    `,
  },
  {
    name: 'a removed element in one document of several',
    base: y`
      kind: Component
      metadata:
        name: one
      ---
      kind: Component
      metadata:
        name: two
      spec:
        fields:
          - name: a
          - name: x
            type: string
            description: old
    `,
    ours: y`
      kind: Component
      metadata:
        name: one
      ---
      kind: Component
      metadata:
        name: two
      spec:
        fields:
          - name: a
    `,
    theirs: y`
      kind: Component
      metadata:
        name: one
      ---
      kind: Component
      metadata:
        name: two
      spec:
        fields:
          - name: a
          - name: x
            type: text
            description: new
    `,
    conflicts: ['$[component:default/two].spec.fields[name=x].type', '$[component:default/two].spec.fields[name=x].description'],
    expected: y`
      kind: Component
      metadata:
        name: one
      ---
      kind: Component
      metadata:
        name: two
      spec:
        fields:
          - name: a
          - name: x
            type: text
            description: new
    `,
  },
];

describe('conflicts under an entry ours removed: re-created once', () => {
  test.each(table)('$name', ({ base, ours, theirs, conflicts, expected }) => {
    const cs = merge3({ base, ours, theirs });
    expect(cs.changes.map((c) => `${c.id} ${c.status}`)).toEqual(conflicts.map((id) => `${id} conflict`));
    const r = applyChanges(ours, cs, conflicts);
    expect(r.errors).toEqual([]);
    expect(r.skipped).toEqual([]);
    expect(r.applied).toEqual(conflicts);
    expect(r.text).toBe(expected);
    // nothing left to take: a re-merge finds every change applied
    expect(merge3({ base, ours: r.text, theirs }).changes.map((c) => c.status)).toEqual(conflicts.map(() => 'applied'));
  });

  test.each(table)('one at a time, re-merging in between, in either order: the same text ($name)', ({ base, ours, theirs, conflicts, expected, keyOrder }) => {
    for (const [k, order] of [conflicts, [...conflicts].reverse()].entries()) {
      let text = ours;
      for (const id of order) {
        const r = applyChanges(text, merge3({ base, ours: text, theirs }), [id]);
        expect(r.errors).toEqual([]);
        expect(r.skipped).toEqual([]);
        expect(r.applied).toEqual([id]);
        text = r.text;
      }
      if (k === 1 && keyOrder === 'value') expect(parseYaml(text), order.join(', ')).toEqual(parseYaml(expected));
      else expect(text, order.join(', ')).toBe(expected);
    }
  });

  test.each(table.filter((c) => !c.conflicts[0]!.startsWith('$')))('exported as a JSON Patch: one entry, theirs values ($name)', ({ base, ours, theirs, conflicts, expected }) => {
    const cs = merge3({ base, ours, theirs });
    const exported = toJsonPatch(ours, cs, conflicts);
    expect(exported.errors).toEqual([]);
    const out = applyJsonPatch(ours, exported.patch);
    expect(out.errors).toEqual([]);
    expect(out.text).toBe(expected);
  });

  test('a single selected conflict re-creates the element with that field only', () => {
    const { base, ours, theirs } = table[0]!;
    const r = applyChanges(ours, merge3({ base, ours, theirs }), ['fields[name=x].description']);
    expect(r.skipped).toEqual([]);
    expect(r.text).toBe(ours + '  - name: x\n    description: new\n');
  });

  test('edits that create one entry twice: the later one is refused with a reason, the earlier applies', () => {
    const source = 'fields:\n  - name: a\n';
    const r = applyEdits(source, [
      { op: 'set', path: [{ kind: 'key', key: 'fields' }, { kind: 'keyed', key: 'name', value: 'x' }, { kind: 'key', key: 'type' }], value: 'int' },
      { op: 'set', path: [{ kind: 'key', key: 'fields' }, { kind: 'keyed', key: 'name', value: 'x' }, { kind: 'key', key: 'type' }], value: 'text' },
    ]);
    expect(r.applied).toEqual([0]);
    expect(r.errors.map((e) => [e.code, e.path])).toEqual([['UNAPPLIABLE', 'fields[name=x].type']]);
    expect(r.text).toBe('fields:\n  - name: a\n  - name: x\n    type: int\n');
  });
});
