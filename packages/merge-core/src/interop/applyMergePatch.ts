import type { Edit } from '../apply/edit.js';
import { applyEdits } from '../apply/applyEdits.js';
import { MergeError } from '../model/errors.js';
import { checkJsonValue } from '../model/checkJsonValue.js';
import { getOwn, hasOwn, isJsonObject, jsonEqual, setOwn } from '../model/json.js';
import type { JsonObject, JsonValue } from '../model/json.js';
import { resolveOptions, type MergeOptions } from '../model/options.js';
import type { Path } from '../model/path.js';
import type { PatchResult } from './applyJsonPatch.js';
import { readSingleDocument } from './applyJsonPatch.js';
import { replaceDocument } from './replaceDocument.js';

/** RFC 7396 §2 `MergePatch(target, patch)` on values (`target` undefined = absent). */
export function mergePatchValue(target: JsonValue | undefined, patch: JsonValue): JsonValue {
  if (!isJsonObject(patch)) return patch;
  const out: JsonObject = {};
  if (isJsonObject(target)) for (const k of Object.keys(target)) setOwn(out, k, target[k]!);
  for (const k of Object.keys(patch)) {
    const p = patch[k]!;
    if (p === null) delete out[k];
    else setOwn(out, k, mergePatchValue(getOwn(out, k), p));
  }
  return out;
}

/** Edits that turn the object `target` (at `path`) into `mergePatchValue(target, patch)`. */
function mergeEdits(target: JsonObject, patch: JsonObject, path: Path, edits: Edit[]): void {
  for (const key of Object.keys(patch)) {
    const p = patch[key]!;
    const at: Path = [...path, { kind: 'key', key }];
    const current = getOwn(target, key);
    if (p === null) {
      if (hasOwn(target, key)) edits.push({ op: 'remove', path: at });
    } else if (isJsonObject(p) && isJsonObject(current)) {
      mergeEdits(current, p, at, edits);
    } else {
      const next = mergePatchValue(current, p);
      if (current === undefined || !jsonEqual(current, next)) edits.push({ op: 'set', path: at, value: next });
    }
  }
}

/**
 * Applies an RFC 7396 JSON Merge Patch to a one-document YAML text, byte-locally: members the
 * patch sets are written in place (new ones after their siblings), `null` members are deleted with
 * their comments, and everything the patch does not mention keeps its bytes. Arrays are replaced
 * whole, as the RFC says. A patch that is not an object replaces the whole document. Errors
 * (`INVALID_PATCH` for a patch that is not JSON, `DEPTH_LIMIT` / `SIZE_LIMIT` for one over the
 * limits, YAML errors of `source`) leave the text unchanged; nothing is thrown.
 */
export function applyMergePatch(source: string, patch: unknown, options?: MergeOptions): PatchResult {
  const resolved = resolveOptions(options);
  if (resolved instanceof MergeError) return { text: source, errors: [resolved] };
  const bad = checkJsonValue(patch, resolved.limits);
  if (bad !== null) {
    return { text: source, errors: [new MergeError(bad.code === 'NOT_JSON' ? 'INVALID_PATCH' : bad.code, `the merge patch ${bad.message}`, { source: 'patch', path: bad.at })] };
  }
  const read = readSingleDocument(source, options);
  if (!read.ok) return { text: source, errors: read.errors };
  const doc = read.value;
  const expected = mergePatchValue(doc, patch as JsonValue);
  let text: string;
  if (isJsonObject(patch) && isJsonObject(doc)) {
    const edits: Edit[] = [];
    mergeEdits(doc, patch, [], edits);
    if (edits.length === 0) return { text: source, errors: [] };
    const result = applyEdits(source, edits, options);
    if (result.errors.length > 0 && !(isJsonObject(expected) && Object.keys(expected).length === 0)) {
      return { text: source, errors: result.errors };
    }
    // The engine cannot yet empty a root mapping in place; write the empty root instead.
    text = result.errors.length > 0 ? replaceDocument(source, expected, options) : result.text;
  } else if (jsonEqual(doc, expected)) {
    return { text: source, errors: [] };
  } else {
    text = replaceDocument(source, expected, options);
  }
  const check = readSingleDocument(text, options);
  if (!check.ok || !jsonEqual(check.value, expected)) {
    return { text: source, errors: [new MergeError('VERIFY_FAILED', 'merge-patched text failed verification', { source: 'patch' })] };
  }
  return { text, errors: [] };
}
