import fc from 'fast-check';
import { describeScenario, mergeScenario, type MergeScenario } from '../arbitraries/mergeScenario.js';
import { resolveEngine } from '../engine.js';
import { ensure } from '../lawViolation.js';
import type { ScenarioLawOptions } from './lawOptions.js';

/**
 * Law no-op: whatever a change set holds, an empty selection returns ours byte for byte and
 * applies nothing: `applyChanges(ours, merge3({ base, ours, theirs }), []).text === ours`.
 * The scenarios must differ between base and theirs (the law first checks that merge3 finds a
 * change). Default scenarios: `mergeScenario({ theirsEdits: 4, oursEdits: 3 })`.
 * Broken by an engine that treats an empty selection as "everything", or normalizes its output.
 */
export function noop(options: ScenarioLawOptions = {}): fc.IPropertyWithHooks<[MergeScenario]> {
  const engine = resolveEngine(options.engine);
  return fc.property(options.scenarios ?? mergeScenario({ theirsEdits: 4, oursEdits: 3 }), (s) => {
    const cs = engine.merge3({ base: s.base, ours: s.ours, theirs: s.theirs });
    ensure(cs.errors.length === 0, 'noop', 'merge3 reported errors', () => describeScenario(s, { errors: cs.errors }));
    ensure(cs.changes.length > 0, 'noop', 'merge3 found no change although theirs differs from base', () => describeScenario(s));
    const out = engine.applyChanges(s.ours, cs, []);
    ensure(out.text === s.ours, 'noop', 'an empty selection changed ours', () => describeScenario(s, { output: out.text }));
    ensure(out.applied.length === 0, 'noop', 'an empty selection reported applied changes', () => describeScenario(s, { applied: out.applied }));
  });
}
