import { getOwn, isJsonObject, type JsonValue } from '../model/json.js';
import type { Path } from '../model/path.js';
import { documentIds } from '../locate/documentIds.js';
import { findIn } from '../locate/findIn.js';

/**
 * The value at `path` in a file's documents (matched by identity), or `undefined`. A text without
 * documents reads as one `null` document, as `diff` reads it.
 */
export function valueAt(docs: readonly JsonValue[], path: Path): JsonValue | undefined {
  let cur: JsonValue | undefined = docs.length === 0 ? null : docs[0];
  let start = 0;
  if (path[0]?.kind === 'document') {
    const i = documentIds(docs).indexOf(path[0].id);
    cur = i === -1 ? undefined : docs[i];
    start = 1;
  }
  for (let k = start; k < path.length && cur !== undefined; k++) {
    const seg = path[k]!;
    if (seg.kind === 'key') cur = isJsonObject(cur) ? getOwn(cur, seg.key) : undefined;
    else if (Array.isArray(cur)) {
      const i = findIn(cur, seg);
      cur = i === -1 ? undefined : cur[i];
    } else cur = undefined;
  }
  return cur;
}
