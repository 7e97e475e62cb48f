import fc from 'fast-check';
import { isJsonObject, type JsonValue } from '../../model/json.js';
import { formatPath, type Path } from '../../model/path.js';
import { describeScenario, mergeScenario, type MergeScenario } from '../arbitraries/mergeScenario.js';
import { updateCase, type UpdateCase } from '../arbitraries/updateCase.js';
import { resolveEngine, type Engine } from '../engine.js';
import { formatDetails } from '../formatDetails.js';
import { sameJson } from '../inspect/sameJson.js';
import { parseDocuments } from '../inspect/parseDocuments.js';
import { documentIndex, scalarText, valueAt } from '../inspect/valueAt.js';
import { ensure } from '../lawViolation.js';
import type { ScenarioLawOptions, UpdateLawOptions } from './lawOptions.js';
import { parsedOutput } from './parsedOutput.js';
import { reCreates } from './reCreates.js';
import { someOf } from './someOf.js';

/** Errors an update may legitimately end in: its path runs through a scalar or a sequence. */
const UPDATE_PATH_ERRORS = ['PATH_THROUGH_SCALAR', 'PATH_THROUGH_SEQUENCE'];

export interface ValidityOptions extends ScenarioLawOptions, UpdateLawOptions {
  /**
   * What the law judges: the outputs of `applyChanges` (on `scenarios`), of `applyUpdates` (on
   * `updateCases`), or both (one case of each per run). Default `'both'`.
   */
  subject?: 'applyChanges' | 'applyUpdates' | 'both';
}

/** One case of {@link validity}: a merge scenario, an update case, or both. */
export interface ValidityCase {
  scenario?: MergeScenario;
  update?: UpdateCase;
}

/** `actual` holds everything `expected` says: equal, or for mappings every key contained. */
function contains(actual: unknown, expected: JsonValue): boolean {
  if (isJsonObject(expected)) return isJsonObject(actual) && Object.keys(expected).every((k) => contains(actual[k], expected[k]!));
  return JSON.stringify(actual) === JSON.stringify(expected);
}

/**
 * The value at `path` (a change's path, its document as the engine's re-merge against the output
 * names it) in the output. When no document of the output has that identity (an engine that does
 * not report `documents`, and the selection removed or replaced the entity's name), the document
 * is the one at the position the change's `original` document has in ours: the engine never
 * adds, removes or reorders documents.
 */
function valueInOutput(values: readonly JsonValue[], path: Path, original: Path, ours: string): unknown {
  const head = path[0];
  const from = original[0];
  if (head?.kind === 'document' && from?.kind === 'document' && documentIndex(values, head.id) < 0) {
    const i = documentIndex(parseDocuments(ours), from.id);
    if (i >= 0) return valueAt([values[i]], path.slice(1));
  }
  return valueAt(values, path);
}

function checkChanges(engine: Engine, s: MergeScenario): void {
  const cs = engine.merge3({ base: s.base, ours: s.ours, theirs: s.theirs });
  const ours = parseDocuments(s.ours);
  const selected = someOf(cs.changes.filter((c) => c.status !== 'conflict' || reCreates(c, ours)), s.pickSeed);
  const out = engine.applyChanges(s.ours, cs, selected.map((c) => c.id));
  const why = (): string => describeScenario(s, { selected: selected.map((c) => c.id), output: out.text });
  ensure(out.errors.length === 0, 'validity', 'applyChanges reported errors', () => describeScenario(s, { errors: out.errors }));
  const values = parsedOutput('validity', out.text, why);
  // a change path names base's document; an applied rename (or a removed name) changes the id that
  // document has in the output: find it as a re-merge against the output matches it
  const documents = engine.merge3({ base: s.base, ours: out.text, theirs: s.theirs }).documents ?? [];
  const inOutput = (path: Path): Path => {
    const first = path[0];
    const id = first?.kind === 'document' ? documents.find((d) => d.id === first.id)?.ours : undefined;
    return typeof id === 'string' ? [{ kind: 'document', id }, ...path.slice(1)] : path;
  };
  for (const c of selected) {
    if (c.kind === 'move') continue;
    const expected = c.kind === 'remove' ? undefined : c.theirs;
    ensure(sameJson(valueInOutput(values, inOutput(c.path), c.path, s.ours), expected), 'validity', `the output does not hold theirs' value at ${c.id}`, why);
    if (c.kind !== 'remove') {
      const twice = repeatedElement(values, inOutput(c.path));
      ensure(twice === null, 'validity', `the output holds the element ${twice} of ${c.id} more than once`, why);
    }
  }
}

/** The first list element on `path` that the output holds more than once (as path text), or null. */
function repeatedElement(values: readonly JsonValue[], path: Path): string | null {
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    if (seg.kind !== 'keyed' && seg.kind !== 'value') continue;
    const list = valueAt(values, path.slice(0, i));
    if (!Array.isArray(list)) return null;
    const text = (e: unknown): string | null => (seg.kind === 'keyed' ? (isJsonObject(e) ? scalarText(e[seg.key]) : null) : scalarText(e));
    if (list.filter((e) => text(e) === seg.value).length > 1) return formatPath(path.slice(0, i + 1));
  }
  return null;
}

function checkUpdates(engine: Engine, { source, updates }: UpdateCase): void {
  const out = engine.applyUpdates(source, updates);
  const why = (): string => formatDetails({ source, updates, output: out.text, errors: out.errors });
  for (const e of out.errors) ensure(UPDATE_PATH_ERRORS.includes(e.code), 'validity', `applyUpdates reported ${e.code}`, why);
  const values = parsedOutput('validity', out.text, why);
  const failed = new Set(out.errors.map((e) => e.path));
  const keys = Object.keys(updates);
  for (const key of keys) {
    // a deeper key of the same updates wins over this one
    if (failed.has(key) || keys.some((k) => k !== key && k.startsWith(key + '.'))) continue;
    const path: Path = key.split('.').map((k) => ({ kind: 'key' as const, key: k }));
    ensure(contains(valueAt(values, path), updates[key]!), 'validity', `the output does not hold the update of ${key}`, why);
  }
}

/**
 * Law validity: every output re-parses (valid YAML, no duplicate keys) with the intended value at
 * every selected path. For `applyChanges`: theirs' value at each applied change's path (absent for
 * a removal), every list element on that path held once (taking theirs under an entry ours
 * removed re-creates it once, never a copy per change); a pseudo-random half of the
 * non-conflicting changes and of the conflicts that only re-create what ours removed is selected, fixed by
 * `scenario.pickSeed`; a document is found by entity identity, or by its position in ours when the
 * selection changed that identity). For `applyUpdates`: each innermost update's value in place (a mapping
 * update holds at least its keys), and no error but a path through a scalar or a sequence.
 * Default inputs: `mergeScenario({ theirsEdits: 4, oursEdits: 3 })` and `updateCase()`.
 * Broken by an engine that applies a change to the wrong element, writes a wrong value or an
 * element twice, or writes text that does not parse.
 */
export function validity(options: ValidityOptions = {}): fc.IPropertyWithHooks<[ValidityCase]> {
  const engine = resolveEngine(options.engine);
  const subject = options.subject ?? 'both';
  const scenarios = options.scenarios ?? mergeScenario({ theirsEdits: 4, oursEdits: 3 });
  const updateCases = options.updateCases ?? updateCase();
  const cases: fc.Arbitrary<ValidityCase> =
    subject === 'applyChanges'
      ? scenarios.map((scenario) => ({ scenario }))
      : subject === 'applyUpdates'
        ? updateCases.map((update) => ({ update }))
        : fc.record({ scenario: scenarios, update: updateCases });
  return fc.property(cases, ({ scenario, update }) => {
    if (scenario) checkChanges(engine, scenario);
    if (update) checkUpdates(engine, update);
  });
}
