import fc from 'fast-check';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { applyChanges, merge3 } from '@revprov/merge-core';
import { lawParameters } from '../support/lawParameters.js';

/**
 * Law of ordered lists (matched by position): whatever ours did to the list (inserted, removed,
 * swapped, edited in place, appended), theirs' edit of one element lands on that same element in
 * ours, or the list is a conflict and nothing is written; no other element changes. Examples:
 * test/examples/orderedLists.test.ts.
 */
type Step = { run: string; args: string };
const render = (steps: Step[]): string => (steps.length === 0 ? 'steps: []\n' : `steps:\n${steps.map((st) => `  - run: ${st.run}\n    args: ${st.args}\n`).join('')}`);

/** Base's steps (distinct, no identity field: an ordered list), one edit of ours, theirs' edit of step `i`. */
const scenario = fc
  .record({
    n: fc.integer({ min: 1, max: 6 }),
    args: fc.array(fc.constantFrom('fast', 'slow', 'safe'), { minLength: 6, maxLength: 6 }),
    ours: fc.constantFrom('insert', 'remove', 'swap', 'edit', 'append'),
    k: fc.nat(),
    m: fc.nat(),
    i: fc.nat(),
  })
  .map(({ n, args, ours: edit, k, m, i }) => {
    const base: Step[] = Array.from({ length: n }, (_, j) => ({ run: `r${j}`, args: args[j]! }));
    const ours = base.map((st) => ({ ...st }));
    const at = k % n;
    if (edit === 'insert') ours.splice(at, 0, { run: 'new', args: 'fast' });
    if (edit === 'remove') ours.splice(at, 1);
    if (edit === 'swap') [ours[at], ours[m % n]] = [ours[m % n]!, ours[at]!];
    if (edit === 'edit') ours[at] = { ...ours[at]!, args: 'edited' };
    if (edit === 'append') ours.push({ run: 'new', args: 'fast' });
    const theirs = base.map((st) => ({ ...st }));
    theirs[i % n] = { ...theirs[i % n]!, args: 'theirs' };
    return { base, ours, theirs, i: i % n };
  });

test('property: theirs\' edit of a step lands on that step in ours, or the list is a conflict; no other step changes', () => {
  let landed = 0;
  let conflicts = 0;
  fc.assert(
    fc.property(scenario, ({ base, ours, theirs, i }) => {
      const cs = merge3({ base: render(base), ours: render(ours), theirs: render(theirs) });
      const r = applyChanges(render(ours), cs, cs.changes.filter((c) => c.status === 'clean').map((c) => c.id));
      expect(r.errors).toEqual([]);
      const result = (parse(r.text) as { steps: Step[] }).steps;
      const same = JSON.stringify(result) === JSON.stringify(ours);
      const target = ours.findIndex((st) => st.run === base[i]!.run && st.args === base[i]!.args);
      const expected = ours.map((st, j) => (j === target ? { ...st, args: 'theirs' } : st));
      if (same) conflicts++;
      else landed++;
      // either nothing was written (the list conflicts), or exactly theirs' edit on base's step i
      expect(same || (target !== -1 && JSON.stringify(result) === JSON.stringify(expected))).toBe(true);
    }),
    lawParameters(500),
  );
  expect(landed).toBeGreaterThan(0);
  expect(conflicts).toBeGreaterThan(0);
});

/** Base's steps, theirs inserting, removing or swapping steps, ours editing one step in place (or nothing). */
const theirsMoves = fc
  .record({
    n: fc.integer({ min: 1, max: 6 }),
    theirs: fc.constantFrom('insert', 'remove', 'swap', 'append'),
    oursEdits: fc.boolean(),
    k: fc.nat(),
    m: fc.nat(),
    e: fc.nat(),
  })
  .map(({ n, theirs: edit, oursEdits, k, m, e }) => {
    const base: Step[] = Array.from({ length: n }, (_, j) => ({ run: `r${j}`, args: 'fast' }));
    const theirs = base.map((st) => ({ ...st }));
    const at = k % n;
    if (edit === 'insert') theirs.splice(at, 0, { run: 'new', args: 'fast' });
    if (edit === 'remove') theirs.splice(at, 1);
    if (edit === 'swap') [theirs[at], theirs[m % n]] = [theirs[m % n]!, theirs[at]!];
    if (edit === 'append') theirs.push({ run: 'new', args: 'fast' });
    const ours = base.map((st, j) => (oursEdits && j === e % n ? { ...st, args: 'edited' } : { ...st }));
    return { base, ours, theirs, edited: oursEdits ? base[e % n]!.run : null };
  });

test('property: when theirs inserts, removes or reorders steps, ours\' edit of a step stays on that step (or the list conflicts)', () => {
  fc.assert(
    fc.property(theirsMoves, ({ base, ours, theirs, edited }) => {
      const cs = merge3({ base: render(base), ours: render(ours), theirs: render(theirs) });
      const r = applyChanges(render(ours), cs, cs.changes.filter((c) => c.status === 'clean').map((c) => c.id));
      expect(r.errors).toEqual([]);
      const result = (parse(r.text) as { steps: Step[] }).steps;
      // the careful merge: theirs' order and steps, with ours' edit on the step it was made on
      const merged = theirs.map((st) => (st.run === edited ? { ...st, args: 'edited' } : st));
      const outcome = JSON.stringify(result);
      // without an edit of ours the merge is theirs exactly; with one, either the careful merge or
      // nothing written (a conflict on the list)
      if (edited === null) expect(outcome).toBe(JSON.stringify(theirs));
      else expect([JSON.stringify(merged), JSON.stringify(ours)]).toContain(outcome);
    }),
    lawParameters(500),
  );
});
