import fc from 'fast-check';
import { describeScenario, mergeScenario, type MergeScenario } from '../arbitraries/mergeScenario.js';
import { resolveEngine } from '../engine.js';
import { sameJson } from '../inspect/sameJson.js';
import { ensure } from '../lawViolation.js';
import type { ScenarioLawOptions } from './lawOptions.js';
import { parsedOutput } from './parsedOutput.js';

/**
 * Law convergence: when ours is base, every change is clean, and applying them all gives a text
 * equal in value to theirs (`scenario.values.theirs`): nothing dropped, nothing added, nothing
 * skipped. The law merges with `ours = base` whatever the scenario's ours holds. Default scenarios:
 * `mergeScenario({ theirsEdits: 4, oursEdits: 0 })`.
 * Broken by an engine that drops, skips or mis-writes a change.
 */
export function convergence(options: ScenarioLawOptions = {}): fc.IPropertyWithHooks<[MergeScenario]> {
  const engine = resolveEngine(options.engine);
  return fc.property(options.scenarios ?? mergeScenario({ theirsEdits: 4, oursEdits: 0 }), (s) => {
    const cs = engine.merge3({ base: s.base, ours: s.base, theirs: s.theirs });
    ensure(cs.errors.length === 0, 'convergence', 'merge3 reported errors', () => describeScenario(s, { errors: cs.errors }));
    const unclean = cs.changes.filter((c) => c.status !== 'clean');
    ensure(unclean.length === 0, 'convergence', 'a change is not clean although ours is base', () => describeScenario(s, { unclean }));
    const out = engine.applyChanges(s.base, cs);
    ensure(out.errors.length === 0, 'convergence', 'applyChanges reported errors', () => describeScenario(s, { errors: out.errors }));
    ensure(out.skipped.length === 0, 'convergence', 'applyChanges skipped changes', () => describeScenario(s, { skipped: out.skipped }));
    const values = parsedOutput('convergence', out.text, () => describeScenario(s, { output: out.text }));
    ensure(sameJson(values, s.values.theirs), 'convergence', 'the output differs in value from theirs', () => describeScenario(s, { output: out.text }));
  });
}
