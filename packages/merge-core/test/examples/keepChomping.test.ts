import { describe, expect, test } from 'vitest';
import { applyChanges, merge3, parseYaml } from '@revprov/merge-core';
import { y } from './dedent.js';

/**
 * A keep-chomped block scalar (`|+`, `>+`) owns the blank lines it ends with, and takes any blank
 * line that comes to stand after it. Clean changes of theirs next to one (removing the entry after
 * it, moving it in a sequence, adding after it, replacing or removing it) are applied, its value
 * is kept, and the blank lines that separated the entries go with the removed or moved text
 * (campaign seed 1231924496, issue 8). `ours` defaults to `base`.
 */
const ordinalRemoved = y`
  columns:
    - name: id
      description: |+
        ends in blank

    - name: yes
      type: a
`;

const table: { name: string; base: string; ours?: string; theirs: string; expected: string }[] = [
  {
    name: 'removing the key after the scalar, a blank line separating the list items',
    base: y`
      columns:
        - name: id
          description: |+
            ends in blank

          ordinal: 0

        - name: yes
          type: a
    `,
    theirs: ordinalRemoved,
    expected: ordinalRemoved,
  },
  {
    name: 'the same removal while ours changed another entry',
    base: 'columns:\n  - name: id\n    description: |+\n      ends in blank\n\n    ordinal: 0\n\n  - name: yes\n    type: a\n',
    ours: 'columns:\n  - name: id\n    description: |+\n      ends in blank\n\n    ordinal: 0\n\n  - name: yes\n    type: b\n',
    theirs: 'columns:\n  - name: id\n    description: |+\n      ends in blank\n\n  - name: yes\n    type: a\n',
    expected: 'columns:\n  - name: id\n    description: |+\n      ends in blank\n\n  - name: yes\n    type: b\n',
  },
  {
    name: 'a folded `>+` scalar in a mapping, the removed key last before a less indented key',
    base: 'a:\n  d: >+\n    x\n\n  o: 0\n\nb: 1\n',
    theirs: 'a:\n  d: >+\n    x\n\nb: 1\n',
    expected: 'a:\n  d: >+\n    x\n\nb: 1\n',
  },
  {
    name: 'an indentation indicator before the chomping sign (`|2+`)',
    base: 'a:\n  d: |2+\n     x\n\n  o: 0\n\nb: 1\n',
    theirs: 'a:\n  d: |2+\n     x\n\nb: 1\n',
    expected: 'a:\n  d: |2+\n     x\n\nb: 1\n',
  },
  {
    name: 'two removed keys after the scalar, blank lines between them',
    base: 'a:\n  d: |+\n    x\n\n  o: 0\n\n  p: 1\n\nb: 1\n',
    theirs: 'a:\n  d: |+\n    x\n\nb: 1\n',
    expected: 'a:\n  d: |+\n    x\n\nb: 1\n',
  },
  {
    name: 'the removed key last in the file, blank lines after it',
    base: 'd: |+\n  x\n\no: 0\n\n',
    theirs: 'd: |+\n  x\n\n',
    expected: 'd: |+\n  x\n\n',
  },
  {
    name: 'a comment after the removed key stays, the blank line before it goes',
    base: 'd: |+\n  x\n\no: 0\n\n# about z\nz: 1\n',
    theirs: 'd: |+\n  x\n\n# about z\nz: 1\n',
    expected: 'd: |+\n  x\n\n# about z\nz: 1\n',
  },
  {
    name: 'removing the sequence element after a `|+` element',
    base: 'l:\n  - |+\n    x\n\n  - y\n\n  - z\n',
    theirs: 'l:\n  - |+\n    x\n\n  - z\n',
    expected: 'l:\n  - |+\n    x\n\n  - z\n',
  },
  {
    name: 'the removed key followed by a new key of the parent',
    base: 'a:\n  d: |+\n    x\n\n  o: 0\n\nb: 1\n',
    theirs: 'a:\n  d: |+\n    x\n\nq: 2\nb: 1\n',
    expected: 'a:\n  d: |+\n    x\n\nq: 2\nb: 1\n',
  },
  {
    name: 'CRLF line breaks',
    base: 'a:\r\n  d: |+\r\n    x\r\n\r\n  o: 0\r\n\r\nb: 1\r\n',
    theirs: 'a:\r\n  d: |+\r\n    x\r\n\r\nb: 1\r\n',
    expected: 'a:\r\n  d: |+\r\n    x\r\n\r\nb: 1\r\n',
  },
  {
    name: 'moving a `|+` element ending in a blank line down a sequence (the gap after it in the new order loses its blank line)',
    base: 'tags:\n  - |+\n    ends in blank\n\n  - yes\n\n  - a\n',
    theirs: 'tags:\n  - yes\n  - |+\n    ends in blank\n\n  - a\n',
    expected: 'tags:\n  - yes\n  - |+\n    ends in blank\n\n  - a\n',
  },
  {
    name: 'moving it last: the blank line after the sequence goes',
    base: 'tags:\n  - |+\n    e\n\n  - yes\n\nb: 1\n',
    theirs: 'tags:\n  - yes\n  - |+\n    e\n\nb: 1\n',
    expected: 'tags:\n  - yes\n  - |+\n    e\n\nb: 1\n',
  },
  {
    name: 'moving it last in a text without a final line break: its blank lines stay',
    base: 'tags:\n  - |+\n    e\n\n  - yes\n  - z',
    theirs: 'tags:\n  - yes\n  - z\n  - |+\n    e\n\n',
    expected: 'tags:\n  - yes\n  - z\n  - |+\n    e\n\n',
  },
  {
    name: 'moving a keyed element whose last field is a `|+` scalar',
    base: 'l:\n  - id: a\n    d: |+\n      x\n\n  - id: b\n\n  - id: c\n',
    theirs: 'l:\n  - id: b\n  - id: a\n    d: |+\n      x\n\n  - id: c\n',
    expected: 'l:\n  - id: b\n  - id: a\n    d: |+\n      x\n\n  - id: c\n',
  },
  {
    name: 'a new key right after the scalar comes after its blank lines',
    base: 'a:\n  d: |+\n    x\n\nb: 1\n',
    theirs: 'a:\n  d: |+\n    x\n\n  k: 2\nb: 1\n',
    expected: 'a:\n  d: |+\n    x\n\n  k: 2\nb: 1\n',
  },
  {
    name: 'a new element right after a `|+` element, at the end of the file',
    base: 'l:\n  - |+\n    x\n\n',
    theirs: 'l:\n  - |+\n    x\n\n  - k\n',
    expected: 'l:\n  - |+\n    x\n\n  - k\n',
  },
  {
    name: 'replacing the scalar: still a `|+` block, with the new value\'s blank lines',
    base: 'a:\n  d: |+\n    x\n\n\nb: 1\n',
    theirs: 'a:\n  d: |+\n    y\n\n\nb: 1\n',
    expected: 'a:\n  d: |+\n    y\n\n\nb: 1\n',
  },
  {
    name: 'replacing the scalar with fewer trailing line breaks, a sibling after it',
    base: 'a:\n  d: |+\n    x\n\n\n  o: 0\n\nb: 1\n',
    theirs: 'a:\n  d: |+\n    y\n\n  o: 0\n\nb: 1\n',
    expected: 'a:\n  d: |+\n    y\n\n  o: 0\n\nb: 1\n',
  },
  {
    // elements are matched by value: a new element, written quoted (a new `|+` block could take blank lines after it)
    name: 'replacing a `>+` element of a sequence, the element after it removed',
    base: 'l:\n  - >+\n    x\n\n  - y\n\n  - z\n',
    theirs: 'l:\n  - |+\n    w\n    v\n\n  - z\n',
    expected: 'l:\n  - "w\\nv\\n\\n"\n  - z\n',
  },
  {
    name: 'replacing the scalar with a number: its blank lines go with it',
    base: 'a:\n  d: |+\n    x\n\n\nb: 1\n',
    theirs: 'a:\n  d: 5\nb: 1\n',
    expected: 'a:\n  d: 5\nb: 1\n',
  },
  {
    name: "removing the scalar's entry, the last one before other content",
    base: 'a:\n  o: 0\n  d: |+\n    x\n\n\nb: 1\n',
    theirs: 'a:\n  o: 0\nb: 1\n',
    expected: 'a:\n  o: 0\nb: 1\n',
  },
  {
    name: 'removing a `|+` scalar and the key after it, with a `|+` scalar before both',
    base: 'a:\n  c: |+\n    x\n\n  d: |+\n    y\n\n  e: 1\n\nb: 1\n',
    theirs: 'a:\n  c: |+\n    x\n\nb: 1\n',
    expected: 'a:\n  c: |+\n    x\n\nb: 1\n',
  },
];

describe('keep-chomped block scalars next to clean changes', () => {
  test.each(table)('$name', ({ base, ours = base, theirs, expected }) => {
    const changeSet = merge3({ base, ours, theirs });
    expect(changeSet.changes.length).toBeGreaterThan(0);
    expect(changeSet.changes.every((c) => c.status === 'clean')).toBe(true);
    const result = applyChanges(ours, changeSet);
    expect(result.errors).toEqual([]);
    expect(result.skipped).toEqual([]);
    expect(result.applied.sort()).toEqual(changeSet.changes.map((c) => c.id).sort());
    expect(result.text).toBe(expected);
    // the expected text holds theirs' value (ours' own edit aside)
    if (ours === base) expect(parseYaml(result.text).values).toEqual(parseYaml(theirs).values);
  });
});
