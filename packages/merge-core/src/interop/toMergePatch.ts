import type { Change, ChangeSet, Selection } from '../model/change.js';
import { MergeError } from '../model/errors.js';
import { getOwn, hasOwn, isJsonObject, setOwn } from '../model/json.js';
import type { JsonObject, JsonValue } from '../model/json.js';
import { DEFAULT_LIMITS } from '../model/options.js';
import { validateChangeSet } from '../model/validateChangeSet.js';
import { validateSelection } from '../model/validateSelection.js';
import { selectChanges } from '../select/selectChanges.js';

/** A JSON Merge Patch exported from a change set, or why it could not be. */
export interface MergePatchExport {
  /** The merge patch; `null` when `errors` is non-empty (nothing partial is ever returned). */
  patch: JsonValue | null;
  errors: MergeError[];
}

function unrepresentable(change: Change, why: string): MergeError {
  return new MergeError('NOT_REPRESENTABLE', `${change.id || '(document)'}: ${why} in a JSON Merge Patch`, { path: change.id });
}

/** Where a merge patch would read a member `null` as "delete": the first such pointer, or null. */
function nullMember(value: JsonValue, at = ''): string | null {
  if (!isJsonObject(value)) return null;
  for (const k of Object.keys(value)) {
    const v = value[k]!;
    if (v === null) return `${at}/${k}`;
    const inner = nullMember(v, `${at}/${k}`);
    if (inner !== null) return inner;
  }
  return null;
}

/** The merge patch that turns object `from` into object `to`. */
function objectPatch(from: JsonObject, to: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const k of Object.keys(from)) if (!hasOwn(to, k)) setOwn(out, k, null);
  for (const k of Object.keys(to)) {
    const a = getOwn(from, k);
    const b = to[k]!;
    if (isJsonObject(a) && isJsonObject(b)) {
      const inner = objectPatch(a, b);
      if (Object.keys(inner).length > 0) setOwn(out, k, inner);
    } else if (JSON.stringify(a) !== JSON.stringify(b)) {
      setOwn(out, k, b);
    }
  }
  return out;
}

/**
 * Exports the selected changes of a change set as an RFC 7396 JSON Merge Patch. Merge patches
 * can only address mapping keys and cannot write `null` (it means "delete"), so changes inside
 * lists (keyed, value or index elements: lists are replaced whole), reorderings (`move`), changes
 * of one document of several, and values holding `null` members fail with `NOT_REPRESENTABLE`
 * naming the change; select the representable ones, or use `toJsonPatch`. Changes already
 * reflected (`applied`) are skipped. A malformed change set or selection is an `INVALID_CHANGESET`
 * / `INVALID_ARGUMENT` error (checked with `DEFAULT_LIMITS`); nothing is thrown.
 */
export function toMergePatch(changeSet: ChangeSet, selection?: Selection): MergePatchExport {
  const invalid = validateChangeSet(changeSet, DEFAULT_LIMITS) ?? validateSelection(selection, DEFAULT_LIMITS.maxDepth);
  if (invalid !== null) return { patch: null, errors: [invalid] };
  const errors: MergeError[] = [];
  let root: JsonValue = {};
  let rootReplaced = false;
  for (const change of selectChanges(changeSet.changes, selection).selected) {
    if (change.status === 'applied') continue;
    const bad = change.path.find((s) => s.kind !== 'key');
    if (change.kind === 'move') {
      errors.push(unrepresentable(change, 'a reordering cannot be expressed'));
      continue;
    }
    if (bad) {
      errors.push(unrepresentable(change, `a ${bad.kind === 'document' ? 'document of a multi-document file' : 'list element'} cannot be addressed`));
      continue;
    }
    let value: JsonValue;
    if (change.kind === 'remove') value = null;
    else if (change.theirs === null) {
      errors.push(unrepresentable(change, 'a null value cannot be written (null means delete)'));
      continue;
    } else if (isJsonObject(change.base) && isJsonObject(change.theirs)) {
      value = objectPatch(change.base, change.theirs);
    } else {
      const where = nullMember(change.theirs as JsonValue);
      if (where !== null) {
        errors.push(unrepresentable(change, `the value has a null member at ${where}, which would mean delete`));
        continue;
      }
      value = change.theirs as JsonValue;
    }
    const keys = change.path.map((s) => (s as { key: string }).key);
    if (keys.length === 0) {
      if (Object.keys(root as JsonObject).length > 0 || rootReplaced) {
        errors.push(unrepresentable(change, 'a whole-document change cannot be combined with other changes'));
        continue;
      }
      root = value;
      rootReplaced = true;
      continue;
    }
    if (!isJsonObject(root)) {
      errors.push(unrepresentable(change, 'a change cannot be combined with a whole-document change'));
      continue;
    }
    let node: JsonObject = root;
    let clash = false;
    for (const key of keys.slice(0, -1)) {
      const next = getOwn(node, key);
      if (next === undefined) setOwn(node, key, {});
      else if (!isJsonObject(next)) {
        clash = true;
        break;
      }
      node = node[key] as JsonObject;
    }
    const lastKey = keys[keys.length - 1]!;
    if (clash || hasOwn(node, lastKey)) {
      errors.push(unrepresentable(change, 'it overlaps another selected change'));
      continue;
    }
    setOwn(node, lastKey, value);
  }
  return errors.length > 0 ? { patch: null, errors } : { patch: root, errors };
}
