import type { DocumentMatch } from '../model/change.js';
import { isEntityId } from '../locate/documentIds.js';

/**
 * A lookup of the document a change's document segment names, in a text whose documents have
 * the ids `ids`: its position there, or -1 when the text has no such document.
 * - `side: 'ours'` (a text derived from ours): with the change set's `documents` table, the id
 *   ours had when the change set was made comes first, then the entity identities base and
 *   theirs gave the document (a rename applied since still finds it); a position (`$[2]`) is
 *   trusted only where the table gives it for ours, or where there is no table, so a document
 *   ours added never receives another document's change;
 * - `side: 'theirs'`: the id the table gives for theirs.
 */
export function documentFinder(ids: readonly string[], documents?: readonly DocumentMatch[], side: 'ours' | 'theirs' = 'ours'): (id: string) => number {
  const positions = new Map<string, number>();
  ids.forEach((id, i) => positions.set(id, i));
  const entries = new Map<string, DocumentMatch>();
  for (const d of documents ?? []) if (!entries.has(d.id)) entries.set(d.id, d);
  return (id) => {
    const entry = entries.get(id);
    if (!entry) return positions.get(id) ?? -1;
    const tries: string[] = [];
    if (side === 'theirs') {
      if (entry.theirs !== null) tries.push(entry.theirs);
    } else {
      if (typeof entry.ours === 'string') tries.push(entry.ours);
      else if (entry.ours === undefined) tries.push(id);
      for (const other of [id, entry.theirs]) if (typeof other === 'string' && isEntityId(other)) tries.push(other);
    }
    for (const t of tries) {
      const at = positions.get(t);
      if (at !== undefined) return at;
    }
    return -1;
  };
}
