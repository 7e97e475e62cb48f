import type { Change, Selection } from '../model/change.js';
import { MergeError } from '../model/errors.js';
import { formatPath, isPathPrefix, parsePath, type Path } from '../model/path.js';

export interface SelectionResult {
  /** Selected changes, in change-set order (so the outcome never depends on selection order). */
  selected: Change[];
  /** Selection entries that matched nothing or could not be read. */
  unmatched: { id: string; reason: string }[];
}

/**
 * Resolves a selection against a change set: each entry is a change id or a path prefix (text
 * or parsed) and selects every change at or below it (a change id is its path, so selecting a
 * list's `move` also selects the changes to that list's elements). No selection selects everything.
 */
export function selectChanges(changes: readonly Change[], selection?: Selection): SelectionResult {
  if (selection === undefined) return { selected: [...changes], unmatched: [] };
  if (!Array.isArray(selection)) throw new TypeError('selection must be an array of change ids or paths');
  const chosen = new Set<Change>();
  const unmatched: { id: string; reason: string }[] = [];
  for (const entry of selection) {
    let prefix: Path;
    try {
      prefix = typeof entry === 'string' ? parsePath(entry) : entry;
    } catch (err) {
      unmatched.push({ id: String(entry), reason: err instanceof MergeError ? err.message : 'invalid path' });
      continue;
    }
    let any = false;
    for (const c of changes) {
      if (isPathPrefix(prefix, c.path)) {
        chosen.add(c);
        any = true;
      }
    }
    if (!any) unmatched.push({ id: typeof entry === 'string' ? entry : formatPath(entry), reason: 'no change at or below this path' });
  }
  return { selected: changes.filter((c) => chosen.has(c)), unmatched };
}
