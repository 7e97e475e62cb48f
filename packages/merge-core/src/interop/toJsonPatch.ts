import { elementKey } from '../locate/elementKey.js';
import type { Change, ChangeSet, Selection } from '../model/change.js';
import { MergeError } from '../model/errors.js';
import { hasOwn, isJsonObject } from '../model/json.js';
import type { JsonObject, JsonValue } from '../model/json.js';
import { writeNew } from '../apply/writeNew.js';
import { IDENTITY_FIELDS, resolveOptions, type MergeOptions, type ResolvedOptions } from '../model/options.js';
import { validateChangeSet } from '../model/validateChangeSet.js';
import { validateSelection } from '../model/validateSelection.js';
import { formatPath, type PathSegment } from '../model/path.js';
import { readSingleDocument } from './applyJsonPatch.js';
import { parseJsonPatch, type JsonPatchOperation } from './jsonPatchOperation.js';
import { planOperation } from './jsonPatchPlan.js';
import { formatJsonPointer } from './jsonPointer.js';
import { selectChanges } from '../select/selectChanges.js';
import { placeAfter } from '../select/placeAfter.js';

/** A JSON Patch exported from a change set, or why it could not be. */
export interface JsonPatchExport {
  /** The operations; empty when `errors` is non-empty. */
  patch: JsonPatchOperation[];
  errors: MergeError[];
}

type Token = string | number;

function unrepresentable(change: Change, why: string): MergeError {
  return new MergeError('NOT_REPRESENTABLE', `${change.id || '(document)'}: ${why}`, { path: change.id });
}

/** Position of the element a segment names in an array value, or -1. */
function elementIndex(array: readonly JsonValue[], seg: PathSegment): number {
  if (seg.kind === 'index') return seg.index < array.length ? seg.index : -1;
  if (seg.kind === 'keyed') return array.findIndex((e) => elementKey(e, seg.key) === seg.value);
  if (seg.kind === 'value') return array.findIndex((e) => elementKey(e, null) === seg.value);
  return -1;
}

/** Pointer tokens of `segments` in the current document value, or the reason they do not resolve. */
function resolveTokens(doc: JsonValue, segments: readonly PathSegment[]): { tokens: Token[]; value: JsonValue } | string {
  let value = doc;
  const tokens: Token[] = [];
  for (const seg of segments) {
    if (seg.kind === 'key') {
      if (!isJsonObject(value) || !hasOwn(value, seg.key)) return `no member ${JSON.stringify(seg.key)} at ${formatJsonPointer(tokens) || 'the root'}`;
      tokens.push(seg.key);
      value = value[seg.key]!;
    } else if (seg.kind === 'document') {
      return 'JSON Patch addresses a single document';
    } else {
      if (!Array.isArray(value)) return `${formatJsonPointer(tokens) || 'the root'} is not a list`;
      const index = elementIndex(value, seg);
      if (index === -1) return `no element ${formatPath([seg])} at ${formatJsonPointer(tokens) || 'the root'}`;
      tokens.push(index);
      value = value[index]!;
    }
  }
  return { tokens, value };
}

/** The longest prefix of `segments` that resolves in the document value: its tokens, value and length. */
function resolvePrefix(doc: JsonValue, segments: readonly PathSegment[]): { tokens: Token[]; value: JsonValue; depth: number } {
  let depth = 0;
  let found = { tokens: [] as Token[], value: doc };
  while (depth < segments.length) {
    const next = resolveTokens(doc, segments.slice(0, depth + 1));
    if (typeof next === 'string') break;
    found = next;
    depth++;
  }
  return { ...found, depth };
}

/**
 * The `add` of the entry a change below a missing path creates (taking theirs re-creates what
 * ours removed), holding the change's value; later changes below the same entry find it in the
 * document and add to it, so the patch builds one entry, as `applyChanges` does. A new element
 * goes where `applyChanges` puts it: after `change.after` when the change's own entry is the one
 * created, else last.
 */
function creationFor(doc: JsonValue, change: Change): JsonPatchOperation[] | MergeError {
  const path = change.path;
  const at = resolvePrefix(doc, path);
  const seg = path[at.depth]!;
  const holder: JsonObject | JsonValue[] = seg.kind === 'key' ? {} : [];
  const wrote = writeNew(holder, path.slice(at.depth), change.theirs as JsonValue, Array.isArray(at.value) ? at.value : []);
  if (wrote) return unrepresentable(change, wrote.message);
  if (at.value === null && at.tokens.length > 0) {
    // an emptied entry (`key:` with no value) becomes the collection
    const pointer = formatJsonPointer(at.tokens);
    return [{ op: 'test', path: pointer, value: null }, { op: 'replace', path: pointer, value: holder }];
  }
  if (seg.kind === 'key') {
    if (!isJsonObject(at.value)) return unrepresentable(change, `${formatJsonPointer(at.tokens) || 'the root'} is not an object`);
    return [{ op: 'add', path: formatJsonPointer([...at.tokens, seg.key]), value: (holder as JsonObject)[seg.key]! }];
  }
  if (!Array.isArray(at.value)) return unrepresentable(change, `${formatJsonPointer(at.tokens) || 'the root'} is not a list`);
  let index: Token = '-';
  const after = at.depth === path.length - 1 ? change.after : undefined;
  if (after === null) index = 0;
  else if (after !== undefined) {
    const sibling = elementIndex(at.value, after);
    if (sibling !== -1) index = sibling + 1;
  }
  return [{ op: 'add', path: formatJsonPointer([...at.tokens, index]), value: (holder as JsonValue[])[0]! }];
}

/**
 * Position of the element a `move` change lists by identity text (`field` as the engine recorded
 * it; `null` = scalar set element; absent = try the usual identity fields).
 */
function identity(entry: JsonValue, array: readonly JsonValue[], field: string | null | undefined): number {
  if (isJsonObject(entry) && typeof entry['kind'] === 'string') return elementIndex(array, entry as unknown as PathSegment);
  if (entry !== null && typeof entry === 'object') return -1;
  const text = String(entry);
  if (field !== undefined) return array.findIndex((e) => elementKey(e, field) === text);
  const scalar = array.findIndex((e) => elementKey(e, null) === text);
  if (scalar !== -1) return scalar;
  return array.findIndex((e) => isJsonObject(e) && IDENTITY_FIELDS.some((f) => elementKey(e, f) === text));
}

/** Operations for one change against the current document value. */
function operationsFor(doc: JsonValue, change: Change): JsonPatchOperation[] | MergeError {
  const path = change.path;
  if (path.some((s) => s.kind === 'document')) return unrepresentable(change, 'JSON Patch addresses a single document; this change names one of several');
  if (change.kind === 'move') {
    const list = resolveTokens(doc, path);
    if (typeof list === 'string') return unrepresentable(change, list);
    if (!Array.isArray(list.value) || !Array.isArray(change.theirs)) return unrepresentable(change, 'a move needs a list and its target order');
    const work = [...list.value];
    const ops: JsonPatchOperation[] = [];
    let target = 0;
    for (const entry of change.theirs) {
      const at = identity(entry, work, (change as { field?: string | null }).field);
      if (at === -1 || at < target) continue;
      if (at !== target) {
        ops.push({ op: 'move', from: formatJsonPointer([...list.tokens, at]), path: formatJsonPointer([...list.tokens, target]) });
        work.splice(target, 0, ...work.splice(at, 1));
      }
      target++;
    }
    return ops;
  }
  const last = path[path.length - 1];
  if (change.kind === 'add') {
    if (!Object.prototype.hasOwnProperty.call(change, 'theirs')) return unrepresentable(change, 'an add without a value');
    const value = change.theirs as JsonValue;
    if (last === undefined) return [{ op: 'add', path: '', value }];
    const parent = resolveTokens(doc, path.slice(0, -1));
    if (typeof parent === 'string') return creationFor(doc, change);
    if (last.kind === 'key') return [{ op: 'add', path: formatJsonPointer([...parent.tokens, last.key]), value }];
    if (!Array.isArray(parent.value)) return unrepresentable(change, 'the parent is not a list');
    let index: Token = '-';
    if (last.kind === 'index') index = last.index <= parent.value.length ? last.index : '-';
    else if (change.after === null) index = 0;
    else if (change.after !== undefined) {
      const sibling = elementIndex(parent.value, change.after);
      if (sibling !== -1) index = sibling + 1;
    }
    return [{ op: 'add', path: formatJsonPointer([...parent.tokens, index]), value }];
  }
  const target = resolveTokens(doc, path);
  if (typeof target === 'string') {
    if (change.kind === 'replace' && Object.prototype.hasOwnProperty.call(change, 'theirs') && !path.some((s) => s.kind === 'index')) return creationFor(doc, change);
    return unrepresentable(change, target);
  }
  const pointer = formatJsonPointer(target.tokens);
  const guard: JsonPatchOperation = { op: 'test', path: pointer, value: target.value };
  if (change.kind === 'remove') return [guard, { op: 'remove', path: pointer }];
  if (!Object.prototype.hasOwnProperty.call(change, 'theirs')) return unrepresentable(change, 'a replace without a value');
  return [guard, { op: 'replace', path: pointer, value: change.theirs as JsonValue }];
}

/**
 * The order operations are emitted in: additions and replacements first (so a mapping is never
 * emptied on the way and then refilled), then removals of keys and keyed elements, then removals
 * by position from the highest index down, so earlier ones do not shift later ones.
 */
function exportOrder(changes: readonly Change[]): Change[] {
  const isIndexRemove = (c: Change) => c.kind === 'remove' && c.path[c.path.length - 1]?.kind === 'index';
  const removes = changes.filter(isIndexRemove);
  removes.sort((a, b) => {
    const ia = (a.path[a.path.length - 1] as { index: number }).index;
    const ib = (b.path[b.path.length - 1] as { index: number }).index;
    return ib - ia;
  });
  return [...changes.filter((c) => c.kind !== 'remove'), ...changes.filter((c) => c.kind === 'remove' && !isIndexRemove(c)), ...removes];
}

/**
 * Exports the selected changes of a change set as an RFC 6902 JSON Patch for `source` (the text
 * the patch will be applied to, normally the change set's base or ours). Keyed and value element
 * segments (`schema[name=x]`) are resolved to array indices against `source` at export time, in
 * the order the operations run, and every `remove`/`replace` is preceded by a `test` of the value
 * it expects, so applying the patch to a different document fails instead of hitting the wrong
 * element. Reorderings become `move` operations. Changes already reflected (`applied`) are skipped.
 * A change below an entry `source` lacks (theirs' change under something ours removed) becomes
 * the `add` of that entry, and the selected changes below one such entry build one entry, as
 * `applyChanges` writes it. Fails with `NOT_REPRESENTABLE` (and an empty patch) when a change
 * does not resolve in `source` otherwise, with `INVALID_CHANGESET` / `INVALID_ARGUMENT` for a
 * malformed change set or selection (see `applyChanges`); nothing is thrown.
 */
export function toJsonPatch(source: string, changeSet: ChangeSet, selection?: Selection, options?: MergeOptions): JsonPatchExport {
  const resolved = resolveOptions(options);
  const invalid = resolved instanceof MergeError ? resolved : validateChangeSet(changeSet, resolved.limits) ?? validateSelection(selection, resolved.limits.maxDepth);
  if (invalid !== null) return { patch: [], errors: [invalid] };
  const { limits } = resolved as ResolvedOptions;
  const read = readSingleDocument(source, options);
  if (!read.ok) return { patch: [], errors: read.errors };
  let doc = read.value;
  const patch: JsonPatchOperation[] = [];
  const errors: MergeError[] = [];
  const selected = selectChanges(changeSet.changes, selection).selected;
  const adding = new Set(selected.filter((c) => c.after !== undefined && c.status !== 'applied').map((c) => c.id));
  const after = placeAfter(changeSet.changes, adding, (path) => typeof resolveTokens(doc, path) !== 'string');
  for (const change of exportOrder(selected)) {
    if (change.status === 'applied') continue;
    const ops = operationsFor(doc, change.after !== undefined ? { ...change, after: after(change) } : change);
    if (ops instanceof MergeError) {
      errors.push(ops);
      continue;
    }
    const parsed = parseJsonPatch(ops, limits);
    if (parsed instanceof MergeError) {
      errors.push(unrepresentable(change, parsed.message));
      continue;
    }
    for (const op of parsed) {
      const planned = planOperation(doc, op);
      if (planned instanceof MergeError) {
        errors.push(unrepresentable(change, planned.message));
        break;
      }
      doc = planned.doc;
      patch.push(ops[op.index]!);
    }
  }
  return errors.length > 0 ? { patch: [], errors } : { patch, errors };
}
