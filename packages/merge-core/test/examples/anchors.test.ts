import { describe, expect, test } from 'vitest';
import { applyChanges, applyUpdates, diff, parseYaml } from '@revprov/merge-core';
import { y } from './dedent.js';

/**
 * Editing, removing or moving an anchored node keeps every alias's value with the minimal change:
 * the anchor moves to the first alias that remains, which takes the node's original text; the
 * other aliases stay aliases.
 */
describe('anchors move to the first alias that remains', () => {
  test('the issue example: an anchored scalar edited by updates', () => {
    expect(applyUpdates('a: &x 1\nb: *x\nc: *x\n', { a: 2 }).text).toBe('a: 2\nb: &x 1\nc: *x\n');
  });

  const table: { name: string; ours: string; theirs: string; expected: string }[] = [
    {
      name: 'an anchored scalar removed',
      ours: 'a: &x 1\nb: *x\nc: *x\n',
      theirs: 'b: 1\nc: 1\n',
      expected: 'b: &x 1\nc: *x\n',
    },
    {
      name: 'an anchored block mapping removed',
      ours: y`
        defaults: &defaults
          retries: 3 # enough
          timeout: 30
        jobs:
          build: *defaults
          test: *defaults
      `,
      theirs: y`
        jobs:
          build:
            retries: 3
            timeout: 30
          test:
            retries: 3
            timeout: 30
      `,
      expected: y`
        jobs:
          build: &defaults
            retries: 3 # enough
            timeout: 30
          test: *defaults
      `,
    },
    {
      name: 'an anchored block mapping edited inside: it keeps the edit, the alias keeps the old value',
      ours: y`
        a: &x
          k: 1
          j: 2
        b: *x
      `,
      theirs: y`
        a:
          k: 5
          j: 2
        b:
          k: 1
          j: 2
      `,
      expected: y`
        a:
          k: 5
          j: 2
        b: &x
          k: 1
          j: 2
      `,
    },
    {
      name: 'a key added to an anchored mapping',
      ours: 'a: &x\n  k: 1\nb: *x\n',
      theirs: 'a:\n  k: 1\n  m: 2\nb:\n  k: 1\n',
      expected: 'a:\n  k: 1\n  m: 2\nb: &x\n  k: 1\n',
    },
    {
      name: 'a block moved to a sequence element',
      ours: y`
        base: &b
          k: 1
        list:
          - *b
          - *b
      `,
      theirs: y`
        list:
          - k: 1
          - k: 1
      `,
      expected: y`
        list:
          - &b
            k: 1
          - *b
      `,
    },
    {
      name: 'a block moved deeper, in a 4-space file',
      ours: y`
        a:
            b: &x
                k: 1
        c:
            d: *x
      `,
      theirs: y`
        a:
            b: 5
        c:
            d:
                k: 1
      `,
      expected: y`
        a:
            b: 5
        c:
            d: &x
                k: 1
      `,
    },
    {
      name: 'a literal block scalar; the alias comment goes on its header line',
      ours: 'a: &x |\n  line1\n  line2\nb: *x # same text\nz: 1\n',
      theirs: 'b: "line1\\nline2\\n"\nz: 1\n',
      expected: 'b: &x | # same text\n  line1\n  line2\nz: 1\n',
    },
    {
      name: 'a tag moves with the anchor',
      ours: 'a: &x !!str 1\nb: *x\n',
      theirs: 'a: 2\nb: "1"\n',
      expected: 'a: 2\nb: &x !!str 1\n',
    },
    {
      name: 'an anchor inside a removed block: its own alias before the block alias takes it first',
      ours: y`
        a: &x
          k: &y 1
        m: *y
        b: *x
      `,
      theirs: 'm: 1\nb:\n  k: 1\n',
      expected: y`
        m: &y 1
        b: &x
          k: &y 1
      `,
    },
    {
      name: 'an alias in a flow sequence',
      ours: 'a: &x 1\nl: [*x, 2, *x]\n',
      theirs: 'a: 2\nl: [1, 2, 1]\n',
      expected: 'a: 2\nl: [&x 1, 2, *x]\n',
    },
    {
      name: 'a block mapping at an alias in a flow sequence is written as flow',
      ours: 'a: &x\n  k: 1\nl: [*x, 2]\n',
      theirs: 'l: [{k: 1}, 2]\n',
      expected: 'l: [&x { k: 1 }, 2]\n',
    },
    {
      name: 'a reordering that puts an anchor after its alias',
      ours: y`
        l:
          - name: a
            v: &x 1
          - name: b
            v: *x
      `,
      theirs: y`
        l:
          - name: b
            v: 1
          - name: a
            v: 1
      `,
      expected: y`
        l:
          - name: b
            v: &x 1
          - name: a
            v: 1
      `,
    },
    {
      name: 'a reordering that keeps the anchor first leaves it alone',
      ours: 'l:\n  - name: a\n    v: &x 1\n  - name: b\n  - name: c\n    v: *x\n',
      theirs: 'l:\n  - name: a\n    v: 1\n  - name: c\n    v: 1\n  - name: b\n',
      expected: 'l:\n  - name: a\n    v: &x 1\n  - name: c\n    v: *x\n  - name: b\n',
    },
    {
      name: 'an anchor whose aliases all go stays',
      ours: 'a: &x 1\nb: *x\n',
      theirs: 'a: 2\n',
      expected: 'a: &x 2\n',
    },
    {
      name: 'CRLF line breaks',
      ours: 'a: &x\r\n  k: 1\r\nb: *x\r\n',
      theirs: 'b:\r\n  k: 1\r\n',
      expected: 'b: &x\r\n  k: 1\r\n',
    },
  ];
  test.each(table)('$name', ({ ours, theirs, expected }) => {
    const r = applyChanges(ours, diff(ours, theirs));
    expect(r.errors).toEqual([]);
    expect(r.skipped).toEqual([]);
    expect(r.text).toBe(expected);
    expect(parseYaml(r.text).values).toEqual(parseYaml(theirs).values);
  });
});
