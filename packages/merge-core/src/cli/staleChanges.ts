import { valueAt } from '../diff/valueAt.js';
import { elementKey } from '../locate/elementKey.js';
import type { Change } from '../model/change.js';
import { isJsonObject, jsonEqual, type JsonValue } from '../model/json.js';
import { formatPath, type Path } from '../model/path.js';

/** A selected change whose path no longer holds the value the change set was made from. */
export interface StaleChange {
  id: string;
  expected: JsonValue | undefined;
  found: JsonValue | undefined;
  /** What the file has at the path, in words: the value, or where and why the path ends early. */
  has: string;
}

/**
 * The changes that do not fit the file (`git apply` refuses a patch whose context changed): at
 * each change's path the file must still hold the value the change set saw there (`ours` for a
 * three-way change set, else `base`), or already theirs (then applying is a no-op). For a
 * reordering, the elements present on both sides must still be in the expected (or theirs') order.
 */
export function staleChanges(values: readonly JsonValue[], changes: readonly Change[]): StaleChange[] {
  const out: StaleChange[] = [];
  for (const c of changes) {
    const found = valueAt(values, c.path);
    const expected = 'ours' in c ? c.ours : c.status === 'clean' ? c.base : undefined;
    const fits = c.kind === 'move' ? orderFits(found, c, expected) : jsonEqual(found, expected) || jsonEqual(found, c.kind === 'remove' ? undefined : c.theirs);
    if (!fits) out.push({ id: c.id, expected, found, has: hasAt(values, c.path, found) });
  }
  return out;
}

/**
 * The value found, in JSON; where there is none, what stops the path: a scalar, or a collection of
 * the other kind, at the deepest ancestor the file has (`the scalar "x" at b`), else `no value`.
 */
function hasAt(values: readonly JsonValue[], path: Path, found: JsonValue | undefined): string {
  if (found !== undefined) return JSON.stringify(found);
  let k = path.length - 1;
  let parent = valueAt(values, path.slice(0, k));
  while (parent === undefined && k > 0) parent = valueAt(values, path.slice(0, --k));
  const seg = path[k];
  if (parent === undefined || seg === undefined) return 'no value there';
  if (seg.kind === 'document') return `no document ${formatPath([seg])}`;
  const holds = seg.kind === 'key' ? isJsonObject(parent) : Array.isArray(parent);
  if (holds) return k === path.length - 1 ? 'no value there' : `no value at ${formatPath(path.slice(0, k + 1))}`;
  const what = Array.isArray(parent) ? 'a list' : isJsonObject(parent) ? 'a mapping' : `the scalar ${JSON.stringify(parent)}`;
  return `${what} ${k === 0 ? 'as the whole document' : `at ${formatPath(path.slice(0, k))}`}`;
}

function orderFits(found: JsonValue | undefined, c: Change, expected: JsonValue | undefined): boolean {
  if (!Array.isArray(found)) return false;
  const ids = found.map((e) => elementKey(e, c.field ?? null));
  return [expected, c.theirs].some((order) => Array.isArray(order) && sameRelativeOrder(ids, order.map(String)));
}

/** Do the ids `a` and `b` share list the common ones in the same order? */
function sameRelativeOrder(a: readonly (string | null)[], b: readonly string[]): boolean {
  const inB = new Set(b);
  const inA = new Set(a);
  const left = a.filter((id): id is string => id !== null && inB.has(id));
  const right = b.filter((id) => inA.has(id));
  return left.length === right.length && left.every((id, i) => id === right[i]);
}
