import type { MergeError } from './errors.js';
import type { JsonValue } from './json.js';
import type { Path, PathSegment } from './path.js';

/**
 * What a change does at its path:
 * - `add`: the path does not exist on the base side; `theirs` is the new value;
 * - `remove`: the path exists on the base side and not on theirs; `base` is the old value;
 * - `replace`: a scalar (or a whole `atomic` list, or a value whose type changed) is replaced;
 * - `move`: the elements of the sequence at `path` are reordered; `base`/`ours`/`theirs` hold the
 *   element identities in order. Callers may ignore moves.
 */
export type ChangeKind = 'add' | 'remove' | 'replace' | 'move';

/**
 * - `clean`: ours still equals base at the path, so taking theirs is safe;
 * - `conflict`: ours changed the same place differently (or removed its parent);
 * - `applied`: ours already equals theirs there (nothing to do).
 * A two-way `diff` reports every change as `clean`.
 */
export type ChangeStatus = 'clean' | 'conflict' | 'applied';

/** One selectable change: plain JSON data, stable `id` (= `formatPath(path)`). */
export interface Change {
  id: string;
  path: Path;
  kind: ChangeKind;
  /** Value at the path in base (absent for `add`). */
  base?: JsonValue;
  /** Value at the path in ours (absent where ours has nothing there). */
  ours?: JsonValue;
  /** Value at the path in theirs (absent for `remove`). */
  theirs?: JsonValue;
  status: ChangeStatus;
  /**
   * For `add`: the sibling right before the new entry in theirs (a `key`, `keyed`, `value` or
   * `index` segment), skipping siblings ours removed (`merge3`), or `null` when it comes first.
   * Also for a `replace` conflict of an entry ours removed from a collection it still has
   * (`merge3`): taking theirs re-creates the entry, placed the same way.
   * Applying places the entry after the nearest of these predecessors that the text has or that
   * the same selection adds, following a new predecessor's own `after` when it is neither, so
   * accepting new entries one at a time gives the text of accepting them together.
   */
  after?: PathSegment | null;
  /**
   * For `move`: the identity field the listed element ids refer to (`name` for a keyed list),
   * `null` when the elements are scalars identified by their value.
   */
  field?: string | null;
}

export interface ChangeSummary {
  total: number;
  clean: number;
  conflict: number;
  applied: number;
}

/**
 * How one document of a multi-document merge corresponds across the inputs. Documents are matched
 * by entity identity (`kind:namespace/name`), by a rename the other side made, then by content
 * (see the README's multi-document rules); `id` is the document segment the change paths use.
 */
export interface DocumentMatch {
  /** The document segment id in change paths: base's (before's) id, or theirs' for a document only theirs has. */
  id: string;
  /** The id of the same document in ours; `null` when ours has no such document. Absent in a two-way `diff`. */
  ours?: string | null;
  /** The id of the same document in theirs (after); `null` when theirs has no such document. */
  theirs: string | null;
}

/**
 * The result of `diff` or `merge3`. `errors` is non-empty when an input could not be read
 * (then `changes` is empty): expected failures are values, not exceptions.
 */
export interface ChangeSet {
  changes: Change[];
  summary: ChangeSummary;
  errors: MergeError[];
  /**
   * Multi-document inputs only: how the documents correspond. `applyChanges` finds each change's
   * document through it (so a change reaches the entity ours renamed, and never a document ours
   * added); without it, a document segment is looked up by its id.
   */
  documents?: DocumentMatch[];
}

/**
 * Which changes to apply: change ids or path prefixes (text or parsed). A prefix selects every
 * change at or below it (`spec.mesh.dataContract.schema[name=x]` selects all of that column's
 * changes). Omitted: all changes. Order never matters.
 */
export type Selection = ReadonlyArray<string | Path>;

export interface ApplyResult {
  /** The output text; equals the input byte-for-byte when nothing was applied or on error. */
  text: string;
  /** Ids of the changes now reflected in `text` (including ones ours already had). */
  applied: string[];
  /** Selected changes that were not applied, with the reason. */
  skipped: { id: string; reason: string }[];
  /** Set when the input could not be read or the output failed verification. */
  errors: MergeError[];
}

export function summarize(changes: readonly Change[]): ChangeSummary {
  const summary: ChangeSummary = { total: changes.length, clean: 0, conflict: 0, applied: 0 };
  for (const c of changes) summary[c.status]++;
  return summary;
}

/** The change set of a call whose input could not be read: no changes, the errors. */
export function failedChangeSet(errors: MergeError[]): ChangeSet {
  return { changes: [], summary: summarize([]), errors };
}
