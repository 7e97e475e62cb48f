import { describe, expect, test } from 'vitest';
import { merge3 } from '@revprov/merge-core';

/**
 * Which list-rule patterns match which paths (`*` one step, `**` any number, `[*]` any element),
 * seen through the change set: an `atomic` rule that matches makes theirs' edit one replace of
 * the whole list; a rule that does not match leaves inference (keyed by `name`) in charge.
 */
function changeIds(text: string, pattern: string): string[] {
  const theirs = text.replace('v: 1', 'v: 2');
  const cs = merge3({ base: text, ours: text, theirs }, { listRules: [{ path: pattern, rule: { type: 'atomic' } }], defaultListRules: false });
  expect(cs.errors).toEqual([]);
  return cs.changes.map((c) => c.id);
}

const TEXT = 'x:\n  l:\n    - name: a\n      v: 1\n';
const NESTED = 'x:\n  - l:\n      - name: a\n        v: 1\n';

const table: { pattern: string; text: string; changes: string[] }[] = [
  { pattern: 'x.l', text: TEXT, changes: ['x.l'] },
  { pattern: '*.l', text: TEXT, changes: ['x.l'] },
  { pattern: 'x.*', text: TEXT, changes: ['x.l'] },
  { pattern: '**.l', text: TEXT, changes: ['x.l'] },
  { pattern: '**', text: TEXT, changes: ['x.l'] },
  { pattern: '**.**.l', text: TEXT, changes: ['x.l'] },
  { pattern: 'x.**.l', text: TEXT, changes: ['x.l'] },
  { pattern: 'x.l.**', text: TEXT, changes: ['x.l'] },
  { pattern: 'l', text: TEXT, changes: ['x.l[name=a].v'] },
  { pattern: '*', text: TEXT, changes: ['x.l[name=a].v'] },
  { pattern: 'x.l.*', text: TEXT, changes: ['x.l[name=a].v'] },
  { pattern: 'y.**', text: TEXT, changes: ['x.l[name=a].v'] },
  { pattern: 'x[*].l', text: NESTED, changes: ['x[0].l'] },
  { pattern: '**.l', text: NESTED, changes: ['x[0].l'] },
  { pattern: 'x.l', text: NESTED, changes: ['x[0].l[name=a].v'] },
  { pattern: 'x.*.l', text: NESTED, changes: ['x[0].l'] },
  { pattern: 'x.*.*.l', text: NESTED, changes: ['x[0].l[name=a].v'] },
];

describe('list-rule patterns', () => {
  test.each(table)('$pattern on $text', ({ pattern, text, changes }) => {
    expect(changeIds(text, pattern)).toEqual(changes);
  });

  // Matching is O(pattern × path): the backtracking matcher took exponential time on these
  // (40 `**` against a path 60 keys deep), so this test would time out, not just run slowly.
  const deep = (n: number): string => {
    let text = '';
    for (let i = 0; i < n; i++) text += `${'  '.repeat(i)}k${i}:\n`;
    return `${text}${'  '.repeat(n)}l:\n${'  '.repeat(n)}  - name: a\n${'  '.repeat(n)}    v: 1\n`;
  };
  const path = Array.from({ length: 60 }, (_, i) => `k${i}`).join('.');
  test.each([
    { pattern: `${'**.'.repeat(40)}nomatch`, changes: [`${path}.l[name=a].v`] },
    { pattern: `${'**.'.repeat(40)}k0.${'**.'.repeat(40)}x.l`, changes: [`${path}.l[name=a].v`] },
    { pattern: `${'**.'.repeat(40)}l`, changes: [`${path}.l`] },
    { pattern: `k0.${'**.'.repeat(40)}k59.**.l`, changes: [`${path}.l`] },
  ])('patterns full of ** never backtrack: $pattern', ({ pattern, changes }) => {
    expect(changeIds(deep(60), pattern)).toEqual(changes);
  });
});
