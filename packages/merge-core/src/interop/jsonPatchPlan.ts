import type { Edit } from '../apply/edit.js';
import { MergeError } from '../model/errors.js';
import { cloneJson, hasOwn, isJsonObject, jsonEqual, setOwn } from '../model/json.js';
import type { JsonObject, JsonValue } from '../model/json.js';
import type { Path } from '../model/path.js';
import type { ParsedOperation } from './jsonPatchOperation.js';
import { arrayIndex, formatJsonPointer } from './jsonPointer.js';

/**
 * One text step of a patch: a batch of non-overlapping edits for `applyEdits`, or the
 * replacement of the whole document (pointer `""`). `emptiesRoot` is the root value left when the
 * edits remove the last member of the root collection.
 */
export type PatchStep = { kind: 'edits'; edits: Edit[]; emptiesRoot?: JsonValue } | { kind: 'root'; value: JsonValue };

/** What one operation does: the text steps to run in order, and the document value afterwards. */
export interface OperationPlan {
  steps: PatchStep[];
  doc: JsonValue;
}

interface Located {
  path: Path;
  value: JsonValue;
}

function fail(code: 'PATH_NOT_FOUND' | 'INVALID_POINTER' | 'INVALID_PATCH' | 'PATCH_TEST_FAILED', op: ParsedOperation, member: 'path' | 'from', message: string): MergeError {
  const pointer = member === 'from' ? (op as { from: string }).from : op.path;
  return new MergeError(code, `patch operation ${op.index} (${op.op} ${JSON.stringify(pointer)}): ${message}`, {
    path: pointer,
    source: 'patch',
  });
}

/** Walks `tokens` from the root; every token must name an existing member or element. */
function locate(doc: JsonValue, tokens: readonly string[], op: ParsedOperation, member: 'path' | 'from'): Located | MergeError {
  let value = doc;
  const path: Path = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const at = formatJsonPointer(tokens.slice(0, i + 1));
    if (Array.isArray(value)) {
      const index = arrayIndex(token, value.length, false);
      if (index === null) {
        return /^(0|[1-9][0-9]*)$/.test(token)
          ? fail('PATH_NOT_FOUND', op, member, `index ${token} is out of bounds at ${at} (array of ${value.length})`)
          : fail('INVALID_POINTER', op, member, `${JSON.stringify(token)} is not an array index at ${at}`);
      }
      path.push({ kind: 'index', index });
      value = value[index]!;
    } else if (isJsonObject(value)) {
      if (!hasOwn(value, token)) return fail('PATH_NOT_FOUND', op, member, `no member ${JSON.stringify(token)} at ${at}`);
      path.push({ kind: 'key', key: token });
      value = value[token]!;
    } else {
      return fail('PATH_NOT_FOUND', op, member, `${at} goes through a ${value === null ? 'null' : typeof value}`);
    }
  }
  return { path, value };
}

/** Adds `value` at `tokens` (RFC 6902 §4.1) to the plan, mutating `doc` (a private copy). */
function planAdd(doc: JsonValue, tokens: readonly string[], value: JsonValue, op: ParsedOperation): OperationPlan | MergeError {
  if (tokens.length === 0) return { steps: [{ kind: 'root', value }], doc: cloneJson(value) };
  const parent = locate(doc, tokens.slice(0, -1), op, 'path');
  if (parent instanceof MergeError) return parent;
  const last = tokens[tokens.length - 1]!;
  const container = parent.value;
  if (Array.isArray(container)) {
    const index = arrayIndex(last, container.length, true);
    if (index === null) {
      return /^(0|[1-9][0-9]*)$/.test(last)
        ? fail('PATH_NOT_FOUND', op, 'path', `index ${last} is out of bounds (array of ${container.length})`)
        : fail('INVALID_POINTER', op, 'path', `${JSON.stringify(last)} is not an array index`);
    }
    container.splice(index, 0, cloneJson(value));
    return { steps: [{ kind: 'edits', edits: [{ op: 'insert', path: parent.path, index, value }] }], doc };
  }
  if (isJsonObject(container)) {
    setOwn(container, last, cloneJson(value));
    return { steps: [{ kind: 'edits', edits: [{ op: 'set', path: [...parent.path, { kind: 'key', key: last }], value }] }], doc };
  }
  return fail('PATH_NOT_FOUND', op, 'path', `the parent of ${op.path} is not an object or array`);
}

/** Removes the existing value at `tokens` (RFC 6902 §4.2), mutating `doc`. */
function planRemove(doc: JsonValue, tokens: readonly string[], op: ParsedOperation, member: 'path' | 'from'): OperationPlan | MergeError {
  if (tokens.length === 0) return fail('INVALID_PATCH', op, member, 'the whole document cannot be removed');
  const target = locate(doc, tokens, op, member);
  if (target instanceof MergeError) return target;
  const parent = locate(doc, tokens.slice(0, -1), op, member) as Located;
  const last = target.path[target.path.length - 1]!;
  if (last.kind === 'index') (parent.value as JsonValue[]).splice(last.index, 1);
  else delete (parent.value as JsonObject)[tokens[tokens.length - 1]!];
  const step: PatchStep = { kind: 'edits', edits: [{ op: 'remove', path: target.path }] };
  if (tokens.length === 1 && Object.keys(parent.value as object).length === 0) step.emptiesRoot = Array.isArray(parent.value) ? [] : {};
  return { steps: [step], doc };
}

function isProperPrefix(prefix: readonly string[], tokens: readonly string[]): boolean {
  return prefix.length < tokens.length && prefix.every((t, i) => t === tokens[i]);
}

/**
 * Plans one validated operation against the current document value (a private copy, mutated).
 * Every failure is checked here, on values, before any text is touched, so errors name the
 * operation and the pointer precisely.
 */
export function planOperation(doc: JsonValue, op: ParsedOperation): OperationPlan | MergeError {
  switch (op.op) {
    case 'add':
      return planAdd(doc, op.tokens, op.value, op);
    case 'remove':
      return planRemove(doc, op.tokens, op, 'path');
    case 'replace': {
      if (op.tokens.length === 0) return { steps: [{ kind: 'root', value: op.value }], doc: cloneJson(op.value) };
      const target = locate(doc, op.tokens, op, 'path');
      if (target instanceof MergeError) return target;
      const parent = locate(doc, op.tokens.slice(0, -1), op, 'path') as Located;
      const last = target.path[target.path.length - 1]!;
      if (last.kind === 'index') (parent.value as JsonValue[])[last.index] = cloneJson(op.value);
      else setOwn(parent.value as JsonObject, op.tokens[op.tokens.length - 1]!, cloneJson(op.value));
      return { steps: [{ kind: 'edits', edits: [{ op: 'set', path: target.path, value: op.value }] }], doc };
    }
    case 'test': {
      const target = locate(doc, op.tokens, op, 'path');
      if (target instanceof MergeError) return target;
      if (!jsonEqual(target.value, op.value)) {
        return fail('PATCH_TEST_FAILED', op, 'path', `expected ${JSON.stringify(op.value)}, found ${JSON.stringify(target.value)}`);
      }
      return { steps: [], doc };
    }
    case 'copy': {
      const source = locate(doc, op.fromTokens!, op, 'from');
      if (source instanceof MergeError) return source;
      return planAdd(doc, op.tokens, cloneJson(source.value), op);
    }
    case 'move': {
      const from = op.fromTokens!;
      const source = locate(doc, from, op, 'from');
      if (source instanceof MergeError) return source;
      if (isProperPrefix(from, op.tokens)) return fail('INVALID_PATCH', op, 'path', 'a value cannot be moved into one of its own children');
      if (from.length === op.tokens.length && from.every((t, i) => t === op.tokens[i])) return { steps: [], doc };
      const value = source.value;
      const removed = planRemove(doc, from, op, 'from');
      if (removed instanceof MergeError) return removed;
      const added = planAdd(removed.doc, op.tokens, value, op);
      if (added instanceof MergeError) return added;
      return { steps: [...removed.steps, ...added.steps], doc: added.doc };
    }
  }
}
