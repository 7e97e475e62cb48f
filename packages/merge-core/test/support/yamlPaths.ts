import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node, type Pair } from 'yaml';
import type { Path, PathSegment } from '@revprov/merge-core';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(v: unknown): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The entity identity of a document value, as `kind:namespace/name` (lower-case kind), or null. */
export function entityId(doc: unknown): string | null {
  if (!isObject(doc)) return null;
  const kind = doc['kind'];
  const meta = doc['metadata'];
  if (typeof kind !== 'string' || !isObject(meta) || typeof meta['name'] !== 'string') return null;
  const ns = typeof meta['namespace'] === 'string' ? meta['namespace'] : 'default';
  return `${kind}:${ns}/${meta['name']}`.toLowerCase();
}

/** Index of the document a `document` segment names (by position `N` or entity identity). */
export function documentIndex(values: readonly unknown[], id: string): number {
  if (/^\d+$/.test(id)) return Number(id);
  return values.findIndex((v) => entityId(v) === id.toLowerCase());
}

function scalarText(v: unknown): string | null {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;
}

/** The child of a JSON value a (non-document) segment names, or undefined. */
function stepValue(cur: unknown, seg: PathSegment): unknown {
  switch (seg.kind) {
    case 'key':
      return isObject(cur) && Object.prototype.hasOwnProperty.call(cur, seg.key) ? cur[seg.key] : undefined;
    case 'index':
      return Array.isArray(cur) ? cur[seg.index] : undefined;
    case 'keyed':
      return Array.isArray(cur) ? cur.find((e) => isObject(e) && scalarText(e[seg.key]) === seg.value) : undefined;
    case 'value':
      return Array.isArray(cur) ? cur.find((e) => scalarText(e) === seg.value) : undefined;
    case 'document':
      return undefined;
  }
}

/** The value at an engine path in parsed documents (one value per document), or undefined. */
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

/** Where a path lands in a parsed text: the node, the pair or item holding it, and its ancestors. */
export interface Located {
  doc: Document;
  /** The value node (undefined when the path does not exist). */
  node: Node | null | undefined;
  /** The mapping pair holding the node, when its parent is a mapping. */
  pair?: Pair;
  /** Ancestor collection nodes, outermost first (excluding `node`). */
  ancestors: Node[];
  /** How many segments resolved (path.length when fully found). */
  depth: number;
}

/** Resolves an engine path in a YAML text (all documents parsed with `yaml`). */
export function locate(text: string, path: Path): Located | undefined {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs) || docs.length === 0) return undefined;
  let i = 0;
  let doc = docs[0]!;
  if (path[0]?.kind === 'document') {
    const values = docs.map((d) => d.toJS());
    const idx = documentIndex(values, path[0].id);
    if (idx < 0 || !docs[idx]) return undefined;
    doc = docs[idx]!;
    i = 1;
  }
  let cur: Node | null | undefined = doc.contents;
  let pair: Pair | undefined;
  const ancestors: Node[] = [];
  for (; i < path.length; i++) {
    const seg = path[i]!;
    let next: Node | null | undefined;
    let nextPair: Pair | undefined;
    if (isMap(cur) && seg.kind === 'key') {
      nextPair = cur.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === seg.key) as
        | Pair
        | undefined;
      next = nextPair ? (nextPair.value as Node | null) : undefined;
    } else if (isSeq(cur)) {
      const items = cur.items as Node[];
      if (seg.kind === 'index') next = items[seg.index];
      else if (seg.kind === 'keyed')
        next = items.find((e) => {
          if (!isMap(e)) return false;
          const v = e.get(seg.key, true) as Node | undefined;
          const r = isAlias(v) ? (v.resolve(doc) as Node | undefined) : v;
          return scalarText(isScalar(r) ? r.value : undefined) === seg.value;
        });
      else if (seg.kind === 'value')
        next = items.find((e) => {
          const r = isAlias(e) ? (e.resolve(doc) as Node | undefined) : e;
          return isScalar(r) && scalarText(r.value) === seg.value;
        });
    }
    if (next === undefined) return { doc, node: undefined, ancestors: cur ? [...ancestors, cur] : ancestors, depth: i };
    if (cur) ancestors.push(cur);
    cur = next;
    pair = nextPair;
  }
  const out: Located = { doc, node: cur, ancestors, depth: path.length };
  if (pair) out.pair = pair;
  return out;
}

/** 0-based line number of an offset. */
export function lineOf(text: string, offset: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Lines of a text, each keeping its `\r` when the text uses CRLF. */
export function linesOf(text: string): string[] {
  return text.split('\n');
}

/** True when `needles` appear in `hay` in order (not necessarily adjacent). */
export function isSubsequence(needles: readonly string[], hay: readonly string[]): boolean {
  let j = 0;
  for (const line of hay) if (j < needles.length && line === needles[j]) j++;
  return j === needles.length;
}
