import type { JsonValue } from '../model/json.js';
import { formatPath, type Path } from '../model/path.js';
import type { RawChange } from './diffValues.js';
import { keptPositions } from './keptPositions.js';

/** The value at a path on one side (`undefined`: that side has nothing there). */
export type ValueAt = (path: Path) => JsonValue | undefined;

/**
 * Ordered lists are diffed by position, so a change under `list[i]` is about base's i-th
 * element. Where ours inserted, removed or reordered elements of that list at or before `i`, ours'
 * i-th element is another one, and writing theirs' change there would change an element nobody
 * changed and lose theirs' edit (issue found by adversarial testing: ours inserts a step first,
 * theirs edits the second step, and the edit landed on the first). For each such list, the
 * changes under it are replaced by one `replace` of the whole list, base's to theirs': ours
 * changed the list, so it is a `conflict` (or `applied` when ours already equals theirs), and
 * taking theirs writes theirs' list exactly.
 *
 * Which positions keep their meaning: `keptPositions` (equal, edited in place, or holding what
 * ours took of theirs' positional changes). An `add` at the end of a list (its last segment is a
 * new index) needs no such check. Linear in the size of the lists involved; the outermost shifted
 * list wins. (Theirs' own insertions, removals and reorderings are one `replace` of the list from
 * the start, see `diffValues`.)
 */
export function collapseShiftedLists(raw: RawChange[], baseAt: ValueAt, oursAt: ValueAt, theirsAt: ValueAt): RawChange[] {
  const verdicts = new Map<string, number | null>();
  const keptAt = (listPath: Path): number | null => {
    const key = formatPath(listPath);
    let kept = verdicts.get(key);
    if (kept === undefined) {
      const base = baseAt(listPath);
      const ours = oursAt(listPath);
      const theirs = theirsAt(listPath);
      kept = Array.isArray(base) && Array.isArray(ours) ? keptPositions(base, ours, Array.isArray(theirs) ? theirs : undefined) : null;
      verdicts.set(key, kept);
    }
    return kept;
  };
  const shifted = new Map<string, Path>();
  for (const change of raw) {
    const last = change.kind === 'add' ? change.path.length - 1 : change.path.length;
    for (let d = 0; d < last; d++) {
      const seg = change.path[d]!;
      if (seg.kind !== 'index') continue;
      const listPath = change.path.slice(0, d);
      const kept = keptAt(listPath);
      if (kept !== null && seg.index >= kept) {
        shifted.set(formatPath(listPath), listPath);
        break;
      }
    }
  }
  if (shifted.size === 0) return raw;
  // an outer shifted list takes the changes of a shifted list inside it
  const outermost = (path: Path): Path | null => {
    for (let d = 0; d < path.length; d++) {
      const list = shifted.get(formatPath(path.slice(0, d)));
      if (list) return list;
    }
    return null;
  };
  const out: RawChange[] = [];
  const written = new Set<string>();
  for (const change of raw) {
    const list = outermost(change.path);
    if (list === null) {
      out.push(change);
      continue;
    }
    const key = formatPath(list);
    if (written.has(key)) continue;
    written.add(key);
    out.push({ path: list, kind: 'replace', base: baseAt(list)!, theirs: theirsAt(list)! });
  }
  return out;
}
