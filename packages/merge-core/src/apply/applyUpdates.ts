import { errorAt, MergeError } from '../model/errors.js';
import { checkJsonValue } from '../model/checkJsonValue.js';
import { cloneJson, getOwn, isJsonObject, setOwn, type JsonObject, type JsonValue } from '../model/json.js';
import { resolveOptions, type MergeOptions } from '../model/options.js';
import type { Path } from '../model/path.js';
import { parseYamlFile, type ParsedFile } from '../parse/parseYaml.js';
import { resolvePath } from '../locate/resolvePath.js';
import { documentIds } from '../locate/documentIds.js';
import { editableDocuments } from '../locate/editableDocuments.js';
import { diffValues, type RawChange } from '../diff/diffValues.js';
import { changeToEdit } from '../select/changesToEdits.js';
import { withStatus } from '../diff/merge3.js';
import { valueAt } from '../diff/valueAt.js';
import { applyEdits } from './applyEdits.js';

export interface ApplyUpdatesResult {
  /** The proposed text ("theirs"); `source` unchanged where nothing applied. */
  text: string;
  /** One error per update key that could not apply (`path` = the key), or one for bad input. */
  errors: MergeError[];
}

/**
 * Applies a tech adapter's `updates` (reverse-provisioning.md §3) to a catalog-info text:
 * top-level keys are dot paths from the document root, applied in received order stable-sorted
 * by depth (parents before children, the child wins); missing mappings are created; a mapping
 * merges recursively onto a mapping, anything else replaces (`null` writes null); a path through
 * a sequence or scalar fails for that key only. `null`, `undefined` or `""` updates mean none.
 * The result is written as the finest per-path splices on `source`, so a 200-column list in
 * which one column changed alters only that column's lines. Idempotent. Multi-document sources:
 * the updates address the first document. A value that is not JSON, or nests deeper than
 * `limits.maxDepth` counting its key's segments, fails its key (`NOT_JSON`, `DEPTH_LIMIT`);
 * malformed options are an `INVALID_ARGUMENT` error. Nothing is thrown.
 */
export function applyUpdates(source: string, updates: unknown, options?: MergeOptions): ApplyUpdatesResult {
  const resolved = resolveOptions(options);
  if (resolved instanceof MergeError) return { text: source, errors: [resolved] };
  const { listRules, limits } = resolved;
  const file = parseYamlFile(source, limits, 'source');
  if (file.errors.length > 0) return { text: source, errors: file.errors };
  if (updates === null || updates === undefined || updates === '') return { text: source, errors: [] };
  if (!isJsonObject(updates as JsonValue) || Object.getPrototypeOf(updates) !== Object.prototype && Object.getPrototypeOf(updates) !== null) {
    return { text: source, errors: [new MergeError('INVALID_UPDATES', 'updates must be an object mapping dot paths to JSON values')] };
  }
  const errors: MergeError[] = [];
  const entries: { key: string; path: string[]; value: JsonValue }[] = [];
  for (const key of Object.keys(updates as object)) {
    const value = (updates as Record<string, unknown>)[key];
    const path = key.split('.');
    if (key === '' || path.some((p) => p === '')) {
      errors.push(new MergeError('INVALID_PATH', `update ${JSON.stringify(key)}: empty path segment`, { path: key }));
      continue;
    }
    const bad = checkJsonValue(value, limits, path.length);
    if (bad !== null) {
      errors.push(new MergeError(bad.code, `update ${JSON.stringify(key)}: value ${bad.message}`, { path: key }));
      continue;
    }
    entries.push({ key, path, value: value as JsonValue });
  }
  entries.sort((a, b) => a.path.length - b.path.length);
  const documents = editableDocuments(file);
  const document = documents[0]!;
  let proposed: JsonValue = cloneJson(document.value);
  for (const entry of entries) {
    const result = applyOne(proposed, entry.path, entry.value);
    if (result instanceof MergeError) errors.push(locate(file, entry.key, entry.path, result));
    else proposed = result;
  }
  const raw: RawChange[] = [];
  const multi = documents.length > 1;
  diffValues(document.value, proposed, multi ? [{ kind: 'document', id: documentIds(documents.map((d) => d.value))[0]! }] : [], listRules, raw);
  if (raw.length === 0) return { text: source, errors };
  const values = documents.map((d) => d.value);
  const lengthAt = (path: Path): number | null => {
    const v = valueAt(values, path);
    return Array.isArray(v) ? v.length : null;
  };
  const edits = raw.map((r) => changeToEdit(withStatus(r, null), lengthAt)).filter((e) => e !== null);
  const result = applyEdits(source, edits, options);
  return { text: result.text, errors: [...errors, ...result.errors] };
}

/** One update at value level: walk/create mappings, then merge or replace. */
function applyOne(root: JsonValue, path: string[], value: JsonValue): JsonValue | MergeError {
  const out = isJsonObject(root) ? root : root === null ? {} : root;
  let cur: JsonValue = out;
  for (let i = 0; i < path.length - 1; i++) {
    if (!isJsonObject(cur)) return throughError(cur, path.slice(0, i));
    const k = path[i]!;
    let next: JsonValue | undefined = getOwn(cur, k);
    if (next === undefined || next === null) {
      next = {};
      setOwn(cur, k, next);
    }
    if (!isJsonObject(next)) return throughError(next, path.slice(0, i + 1));
    cur = next;
  }
  if (!isJsonObject(cur)) return throughError(cur, path.slice(0, -1));
  const last = path[path.length - 1]!;
  const existing = getOwn(cur, last);
  setOwn(cur, last, isJsonObject(existing) && isJsonObject(value) ? mergeDeep(existing, value) : cloneJson(value));
  return out;
}

function throughError(node: JsonValue, at: string[]): MergeError {
  const where = at.join('.') || 'the document root';
  return Array.isArray(node)
    ? new MergeError('PATH_THROUGH_SEQUENCE', `the path passes through a sequence at ${where}`)
    : new MergeError('PATH_THROUGH_SCALAR', `the path passes through a scalar at ${where}`);
}

function mergeDeep(target: JsonObject, patch: JsonObject): JsonObject {
  const out = cloneJson(target);
  for (const k of Object.keys(patch)) {
    const a = getOwn(out, k);
    const b = patch[k]!;
    setOwn(out, k, isJsonObject(a) && isJsonObject(b) ? mergeDeep(a, b) : cloneJson(b));
  }
  return out;
}

/** The error for one update key, located at the node where its path stops in the source. */
function locate(file: ParsedFile, key: string, path: string[], error: MergeError): MergeError {
  let offset = 0;
  for (let i = path.length; i >= 0; i--) {
    const p: Path = path.slice(0, i).map((k) => ({ kind: 'key', key: k }));
    const res = resolvePath(file, p);
    if (res.kind === 'found') {
      offset = res.at.node?.range?.[0] ?? 0;
      break;
    }
  }
  return errorAt(error.code, `update ${JSON.stringify(key)}: ${error.message}`, file.text, offset, { path: key });
}
