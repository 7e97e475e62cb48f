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

// apply (low level)
export type { Edit } from './apply/edit.js';
