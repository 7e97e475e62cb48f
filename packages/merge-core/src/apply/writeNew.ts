import { MergeError } from '../model/errors.js';
import { cloneJson, hasOwn, isJsonObject, setOwn, type JsonObject, type JsonValue } from '../model/json.js';
import { formatPath, type Path, type PathSegment } from '../model/path.js';
import { elementKey } from '../locate/elementKey.js';
import { identityValue } from './identityValue.js';

/**
 * Writes `value` at `path` inside `holder`, a collection being created (mutated): the mappings
 * and keyed elements on the way that `holder` does not hold yet are created, the ones an earlier
 * write created are reused. So every edit below one missing entry (the fields of a list element
 * ours removed) fills one new entry instead of each creating its own copy. A keyed element gets
 * its identity field first, typed as `identityValue` reads it among `siblings` (the elements the
 * text's list already has) and the new ones. Returns the reason when the write cannot join the
 * others: it reaches a place an earlier write already set (two edits of one place), or runs
 * through a value that is not a collection.
 */
export function writeNew(holder: JsonObject | JsonValue[], path: Path, value: JsonValue, siblings: readonly JsonValue[] = []): MergeError | null {
  let cur: JsonObject | JsonValue[] = holder;
  let known = siblings;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    const overlap = (): MergeError => new MergeError('UNAPPLIABLE', `conflicting edits create the same value at ${formatPath(path.slice(0, i + 1))}`);
    let next: JsonValue | undefined;
    if (seg.kind === 'key') {
      if (!isJsonObject(cur)) return overlap();
      if (!hasOwn(cur, seg.key)) {
        const created = last ? cloneJson(value) : emptyFor(path[i + 1]!);
        if (created instanceof MergeError) return created;
        setOwn(cur, seg.key, created);
        if (last) return null;
        next = created;
      } else if (last) return overlap();
      else next = cur[seg.key];
    } else if (seg.kind === 'keyed' || seg.kind === 'value') {
      if (!Array.isArray(cur)) return overlap();
      const field = seg.kind === 'keyed' ? seg.key : null;
      const at = cur.findIndex((e) => elementKey(e, field) === seg.value);
      if (at !== -1) {
        if (last) return overlap();
        next = cur[at];
      } else if (seg.kind === 'value') {
        if (!last) return new MergeError('UNAPPLIABLE', `${formatPath(path.slice(0, i + 1))}: a set element holds no entries`);
        cur.push(cloneJson(value));
        return null;
      } else {
        const element = keyedElement(seg, last ? value : {}, [...known, ...cur]);
        if (element instanceof MergeError) return element;
        cur.push(element);
        if (last) return null;
        next = element;
      }
    } else return new MergeError('UNAPPLIABLE', seg.kind === 'index' ? `index ${seg.index} does not exist` : `no document ${seg.id}`);
    if (!isJsonObject(next) && !Array.isArray(next)) return overlap();
    cur = next;
    known = [];
  }
  return new MergeError('UNAPPLIABLE', 'nothing to create');
}

/** The empty collection a segment goes into. */
function emptyFor(seg: PathSegment): JsonObject | JsonValue[] | MergeError {
  if (seg.kind === 'key') return {};
  if (seg.kind === 'keyed' || seg.kind === 'value') return [];
  return new MergeError('UNAPPLIABLE', seg.kind === 'index' ? `index ${seg.index} does not exist` : `no document ${seg.id}`);
}

/** A new keyed element: its identity field first, then the members of `value` (`null`: none). */
function keyedElement(seg: Extract<PathSegment, { kind: 'keyed' }>, value: JsonValue, siblings: readonly JsonValue[]): JsonObject | MergeError {
  if (value !== null && !isJsonObject(value)) return new MergeError('UNAPPLIABLE', 'a keyed element must be a mapping');
  if (value !== null && hasOwn(value, seg.key)) return cloneJson(value) as JsonObject;
  const element: JsonObject = {};
  setOwn(element, seg.key, identityValue(seg.value, seg.key, siblings));
  if (value !== null) for (const k of Object.keys(value)) setOwn(element, k, cloneJson(value[k]!));
  return element;
}
