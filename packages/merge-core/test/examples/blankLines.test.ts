import { describe, expect, test } from 'vitest';
import { applyChanges, merge3 } from '@revprov/merge-core';

/**
 * Removed entries take the blank lines right above them (as they take their comments) and the
 * blank lines between them, so no blank line is left where they were, and removing entries one
 * at a time gives the text of removing them together.
 */
const table: { name: string; ours: string; theirs: string; text: string }[] = [
  { name: 'every key replaced (commutation campaign, seed 2026112901)', ours: 'a: 1\n\nb: 2\n', theirs: 'c: 3\n', text: 'c: 3\n' },
  { name: 'the last key replaced', ours: 'a: 1\n\nb: 2\n', theirs: 'a: 1\n\nc: 3\n', text: 'a: 1\nc: 3\n' },
  { name: 'a middle key removed: the separation after it stays', ours: 'a: 1\n\nb: 2\n\nc: 3\n', theirs: 'a: 1\n\nc: 3\n', text: 'a: 1\n\nc: 3\n' },
  { name: 'the last key removed', ours: 'a: 1\n\nb: 2\n\nc: 3\n', theirs: 'a: 1\n\nb: 2\n', text: 'a: 1\n\nb: 2\n' },
  { name: 'two keys removed before one that stays', ours: 'a: 1\n\nb: 2\nx: 1\n', theirs: 'x: 1\nc: 3\n', text: 'x: 1\nc: 3\n' },
  { name: 'a first key after leading blank lines', ours: '\n\nb: 2\nc: 3\n', theirs: 'c: 3\n', text: 'c: 3\n' },
  { name: 'a detached comment stays with its blank line', ours: 'a: 1\n# note\n\nb: 2\n', theirs: 'a: 1\n', text: 'a: 1\n# note\n\n' },
  { name: 'the blank lines of a keep-chomped scalar are its value', ours: 'a: |+\n  x\n\nb: 2\n', theirs: 'a: "x\\n\\n"\n', text: 'a: |+\n  x\n\n' },
  { name: 'sequence items', ours: 'l:\n  - 1\n\n  - 2\n\n  - 3\n', theirs: 'l:\n  - 1\n', text: 'l:\n  - 1\n' },
];

describe('blank lines around removed entries', () => {
  test.each(table)('$name', ({ ours, theirs, text }) => {
    const cs = merge3({ base: ours, ours, theirs });
    const all = applyChanges(ours, cs);
    expect(all.skipped).toEqual([]);
    expect(all.text).toBe(text);
    // one change at a time, merging again each time, gives the same text
    let now = ours;
    for (let guard = 0; guard < 10; guard++) {
      const next = merge3({ base: ours, ours: now, theirs }).changes.find((c) => c.status === 'clean');
      if (!next) break;
      now = applyChanges(now, merge3({ base: ours, ours: now, theirs }), [next.id]).text;
    }
    expect(now).toBe(text);
  });
});
