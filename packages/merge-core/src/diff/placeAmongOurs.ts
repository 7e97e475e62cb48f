import { elementKey } from '../locate/elementKey.js';
import { findIn } from '../locate/findIn.js';
import { isJsonObject, type JsonValue } from '../model/json.js';
import { formatPath, type Path, type PathSegment } from '../model/path.js';
import type { Change } from '../model/change.js';

/**
 * Gives each entry that applying would write new into ours an `after`: the nearest sibling before
 * it in theirs that is new too or that ours still has (`null`: none, it comes first). Such entries
 * are theirs' adds, and the entries theirs changed that ours removed (`replace` conflicts with no
 * `ours` value, whose container ours still has): taking theirs re-creates them. The diff names an
 * add's sibling right before it in theirs; one that ours no longer has would leave the new entry
 * without a place, and accepting new entries one at a time would then not give the order of
 * accepting them together. Siblings are looked up by hash, and only for entries whose predecessor
 * ours lacks.
 */
export function placeAmongOurs(changes: Change[], theirsAt: (path: Path) => JsonValue | undefined, oursAt: (path: Path) => JsonValue | undefined): void {
  let added: Set<string> | null = null;
  const isNew = (c: Change): boolean => c.kind === 'add' || (c.kind === 'replace' && c.status === 'conflict' && c.ours === undefined);
  for (const change of changes) {
    if (!isNew(change)) continue;
    const last = change.path[change.path.length - 1];
    const after = change.kind === 'add' ? change.after : last;
    if (!after || after.kind === 'index' || after.kind === 'document') continue;
    const parent = change.path.slice(0, -1);
    const container = oursAt(parent);
    if (after.kind === 'key' ? !isJsonObject(container) : !Array.isArray(container)) continue;
    added ??= new Set(changes.filter(isNew).map((c) => c.id));
    const present = (seg: PathSegment): boolean => added!.has(formatPath([...parent, seg])) || oursAt([...parent, seg]) !== undefined;
    if (change.kind === 'add' && present(after)) continue;
    const before = siblingsBefore(theirsAt(parent), after);
    if (before !== null) change.after = before.find(present) ?? null;
  }
}

/** The siblings before `seg` in a collection of theirs, nearest first; `null` when `seg` is not there. */
function siblingsBefore(container: JsonValue | undefined, seg: PathSegment): PathSegment[] | null {
  if (seg.kind === 'key') {
    if (!isJsonObject(container)) return null;
    const keys = Object.keys(container);
    const at = keys.indexOf(seg.key);
    return at === -1 ? null : keys.slice(0, at).reverse().map((key) => ({ kind: 'key', key }));
  }
  if (!Array.isArray(container) || (seg.kind !== 'keyed' && seg.kind !== 'value')) return null;
  const at = findIn(container, seg);
  if (at === -1) return null;
  const out: PathSegment[] = [];
  for (let i = at - 1; i >= 0; i--) {
    const id = elementKey(container[i]!, seg.kind === 'keyed' ? seg.key : null);
    if (id !== null) out.push(seg.kind === 'keyed' ? { kind: 'keyed', key: seg.key, value: id } : { kind: 'value', value: id });
  }
  return out;
}
