import type { Change } from '../model/change.js';
import { formatPath, type Path, type PathSegment } from '../model/path.js';

/**
 * Where each new entry goes when changes are applied: after the nearest sibling before it in
 * theirs that the target text already has or that the same application adds. A change set names
 * each added entry's predecessor (`after`: a sibling ours has, or another new entry); when that
 * new entry is neither there nor being added, its own `after` is followed, and so on. So accepting
 * new entries one at a time (accept z1, merge again, accept z2) gives the same text as accepting
 * them together. An entry ours removed that a change re-creates carries an `after` too, and is
 * placed the same way. `has` tells whether the target text has a path; `adding` holds the ids of
 * the changes with an `after` being applied. Each chain is walked once (results are shared along it).
 */
export function placeAfter(
  changes: readonly Change[],
  adding: ReadonlySet<string>,
  has: (path: Path) => boolean,
): (change: Change) => PathSegment | null | undefined {
  const adds = new Map<string, Change>();
  for (const c of changes) if (c.after !== undefined) adds.set(c.id, c);
  const resolved = new Map<string, PathSegment | null>();
  return (change) => {
    const first = change.after;
    if (first === undefined || first === null || first.kind === 'index' || first.kind === 'document') return first;
    const parent = change.path.slice(0, -1);
    const walked = new Set<string>();
    let after: PathSegment | null = first;
    let result: PathSegment | null | undefined;
    while (result === undefined) {
      if (after === null) {
        result = null;
        break;
      }
      const path = [...parent, after];
      const id = formatPath(path);
      const known = resolved.get(id);
      if (known !== undefined) result = known;
      else if (adding.has(id) || has(path) || walked.has(id)) result = after;
      else {
        const previous = adds.get(id);
        walked.add(id);
        if (previous === undefined || previous.after === undefined) result = after;
        else after = previous.after;
      }
    }
    for (const id of walked) resolved.set(id, result);
    return result;
  };
}
