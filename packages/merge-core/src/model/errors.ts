/**
 * Every failure of the engine is a `MergeError` value with a stable `code`, and a 1-based
 * `line`/`col` (and 0-based `offset`) when a source position is known. Functions that return a
 * result with an `errors` array never throw, whatever the argument values (wrong types, malformed
 * change sets or edits, absurd nesting included): the input text comes back unchanged with the
 * error. Only the path and pointer helpers (`parsePath`, `formatPath`, `formatJsonPointer`), whose
 * result has no room for an error, throw one (a `MergeError` too).
 */
export type MergeErrorCode =
  /** The text is not valid YAML. */
  | 'YAML_SYNTAX'
  /** A mapping has the same key twice. */
  | 'DUPLICATE_KEY'
  /** Alias expansion exceeded `limits.maxAliasCount` (alias bomb). */
  | 'ALIAS_LIMIT'
  /**
   * Nesting deeper than `limits.maxDepth`: in a YAML text, or in a value a caller hands in
   * (updates, edits, patches, change sets), counting the path the value is written at.
   */
  | 'DEPTH_LIMIT'
  /** Input larger than `limits.maxBytes` (a text's length, or a value's length as JSON text). */
  | 'SIZE_LIMIT'
  /** A value is not JSON (function, undefined, NaN, class instance, cycle, ...). */
  | 'NOT_JSON'
  /** A path passes through a scalar, where a mapping was needed. */
  | 'PATH_THROUGH_SCALAR'
  /** A path passes through a sequence, where a mapping was needed. */
  | 'PATH_THROUGH_SEQUENCE'
  /** A path passes through a mapping, where a sequence was needed (an element segment on a mapping). */
  | 'PATH_THROUGH_MAPPING'
  /** A path text or path value is malformed. */
  | 'INVALID_PATH'
  /**
   * A change set is malformed (not `{ changes: Change[] }`, a change without a valid `path`, an
   * unknown `kind`, a field of the wrong type, an `id` that is not its path's text, ...); `path`
   * says where in the change set, e.g. `changes[3].path[1]`, and `source` is `changeSet`.
   */
  | 'INVALID_CHANGESET'
  /**
   * An edit list of `applyEdits` is malformed (unknown `op`, a bad path segment, a missing
   * `value`, ...); `path` says where, e.g. `edits[2].path[0]`, and `source` is `edits`.
   */
  | 'INVALID_EDIT'
  /**
   * An argument has the wrong type: a text that is not a string, `merge3`'s input that is not an
   * object, a selection that is not a list of change ids or paths, malformed options; `path`
   * names it (`base`, `selection[2]`, `options.limits.maxDepth`).
   */
  | 'INVALID_ARGUMENT'
  /** The `updates` argument is not an object of path → value. */
  | 'INVALID_UPDATES'
  /** A change could not be applied to this text (target missing, ambiguous, ...). */
  | 'UNAPPLIABLE'
  /** The engine's check of its own output failed; the input is returned unchanged. */
  | 'VERIFY_FAILED'
  /** A YAML feature the engine refuses to edit through (e.g. a merge key `<<`, a complex key). */
  | 'UNSUPPORTED'
  /** A JSON Patch / Merge Patch document is malformed (not an array of operations, missing `value`, unknown `op`, ...). */
  | 'INVALID_PATCH'
  /** A JSON Pointer is malformed (does not start with `/`, bad `~` escape, not an array index). */
  | 'INVALID_POINTER'
  /** A patch operation addresses a location that does not exist (missing key, index out of bounds). */
  | 'PATH_NOT_FOUND'
  /** A JSON Patch `test` operation found a different value: the document is not the one the patch was made for. */
  | 'PATCH_TEST_FAILED'
  /** A change cannot be expressed in the requested interchange format (e.g. a keyed list element in a JSON Merge Patch). */
  | 'NOT_REPRESENTABLE';

export interface MergeErrorInit {
  line?: number;
  col?: number;
  offset?: number;
  /** Canonical path text (or update key) the error is about. */
  path?: string;
  /** Which input the position refers to, e.g. `base`, `ours`, `theirs`, `source`. */
  source?: string;
}

export class MergeError extends Error {
  override readonly name = 'MergeError';
  readonly code: MergeErrorCode;
  readonly line?: number;
  readonly col?: number;
  readonly offset?: number;
  readonly path?: string;
  readonly source?: string;

  constructor(code: MergeErrorCode, message: string, init: MergeErrorInit = {}) {
    super(message);
    this.code = code;
    if (init.line !== undefined) this.line = init.line;
    if (init.col !== undefined) this.col = init.col;
    if (init.offset !== undefined) this.offset = init.offset;
    if (init.path !== undefined) this.path = init.path;
    if (init.source !== undefined) this.source = init.source;
  }

  /** Plain-data form (for JSON output, GraphQL, logs). */
  toJSON(): { code: MergeErrorCode; message: string } & MergeErrorInit {
    const { code, message, line, col, offset, path, source } = this;
    return { code, message, line, col, offset, path, source };
  }
}

/** Converts a 0-based offset to a 1-based line and column. */
export function positionAt(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, col: end - lineStart + 1 };
}

/** A `MergeError` located at `offset` in `text`. */
export function errorAt(
  code: MergeErrorCode,
  message: string,
  text: string,
  offset: number,
  init: Omit<MergeErrorInit, 'line' | 'col' | 'offset'> = {},
): MergeError {
  const { line, col } = positionAt(text, offset);
  return new MergeError(code, message, { ...init, line, col, offset });
}
