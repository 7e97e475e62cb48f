/**
 * @revprov/merge-core: a comment-preserving, byte-exact YAML three-way merge.
 * Exports are grouped in pipeline order: model → paths → diff → select/apply → interop.
 */

// model
export type { JsonValue, JsonObject, JsonPrimitive } from './model/json.js';
export { MergeError } from './model/errors.js';
export type { MergeErrorCode, MergeErrorInit } from './model/errors.js';
export type { Change, ChangeKind, ChangeStatus, ChangeSet, ChangeSummary, Selection, ApplyResult } from './model/change.js';
export type { ListRule, ListRuleEntry, Limits, MergeOptions } from './model/options.js';
export { DEFAULT_LIST_RULES, DEFAULT_LIMITS } from './model/options.js';

// paths
export type { Path, PathSegment } from './model/path.js';
export { parsePath, formatPath } from './model/path.js';

// parse
export { parseYaml } from './parse/parseYaml.js';

// diff
export { diff, diffJson } from './diff/diff.js';
export { merge3 } from './diff/merge3.js';

// select + apply
export { applyChanges } from './apply/applyChanges.js';
export { applyUpdates } from './apply/applyUpdates.js';
export type { ApplyUpdatesResult } from './apply/applyUpdates.js';
export { applyEdits } from './apply/applyEdits.js';
export type { ApplyEditsResult } from './apply/applyEdits.js';
export type { Edit } from './apply/edit.js';

// interop
export { applyJsonPatch } from './interop/applyJsonPatch.js';
export type { PatchResult } from './interop/applyJsonPatch.js';
export type { JsonPatch, JsonPatchOperation } from './interop/jsonPatchOperation.js';
export { parseJsonPointer, formatJsonPointer } from './interop/jsonPointer.js';
export { toJsonPatch } from './interop/toJsonPatch.js';
export type { JsonPatchExport } from './interop/toJsonPatch.js';
export { applyMergePatch } from './interop/applyMergePatch.js';
export { toMergePatch } from './interop/toMergePatch.js';
export type { MergePatchExport } from './interop/toMergePatch.js';
export { mergeWithConflictBlocks } from './interop/mergeWithConflictBlocks.js';
export type { ConflictBlockOptions, MergedText } from './interop/mergeWithConflictBlocks.js';
