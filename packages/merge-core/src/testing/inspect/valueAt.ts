import { isJsonObject } from '../../model/json.js';
import type { Path, PathSegment } from '../../model/path.js';

/** The entity identity of a document value, as `kind:namespace/name` (lower-case), or null. */
export function entityId(doc: unknown): string | null {
  if (!isJsonObject(doc)) return null;
  const kind = doc['kind'];
  const meta = doc['metadata'];
  if (typeof kind !== 'string' || !isJsonObject(meta) || typeof meta['name'] !== 'string') return null;
  const ns = typeof meta['namespace'] === 'string' ? meta['namespace'] : 'default';
  return `${kind}:${ns}/${meta['name']}`.toLowerCase();
}

/** Index of the document a `document` segment names (by position `N` or entity identity), -1 if none. */
export function documentIndex(values: readonly unknown[], id: string): number {
  if (/^\d+$/.test(id)) return Number(id);
  return values.findIndex((v) => entityId(v) === id.toLowerCase());
}

/** The text of a scalar as paths spell it, or null for a collection. */
export function scalarText(v: unknown): string | null {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;
}

/** The child of a value a (non-document) segment names, or undefined. */
function stepValue(cur: unknown, seg: PathSegment): unknown {
  switch (seg.kind) {
    case 'key':
      return isJsonObject(cur) && Object.prototype.hasOwnProperty.call(cur, seg.key) ? cur[seg.key] : undefined;
    case 'index':
      return Array.isArray(cur) ? cur[seg.index] : undefined;
    case 'keyed':
      return Array.isArray(cur) ? cur.find((e) => isJsonObject(e) && scalarText(e[seg.key]) === seg.value) : undefined;
    case 'value':
      return Array.isArray(cur) ? cur.find((e) => scalarText(e) === seg.value) : undefined;
    case 'document':
      return undefined;
  }
}

/**
 * The value at an engine path (a change's `path`) in parsed documents (one value per document, as
 * {@link parseDocuments} gives them), or undefined when the path does not exist. Computed
 * independently of the engine, so a law can check the engine's output with it.
 */
export function valueAt(docs: readonly unknown[], path: Path): unknown {
  let i = 0;
  let cur: unknown = docs[0];
  if (path[0]?.kind === 'document') {
    cur = docs[documentIndex(docs, path[0].id)];
    i = 1;
  }
  for (; i < path.length && cur !== undefined; i++) cur = stepValue(cur, path[i]!);
  return cur;
}
