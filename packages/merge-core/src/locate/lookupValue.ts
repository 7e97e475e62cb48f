import { getOwn, isJsonObject, type JsonValue } from '../model/json.js';
import { formatPath, type Path } from '../model/path.js';
import { findIn } from './findIn.js';

/**
 * Where a path leads in one document's value:
 * - `found`: the whole path exists; `value` is there;
 * - `missing`: `path[depth]` is the first segment whose value is absent (a `null` value counts
 *   as absent); every container before it has the kind the path needs, so the path can be
 *   created from there;
 * - `shape`: `path[depth]` needs a mapping (a key) or a sequence (an element), and the value
 *   before it, `value`, is something else: writing the path would overwrite that value.
 */
export type Lookup =
  | { kind: 'found'; value: JsonValue }
  | { kind: 'missing'; depth: number }
  | { kind: 'shape'; depth: number; value: JsonValue };

/**
 * Follows `path` from `from` (`root` is the value at `path[0..from)`, usually a document), matching
 * keyed and value elements by identity. A `document` segment after `from` is a shape mismatch.
 */
export function lookupValue(root: JsonValue | undefined, path: Path, from = 0): Lookup {
  if (root === undefined) return { kind: 'missing', depth: from };
  let cur: JsonValue = root;
  for (let i = from; i < path.length; i++) {
    const seg = path[i]!;
    if (cur === null) return { kind: 'missing', depth: i - 1 };
    if (seg.kind === 'key') {
      if (!isJsonObject(cur)) return { kind: 'shape', depth: i, value: cur };
      const next = getOwn(cur, seg.key);
      if (next === undefined) return { kind: 'missing', depth: i };
      cur = next;
    } else {
      if (seg.kind === 'document' || !Array.isArray(cur)) return { kind: 'shape', depth: i, value: cur };
      const at = findIn(cur, seg);
      if (at === -1) return { kind: 'missing', depth: i };
      cur = cur[at]!;
    }
  }
  return { kind: 'found', value: cur };
}

/** The value a lookup found, else `undefined`. */
export function foundValue(lookup: Lookup): JsonValue | undefined {
  return lookup.kind === 'found' ? lookup.value : undefined;
}

/** What a shape mismatch is, in words and as an error code (for skipped changes and conflicts). */
export function describeShape(lookup: Extract<Lookup, { kind: 'shape' }>, path: Path): { code: 'PATH_THROUGH_SCALAR' | 'PATH_THROUGH_SEQUENCE' | 'PATH_THROUGH_MAPPING'; what: string } {
  const seg = path[lookup.depth]!;
  const found = Array.isArray(lookup.value) ? 'a sequence' : isJsonObject(lookup.value) ? 'a mapping' : 'a scalar';
  const needed = seg.kind === 'key' ? 'a mapping' : 'a sequence';
  const code = Array.isArray(lookup.value) ? 'PATH_THROUGH_SEQUENCE' : isJsonObject(lookup.value) ? 'PATH_THROUGH_MAPPING' : 'PATH_THROUGH_SCALAR';
  const where = formatPath(path.slice(0, lookup.depth)) || 'the document root';
  return { code, what: `ours has ${found} at ${where} where the change needs ${needed}` };
}
