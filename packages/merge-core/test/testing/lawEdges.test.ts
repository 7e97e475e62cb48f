import fc from 'fast-check';
import { expect, it } from 'vitest';
import { merge3, type ChangeSet } from '@revprov/merge-core';
import { laws, parseDocuments, PLAIN_STYLE, type MergeScenario } from '@revprov/merge-core/testing';

/** A scenario written by hand: every selection `pickSeed` 0..31 draws. */
function scenarios(base: string, theirs: string): fc.Arbitrary<MergeScenario> {
  const values = { base: parseDocuments(base), ours: parseDocuments(base), theirs: parseDocuments(theirs) };
  return fc.integer({ min: 0, max: 31 }).map((pickSeed) => ({ base, ours: base, theirs, values, edits: { ours: [], theirs: [] }, style: PLAIN_STYLE, pickSeed }));
}

const base = 'kind: Component\nmetadata:\n  name: a\n---\nkind: Component\nmetadata:\n  name: orders\nspec:\n  owner: team-a\n';
const renamed = 'kind: Component\nmetadata:\n  name: a\n---\nkind: Component\nmetadata:\n  name: orders2\nspec:\n  owner: team-b\n';

it('validity finds a renamed document in the output (as the re-merge names it, else by its position in ours)', () => {
  // the ids address the second document by the identity the rename replaces
  expect(merge3({ base, ours: base, theirs: renamed }).changes.map((c) => c.id)).toEqual([
    '$[component:default/orders].metadata.name',
    '$[component:default/orders].spec.owner',
  ]);
  fc.assert(laws.validity({ subject: 'applyChanges', scenarios: scenarios(base, renamed) }), { numRuns: 64 });
  // a pipeline whose change sets do not say how documents matched
  const withoutDocuments = (input: { base: string; ours: string; theirs: string }): ChangeSet => {
    const { changes, summary, errors } = merge3(input);
    return { changes, summary, errors };
  };
  fc.assert(laws.validity({ subject: 'applyChanges', scenarios: scenarios(base, renamed), engine: { merge3: withoutDocuments } }), { numRuns: 64 });
});

it('locality exempts a line where an anchor moved to an alias, also after a quoted scalar holding " #" (campaign seed 1231924496)', () => {
  const anchored = 'a: &x 1\nb: {c: "a #b", d: *x}\nlast: z\n';
  const edited = 'a: 2\nb: {c: "a #b", d: 1}\nlast: z\n';
  const out = merge3({ base: anchored, ours: anchored, theirs: edited });
  expect(out.changes.map((c) => c.id)).toEqual(['a']);
  fc.assert(laws.locality({ scenarios: scenarios(anchored, edited) }), { numRuns: 32 });
});
