import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node, type Pair } from 'yaml';
import type { Path } from '../../model/path.js';
import { documentIndex, scalarText } from './valueAt.js';

/** Where a path lands in a parsed text: the node, the pair holding it, and its ancestors. */
export interface Located {
  doc: Document;
  /** The value node (undefined when the path does not exist, null for an empty value). */
  node: Node | null | undefined;
  /** The mapping pair holding the node, when its parent is a mapping. */
  pair?: Pair;
  /** Ancestor collection nodes, outermost first (excluding `node`). */
  ancestors: Node[];
  /** How many segments resolved (path.length when fully found). */
  depth: number;
}

/** Resolves an engine path in a YAML text with the `yaml` library (independently of the engine). */
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
      nextPair = cur.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === seg.key) as Pair | undefined;
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
