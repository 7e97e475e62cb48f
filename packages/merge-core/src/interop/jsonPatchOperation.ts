import { MergeError } from '../model/errors.js';
import { checkJsonValue, type JsonValueBounds } from '../model/checkJsonValue.js';
import { getOwn, isJsonObject } from '../model/json.js';
import type { JsonValue } from '../model/json.js';
import { parseJsonPointer } from './jsonPointer.js';

/** One RFC 6902 operation; `path` and `from` are RFC 6901 JSON Pointers. */
export type JsonPatchOperation =
  | { op: 'add'; path: string; value: JsonValue }
  | { op: 'remove'; path: string }
  | { op: 'replace'; path: string; value: JsonValue }
  | { op: 'move'; from: string; path: string }
  | { op: 'copy'; from: string; path: string }
  | { op: 'test'; path: string; value: JsonValue };

/** A JSON Patch document: operations applied in order, all or nothing. */
export type JsonPatch = JsonPatchOperation[];

/** A validated operation with its pointers already split into reference tokens. */
export type ParsedOperation = JsonPatchOperation & { index: number; tokens: string[]; fromTokens?: string[] };

const OPS = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test']);

function invalid(index: number, member: string, message: string): MergeError {
  return new MergeError('INVALID_PATCH', `patch operation ${index}: ${message}`, { path: `/${index}${member}`, source: 'patch' });
}

/**
 * Checks that `patch` is a JSON Patch document (an array of well-formed operations, RFC 6902 §4)
 * and splits its pointers. Members other than `op`, `path`, `from`, `value` are ignored, as the
 * RFC requires. Returns the first problem as an `INVALID_PATCH` / `INVALID_POINTER` error whose
 * `path` points into the patch (`/2/value`); a `value` over the limits (its pointer's depth
 * counted) is a `DEPTH_LIMIT` / `SIZE_LIMIT` error located the same way.
 */
export function parseJsonPatch(patch: unknown, limits: JsonValueBounds): ParsedOperation[] | MergeError {
  if (!Array.isArray(patch)) {
    return new MergeError('INVALID_PATCH', 'a JSON Patch must be an array of operations', { source: 'patch' });
  }
  const out: ParsedOperation[] = [];
  for (let index = 0; index < patch.length; index++) {
    const raw: unknown = patch[index];
    if (!isJsonObject(raw)) return invalid(index, '', 'an operation must be an object');
    const op = getOwn(raw, 'op');
    if (typeof op !== 'string') return invalid(index, '/op', "missing 'op' member");
    if (!OPS.has(op)) return invalid(index, '/op', `unrecognized op ${JSON.stringify(op)}`);
    const path = getOwn(raw, 'path');
    if (typeof path !== 'string') {
      return invalid(index, '/path', path === undefined ? "missing 'path' member" : "'path' must be a string");
    }
    const tokens = parseJsonPointer(path);
    if (tokens instanceof MergeError) return withLocation(tokens, index, '/path');
    const parsed = { index, tokens, op, path } as ParsedOperation;
    if (op === 'add' || op === 'replace' || op === 'test') {
      if (!Object.prototype.hasOwnProperty.call(raw, 'value')) return invalid(index, '/value', "missing 'value' member");
      const bad = checkJsonValue(raw['value'], limits, tokens.length);
      if (bad !== null) {
        const error = invalid(index, '/value', `'value' ${bad.message}`);
        return bad.code === 'NOT_JSON' ? error : new MergeError(bad.code, error.message, error.toJSON());
      }
      (parsed as { value: JsonValue }).value = raw['value'] as JsonValue;
    }
    if (op === 'move' || op === 'copy') {
      const from = getOwn(raw, 'from');
      if (typeof from !== 'string') {
        return invalid(index, '/from', from === undefined ? "missing 'from' member" : "'from' must be a string");
      }
      const fromTokens = parseJsonPointer(from);
      if (fromTokens instanceof MergeError) return withLocation(fromTokens, index, '/from');
      (parsed as { from: string }).from = from;
      parsed.fromTokens = fromTokens;
    }
    out.push(parsed);
  }
  return out;
}

function withLocation(error: MergeError, index: number, member: string): MergeError {
  return new MergeError(error.code, `patch operation ${index}: ${error.message}`, { path: `/${index}${member}`, source: 'patch' });
}
