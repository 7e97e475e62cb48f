import type { JsonValue } from '../model/json.js';
import { formatPath, type Path } from '../model/path.js';
import type { RawChange } from './diffValues.js';

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
 * Ours' element at position `j` is base's j-th element when it equals it, when it equals theirs'
 * j-th element (theirs' own positional change, already taken), or when it is a substitution in
 * place: an element base does not have, where base's element is nowhere in ours. A position `i`
 * keeps its meaning when this holds for every `j ≤ i`. An `add` at the end of a list (its last
 * segment is a new index) needs no such check. Linear in the size of the lists involved; the
 * outermost shifted list wins.
 */
export function collapseShiftedLists(raw: RawChange[], baseAt: ValueAt, oursAt: ValueAt, theirsAt: ValueAt): RawChange[] {
  const verdicts = new Map<string, KeptPositions | null>();
  const keptAt = (listPath: Path): KeptPositions | null => {
    const key = formatPath(listPath);
    let kept = verdicts.get(key);
    if (kept === undefined) {
      const base = baseAt(listPath);
      const ours = oursAt(listPath);
      kept = Array.isArray(base) && Array.isArray(ours) ? keptPositions(base, ours, theirsAt(listPath)) : null;
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
      if (kept !== null && seg.index >= kept.upTo) {
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

/** Positions `0 .. upTo-1` of base's list keep their meaning in ours. */
interface KeptPositions {
  upTo: number;
}

function keptPositions(base: readonly JsonValue[], ours: readonly JsonValue[], theirs: JsonValue | undefined): KeptPositions {
  const baseKeys = base.map(canonical);
  const oursKeys = ours.map(canonical);
  const theirsKeys = Array.isArray(theirs) ? theirs.map(canonical) : [];
  const inBase = new Set(baseKeys);
  const inOurs = new Set(oursKeys);
  let j = 0;
  for (; j < Math.min(base.length, ours.length); j++) {
    const o = oursKeys[j]!;
    const b = baseKeys[j]!;
    if (o === b || o === theirsKeys[j]) continue;
    if (!inBase.has(o) && !inOurs.has(b)) continue;
    break;
  }
  return { upTo: j };
}

/** A text equal for equal JSON values (object keys sorted). */
function canonical(value: JsonValue): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  return `{${Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, JsonValue>)[k]!)}`)
    .join(',')}}`;
}
