import * as core from '@revprov/merge-core';
import type { ApplyResult, ChangeSet, JsonValue, MergeError, MergeOptions, Selection } from '@revprov/merge-core';

/** The merge-core entry points the benchmark drives (merge-engine.md §4). */
export interface Engine {
  applyUpdates(source: string, updates: unknown, options?: MergeOptions): { text: string; errors: MergeError[] };
  diff(before: string, after: string): ChangeSet;
  diffJson(before: JsonValue, after: JsonValue): ChangeSet;
  merge3(input: { base: string; ours: string; theirs: string }, options?: MergeOptions): ChangeSet;
  applyChanges(ours: string, changeSet: ChangeSet, selection?: Selection, options?: MergeOptions): ApplyResult;
}

const NAMES = ['applyUpdates', 'diff', 'diffJson', 'merge3', 'applyChanges'] as const;

/**
 * The engine when merge-core exports all four functions, else the names still missing (the
 * benchmark then reports the engine rows as not measured instead of failing).
 */
export function loadEngine(): { engine: Engine; missing: [] } | { engine: undefined; missing: string[] } {
  const exports = core as unknown as Record<string, unknown>;
  const missing = NAMES.filter((n) => typeof exports[n] !== 'function');
  return missing.length === 0 ? { engine: exports as unknown as Engine, missing: [] } : { engine: undefined, missing };
}

/** Output of the whole reverse-provisioning merge. */
export interface ReverseMergeResult {
  theirs: string;
  changeSet: ChangeSet;
  result: ApplyResult;
  errors: MergeError[];
}

/**
 * The whole reverse-provisioning merge the server runs (reverse-provisioning.md §6): theirs =
 * base + updates, the three-way change set, then every change applied to ours. `options`
 * lets the benchmark also time it with `verify: false` (the engine's self-check off).
 */
export function reverseMerge(engine: Engine, base: string, ours: string, updates: unknown, options?: MergeOptions): ReverseMergeResult {
  const theirs = engine.applyUpdates(base, updates, options);
  const changeSet = engine.merge3({ base, ours, theirs: theirs.text }, options);
  const result = engine.applyChanges(ours, changeSet, undefined, options);
  return { theirs: theirs.text, changeSet, result, errors: [...theirs.errors, ...changeSet.errors, ...result.errors] };
}

/** Every tenth change id (in change-set order): the "10% selected" apply. */
export function tenPercent(changeSet: ChangeSet): string[] {
  return changeSet.changes.filter((_, i) => i % 10 === 0).map((c) => c.id);
}
