import { documentIds } from '../locate/documentIds.js';
import type { DocumentMatch } from '../model/change.js';
import type { JsonValue } from '../model/json.js';
import type { Path } from '../model/path.js';
import { documentFinder } from '../select/findDocument.js';

/**
 * A change's path as one text names it: its document segment (base's id) replaced by the id the
 * same document has in that text, found through the change set's document table as
 * `applyChanges` finds it (`ours` for ours and texts made from it, `theirs` for theirs), so a
 * block lands in an entity the other side renamed. `null` when the text has no such document.
 */
export function localPath(path: Path, values: readonly JsonValue[], documents: readonly DocumentMatch[] | undefined, side: 'ours' | 'theirs'): Path | null {
  const first = path[0];
  if (first?.kind !== 'document') return path;
  const ids = documentIds(values);
  const at = documentFinder(ids, documents, side)(first.id);
  return at === -1 ? null : [{ kind: 'document', id: ids[at]! }, ...path.slice(1)];
}
