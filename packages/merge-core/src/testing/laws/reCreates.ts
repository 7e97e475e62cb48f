import type { Change } from '../../model/change.js';
import { isJsonObject } from '../../model/json.js';
import { valueAt } from '../inspect/valueAt.js';

/**
 * Is `change` a conflict only because ours removed the entry it lies in (or the entry itself), so
 * that taking theirs re-creates that entry? True when, walking the change's path in ours (parsed
 * documents), every step that exists is the collection the next step needs and the first missing
 * step is a mapping key or a list element (not a document). Such conflicts have one right
 * outcome, theirs' value re-created once, so the laws select them with the clean changes.
 */
export function reCreates(change: Change, ours: readonly unknown[]): boolean {
  if (change.status !== 'conflict' || (change.kind !== 'add' && change.kind !== 'replace')) return false;
  const path = change.path;
  const from = path[0]?.kind === 'document' ? 1 : 0;
  if (from === 1 && valueAt(ours, path.slice(0, 1)) === undefined) return false;
  for (let i = from; i < path.length; i++) {
    const parent = valueAt(ours, path.slice(0, i));
    const seg = path[i]!;
    const fits = seg.kind === 'key' ? isJsonObject(parent) : (seg.kind === 'keyed' || seg.kind === 'value') && Array.isArray(parent);
    if (!fits) return false;
    if (valueAt(ours, path.slice(0, i + 1)) === undefined) return true;
  }
  return false;
}
