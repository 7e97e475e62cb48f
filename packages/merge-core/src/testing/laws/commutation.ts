import fc from 'fast-check';
import { describeScenario, mergeScenario, type MergeScenario } from '../arbitraries/mergeScenario.js';
import { resolveEngine } from '../engine.js';
import { firstMissing } from '../inspect/linesKept.js';
import { sameJson } from '../inspect/sameJson.js';
import { ensure } from '../lawViolation.js';
import type { ScenarioLawOptions } from './lawOptions.js';
import { parsedOutput } from './parsedOutput.js';
import { parseDocuments } from '../inspect/parseDocuments.js';
import { reCreates } from './reCreates.js';
import { someOf } from './someOf.js';

export interface CommutationOptions extends ScenarioLawOptions {
  /** Called once per judged case: `divergent` when the two ways gave different bytes (allowed, see the law). */
  observe?: (observation: { divergent: boolean }) => void;
}

/**
 * Law commutation: for independent changes, applying a selection A, merging again against the
 * result and applying the rest B gives the same document as applying A ∪ B at once (also when A
 * renames an entity of a multi-document file: change ids keep base's identity; also when A
 * re-creates an entry ours removed and B adds theirs' other changes to it). A is a pseudo-random
 * half of the clean changes and the conflicts that only re-create what ours removed (fixed by
 * `scenario.pickSeed`). The values are always
 * equal; the bytes are equal too unless A removed the evidence of the local style (the only nested
 * mapping that showed the indent width), and then every line of ours the direct apply kept is kept
 * by the sequential one, in order. (The quote style of new text cannot diverge: the engine leaves
 * the text at the change set's paths out of its quote evidence.) Default scenarios:
 * `mergeScenario({ theirsEdits: 4, oursEdits: 2 })`.
 * Broken by an engine whose result depends on how a selection is split: one that applies a change
 * to the wrong element, drops one, or reorders.
 */
export function commutation(options: CommutationOptions = {}): fc.IPropertyWithHooks<[MergeScenario]> {
  const engine = resolveEngine(options.engine);
  return fc.property(options.scenarios ?? mergeScenario({ theirsEdits: 4, oursEdits: 2 }), (s) => {
    const input = { base: s.base, ours: s.ours, theirs: s.theirs };
    const cs = engine.merge3(input);
    const oursValues = parseDocuments(s.ours);
    const clean = cs.changes.filter((c) => c.status === 'clean' || reCreates(c, oursValues)).map((c) => c.id);
    const a = someOf(clean, s.pickSeed);
    const b = clean.filter((id) => !a.includes(id));
    const direct = engine.applyChanges(s.ours, cs, [...a, ...b]);
    const first = engine.applyChanges(s.ours, cs, a);
    const second = engine.applyChanges(first.text, engine.merge3({ ...input, ours: first.text }), b);
    const why = (): string => describeScenario(s, { a, b, direct: direct.text, sequential: second.text });
    ensure(direct.errors.length === 0, 'commutation', 'applying A ∪ B reported errors', () => describeScenario(s, { a, b, errors: direct.errors }));
    ensure(first.errors.length === 0 && second.errors.length === 0, 'commutation', 'applying A, then B reported errors', () =>
      describeScenario(s, { a, b, errors: [...first.errors, ...second.errors] }),
    );
    const divergent = second.text !== direct.text;
    options.observe?.({ divergent });
    if (!divergent) return;
    const directValues = parsedOutput('commutation', direct.text, why);
    const sequentialValues = parsedOutput('commutation', second.text, why);
    ensure(sameJson(sequentialValues, directValues), 'commutation', 'A then B differs in value from A ∪ B', why);
    const ours = new Set(s.ours.split('\n'));
    const keptDirect = direct.text.split('\n').filter((l) => ours.has(l));
    const missing = firstMissing(keptDirect, second.text.split('\n'));
    ensure(missing === null, 'commutation', `A then B lost a line of ours that A ∪ B kept: ${JSON.stringify(missing)}`, why);
  });
}
