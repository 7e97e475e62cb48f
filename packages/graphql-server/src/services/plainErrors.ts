import type { ChangeSet, MergeError } from '@revprov/merge-core';
import type { StoredEngineError } from './operationModel.js';

/**
 * Engine errors as plain records. `MergeError` is an `Error`, and GraphQL treats an `Error` in a
 * result as a field error, so errors served as data must be converted first.
 */
export function toPlainErrors(errors: readonly MergeError[]): StoredEngineError[] {
  return errors.map((e) => ({
    code: e.code,
    message: e.message,
    line: e.line ?? null,
    col: e.col ?? null,
    path: e.path ?? null,
    source: e.source ?? null,
  }));
}

/** A change set whose errors are plain records (see `toPlainErrors`). */
export type PlainChangeSet = Omit<ChangeSet, 'errors'> & { errors: StoredEngineError[] };

export function toPlainChangeSet(cs: ChangeSet): PlainChangeSet {
  return { ...cs, errors: toPlainErrors(cs.errors) };
}
