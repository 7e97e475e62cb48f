import type { ApplyResult, Change } from '../model/change.js';

/**
 * The selected changes an `applyChanges` call did not apply, each with the reason it gave (a
 * skip may name a parent path, e.g. the list an element was to be inserted into).
 */
export function refusedChanges(selected: readonly Change[], result: ApplyResult): { change: Change; reason: string }[] {
  const done = new Set(result.applied);
  return selected
    .filter((c) => !done.has(c.id))
    .map((change) => {
      const skip = result.skipped.find((s) => s.id === change.id) ?? result.skipped.find((s) => change.id.startsWith(s.id));
      return { change, reason: skip?.reason ?? 'not applied' };
    });
}
