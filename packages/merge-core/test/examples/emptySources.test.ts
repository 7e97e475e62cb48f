import { describe, expect, test } from 'vitest';
import { applyChanges, applyMergePatch, applyUpdates, diff, merge3 } from '@revprov/merge-core';
import { y } from './dedent.js';

/**
 * A source without content (nothing, comments only, document markers only) is one empty document:
 * updates create the missing mappings (reverse-provisioning rule 3), after its comments and
 * `---` line and before a `...` marker, every byte of those kept.
 */
describe('empty sources take updates', () => {
  const updates = { 'spec.owner': 'team-a' };
  const table: { name: string; source: string; expected: string }[] = [
    { name: 'nothing', source: '', expected: 'spec:\n  owner: team-a\n' },
    {
      name: 'comments only',
      source: y`
        # catalog entity of the orders service

        # filled in by reverse provisioning
      `,
      expected: y`
        # catalog entity of the orders service

        # filled in by reverse provisioning
        spec:
          owner: team-a
      `,
    },
    { name: 'a comment without a final line break', source: '# c', expected: '# c\nspec:\n  owner: team-a' },
    { name: 'a document start marker', source: '---\n', expected: '---\nspec:\n  owner: team-a\n' },
    { name: 'a document end marker', source: '...\n', expected: 'spec:\n  owner: team-a\n...\n' },
    { name: 'comment, then an end marker', source: '# c\n...\n', expected: '# c\nspec:\n  owner: team-a\n...\n' },
    { name: 'a start marker with a comment after it', source: '--- # entity\n', expected: '--- # entity\nspec:\n  owner: team-a\n' },
    { name: 'a start marker, then a comment', source: '---\n# entity\n', expected: '---\n# entity\nspec:\n  owner: team-a\n' },
    { name: 'a directive', source: '%YAML 1.2\n---\n', expected: '%YAML 1.2\n---\nspec:\n  owner: team-a\n' },
    { name: 'a start marker without a final line break', source: '---', expected: '---\nspec:\n  owner: team-a' },
    { name: 'an explicit null after the start marker', source: '--- null\n', expected: '---\nspec:\n  owner: team-a\n' },
    { name: 'CRLF line breaks', source: '# c\r\n---\r\n', expected: '# c\r\n---\r\nspec:\r\n  owner: team-a\r\n' },
  ];
  test.each(table)('$name', ({ source, expected }) => {
    const r = applyUpdates(source, updates);
    expect(r.errors).toEqual([]);
    expect(r.text).toBe(expected);
    expect(applyUpdates(r.text, updates).text).toBe(r.text);
  });

  test('a merge patch creates the mappings too', () => {
    expect(applyMergePatch('# c\n', { a: { b: 1 } }).text).toBe('# c\na:\n  b: 1\n');
  });
});

describe('empty sources in merge3 and applyChanges', () => {
  const table: { name: string; base: string; ours: string; theirs: string; changes: string[]; expected: string }[] = [
    { name: 'nothing on every side but theirs', base: '', ours: '', theirs: 'a: 1\n', changes: [' replace clean'], expected: 'a: 1\n' },
    { name: 'comments only', base: '# c\n', ours: '# c\n', theirs: '# c\na: 1\n', changes: [' replace clean'], expected: '# c\na: 1\n' },
    { name: 'start marker', base: '---\n', ours: '---\n', theirs: '---\na: 1\n', changes: [' replace clean'], expected: '---\na: 1\n' },
    { name: 'end marker', base: '...\n', ours: '...\n', theirs: 'a: 1\n...\n', changes: [' replace clean'], expected: 'a: 1\n...\n' },
    { name: 'ours emptied its file: theirs addition is a conflict, taken on selection', base: 'a: 1\n', ours: '# gone\n', theirs: 'a: 1\nb: 2\n', changes: ['b add conflict'], expected: '# gone\nb: 2\n' },
    { name: 'theirs emptied the file', base: 'a: 1\n', ours: 'a: 1\n', theirs: '# gone\n', changes: [' replace clean'], expected: 'null\n' },
  ];
  test.each(table)('$name', ({ base, ours, theirs, changes, expected }) => {
    const cs = merge3({ base, ours, theirs });
    expect(cs.errors).toEqual([]);
    expect(cs.changes.map((c) => `${c.id} ${c.kind} ${c.status}`)).toEqual(changes);
    const r = applyChanges(ours, cs);
    expect(r.errors).toEqual([]);
    expect(r.skipped).toEqual([]);
    expect(r.text).toBe(expected);
  });

  test('a two-way diff from nothing applies to a comment-only file', () => {
    expect(applyChanges('# header\n', diff('', 'a: 1\n')).text).toBe('# header\na: 1\n');
  });
});
