import type { JsonValue } from '../model/json.js';
import type { Path, PathSegment } from '../model/path.js';

/**
 * A low-level, positional edit of a YAML text: the layer `applyChanges`, `applyUpdates` and the
 * JSON Patch / Merge Patch adapters are built on. All edits of one `applyEdits` call address the
 * same original text; they must not overlap (an edit inside a node another edit removes or
 * replaces is reported, not applied).
 * - `set`: replace the value at `path`, or create it: a new mapping key (missing parent mappings
 *   are created), a new keyed/value element (appended, or placed after `after`);
 * - `remove`: delete the mapping entry or sequence element at `path`, with its own comments;
 * - `insert`: insert `value` into the sequence at `path` before position `index`
 *   (`index` = length appends);
 * - `order`: reorder the elements of the sequence at `path` so they appear as `order` lists them
 *   (each an element segment: `keyed`, `value` or `index` in the original); elements not listed
 *   keep their relative order after the listed ones.
 */
export type Edit =
  | { op: 'set'; path: Path; value: JsonValue; after?: PathSegment | null }
  | { op: 'remove'; path: Path }
  | { op: 'insert'; path: Path; index: number; value: JsonValue }
  | { op: 'order'; path: Path; order: PathSegment[] };
