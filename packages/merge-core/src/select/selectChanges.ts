import type { Change, Selection } from '../model/change.js';
import { MergeError } from '../model/errors.js';
import { formatPath, parsePath } from '../model/path.js';

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
  // ids sorted once: a prefix's changes are one contiguous run, found by binary search
  const sorted = changes.map((c, i) => ({ id: c.id, i })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const chosen = new Set<number>();
  const unmatched: { id: string; reason: string }[] = [];
  for (const entry of selection) {
    let prefix: string;
    try {
      prefix = formatPath(typeof entry === 'string' ? parsePath(entry) : entry);
    } catch (err) {
      unmatched.push({ id: String(entry), reason: err instanceof MergeError ? err.message : 'invalid path' });
      continue;
    }
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.id < prefix) lo = mid + 1;
      else hi = mid;
    }
    let any = false;
    for (let k = lo; k < sorted.length && sorted[k]!.id.startsWith(prefix); k++) {
      const next = sorted[k]!.id[prefix.length];
      if (prefix === '' || next === undefined || next === '.' || next === '[') {
        chosen.add(sorted[k]!.i);
        any = true;
      }
    }
    if (!any) unmatched.push({ id: typeof entry === 'string' ? entry : formatPath(entry), reason: 'no change at or below this path' });
  }
  return { selected: changes.filter((_, i) => chosen.has(i)), unmatched };
}
