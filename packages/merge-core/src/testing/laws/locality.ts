import fc from 'fast-check';
import type { Change } from '../../model/change.js';
import { describeScenario, mergeScenario, type MergeScenario } from '../arbitraries/mergeScenario.js';
import { resolveEngine } from '../engine.js';
import { affectedLines } from '../inspect/affectedLines.js';
import { holdsAlias } from '../inspect/holdsAlias.js';
import { linesKept } from '../inspect/linesKept.js';
import { ensure } from '../lawViolation.js';
import type { ScenarioLawOptions } from './lawOptions.js';
import { someOf } from './someOf.js';

export interface LocalityOptions extends ScenarioLawOptions {
  /** Called once per case with how many lines of ours the law checked (for coverage figures). */
  observe?: (observation: { checkedLines: number }) => void;
}

/**
 * Law locality: applying a selection of clean changes keeps every line of ours outside the nodes
 * those changes touch, in order. The lines a change may rewrite are its node, its key line, the
 * comments that travel with a removed entry, a flow collection around it, and the key line of a
 * collection it empties (`key: {}`); lines that hold an alias are exempt (editing the anchored node
 * writes its old value out there). The selection is a pseudo-random half of the clean changes,
 * fixed by `scenario.pickSeed`. Default scenarios: `mergeScenario({ theirsEdits: 4, oursEdits: 3 })`.
 * Broken by an engine that reformats, reorders or drops any line it was not asked to touch.
 */
export function locality(options: LocalityOptions = {}): fc.IPropertyWithHooks<[MergeScenario]> {
  const engine = resolveEngine(options.engine);
  return fc.property(options.scenarios ?? mergeScenario({ theirsEdits: 4, oursEdits: 3 }), (s) => {
    const cs = engine.merge3({ base: s.base, ours: s.ours, theirs: s.theirs });
    const selected = someOf(cs.changes.filter((c) => c.status === 'clean'), s.pickSeed);
    const out = engine.applyChanges(s.ours, cs, selected.map((c) => c.id));
    const why = (): string => describeScenario(s, { selected: selected.map((c) => c.id), output: out.text });
    ensure(out.errors.length === 0, 'locality', 'applyChanges reported errors', () => describeScenario(s, { errors: out.errors }));
    const affected = new Set<number>();
    // a change path names base's document: in ours, that document is the one the change set's
    // `documents` table names (ours may have renamed the entity, or removed its name)
    const oursId = new Map((cs.documents ?? []).map((d) => [d.id, d.ours]));
    const inOurs = (c: Change): Change => {
      const first = c.path[0];
      const id = first?.kind === 'document' ? oursId.get(first.id) : undefined;
      return typeof id === 'string' ? { ...c, path: [{ kind: 'document', id }, ...c.path.slice(1)] } : c;
    };
    for (const c of selected) {
      const lines = affectedLines(s.ours, inOurs(c));
      ensure(lines !== null, 'locality', `the path of ${c.id} is not in ours`, why);
      for (const l of lines) affected.add(l);
    }
    const kept = linesKept(s.ours, out.text, (line, i) => affected.has(i) || holdsAlias(line));
    options.observe?.({ checkedLines: kept.checked });
    ensure(kept.missing === null, 'locality', `a line outside the selected changes was lost or moved: ${JSON.stringify(kept.missing)}`, why);
  });
}
