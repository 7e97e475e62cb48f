import { describe, expect, test } from 'vitest';
import { applyChanges, merge3, toJsonPatch } from '@revprov/merge-core';
import { y } from './dedent.js';

/** Every order of `items`. */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((p) => [x, ...p]));
}

/** Accepts the changes one at a time, merging again against the result before each. */
function oneAtATime(base: string, ours: string, theirs: string, ids: readonly string[]): string {
  let text = ours;
  for (const id of ids) {
    const r = applyChanges(text, merge3({ base, ours: text, theirs }), [id]);
    expect(r.errors).toEqual([]);
    expect(r.skipped).toEqual([]);
    text = r.text;
  }
  return text;
}

/**
 * A new entry goes after its nearest preceding sibling in theirs that ours already has (or that
 * the same selection adds), so accepting new entries one at a time, in any order, gives the text
 * of accepting them together.
 */
describe('placement order: one at a time equals all at once', () => {
  const table: { name: string; base: string; ours: string; theirs: string; ids: string[]; expected: string }[] = [
    {
      name: 'new keys in a row',
      base: y`
        a: 1
        z: 9
      `,
      ours: y`
        a: 1
        z: 9
      `,
      theirs: y`
        a: 1
        z1: 1
        z2: 2
        z: 9
      `,
      ids: ['z1', 'z2'],
      expected: y`
        a: 1
        z1: 1
        z2: 2
        z: 9
      `,
    },
    {
      name: 'new list items in a row',
      base: y`
        l:
          - name: a
          - name: z
      `,
      ours: y`
        l:
          - name: a
          - name: z
      `,
      theirs: y`
        l:
          - name: a
          - name: z1
          - name: z2
          - name: z3
          - name: z
      `,
      ids: ['l[name=z1]', 'l[name=z2]', 'l[name=z3]'],
      expected: y`
        l:
          - name: a
          - name: z1
          - name: z2
          - name: z3
          - name: z
      `,
    },
    {
      name: 'new entries first in their mapping',
      base: 'z: 9\n',
      ours: 'z: 9\n',
      theirs: 'z1: 1\nz2: 2\nz: 9\n',
      ids: ['z1', 'z2'],
      expected: 'z1: 1\nz2: 2\nz: 9\n',
    },
    {
      name: 'the sibling they followed was removed by ours',
      base: y`
        a: 1
        b: 2
        z: 9
      `,
      ours: y`
        a: 1
        z: 9
      `,
      theirs: y`
        a: 1
        b: 2
        z1: 1
        z2: 2
        z: 9
      `,
      ids: ['z1', 'z2'],
      expected: y`
        a: 1
        z1: 1
        z2: 2
        z: 9
      `,
    },
    {
      name: 'an entry ours added itself stays after the new ones that precede it in theirs',
      base: y`
        a: 1
        z: 9
      `,
      ours: y`
        a: 1
        mine: 0
        z: 9
      `,
      theirs: y`
        a: 1
        z1: 1
        z2: 2
        z: 9
      `,
      ids: ['z1', 'z2'],
      expected: y`
        a: 1
        z1: 1
        z2: 2
        mine: 0
        z: 9
      `,
    },
    {
      name: 'set elements in a flow sequence',
      base: 'tags: [a, z]\n',
      ours: 'tags: [a, z]\n',
      theirs: 'tags: [a, z1, z2, z]\n',
      ids: ['tags[=z1]', 'tags[=z2]'],
      expected: 'tags: [a, z1, z2, z]\n',
    },
    {
      name: 'new elements around a reordering',
      base: 'l: [a, b, c]\n',
      ours: 'l: [a, b, c]\n',
      theirs: 'l: [c, x, a, w, b]\n',
      ids: ['l[=x]', 'l[=w]', 'l'],
      expected: 'l: [c, x, a, w, b]\n',
    },
    {
      name: 'keys at two levels',
      base: y`
        m:
          a: 1
      `,
      ours: y`
        m:
          a: 1
      `,
      theirs: y`
        m:
          p: 0
          a: 1
          q: 1
        r: 2
      `,
      ids: ['m.p', 'm.q', 'r'],
      expected: y`
        m:
          p: 0
          a: 1
          q: 1
        r: 2
      `,
    },
  ];
  test.each(table)('$name', ({ base, ours, theirs, ids, expected }) => {
    const together = applyChanges(ours, merge3({ base, ours, theirs }), ids);
    expect(together.errors).toEqual([]);
    expect(together.text).toBe(expected);
    for (const order of permutations(ids)) expect(oneAtATime(base, ours, theirs, order), order.join(' then ')).toBe(expected);
  });

  test('a JSON Patch of one new entry puts it after the new entry before it only when that one is there', () => {
    const base = 'a: 1\nl: [a, z]\n';
    const theirs = 'a: 1\nl: [a, z1, z2, z]\n';
    const cs = merge3({ base, ours: base, theirs });
    expect(toJsonPatch(base, cs, ['l[=z2]']).patch).toEqual([{ op: 'add', path: '/l/1', value: 'z2' }]);
    expect(toJsonPatch(base, cs, ['l']).patch).toEqual([
      { op: 'add', path: '/l/1', value: 'z1' },
      { op: 'add', path: '/l/2', value: 'z2' },
    ]);
  });

  test('a change names the sibling right before it in theirs, or one ours still has', () => {
    const base = 'a: 1\nb: 2\nz: 9\n';
    const theirs = 'a: 1\nb: 2\nz1: 1\nz2: 2\nz: 9\n';
    const after = (ours: string) => merge3({ base, ours, theirs }).changes.map((c) => [c.id, c.after]);
    expect(after(base)).toEqual([
      ['z1', { kind: 'key', key: 'b' }],
      ['z2', { kind: 'key', key: 'z1' }],
    ]);
    expect(after('a: 1\nz: 9\n')).toEqual([
      ['z1', { kind: 'key', key: 'a' }],
      ['z2', { kind: 'key', key: 'z1' }],
    ]);
  });
});
