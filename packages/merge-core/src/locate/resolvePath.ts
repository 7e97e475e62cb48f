import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { errorAt, MergeError } from '../model/errors.js';
import { getOwn, isJsonObject, type JsonValue } from '../model/json.js';
import { formatPath, type Path } from '../model/path.js';
import { keyText } from '../parse/keyText.js';
import type { ParsedDocument, ParsedFile } from '../parse/parseYaml.js';
import { documentIds } from './documentIds.js';
import { editableDocuments } from './editableDocuments.js';
import { findIn } from './findIn.js';

/** Where a path lands in a parsed text: the value node and its container. */
export interface NodeLocation {
  document: ParsedDocument;
  /** The value node; `null` for an empty value (`key:`) or an empty document. */
  node: Node | null;
  /** JSON value at the path. */
  value: JsonValue;
  /** The collection holding the node, `null` for a document root. */
  parent: YAMLMap | YAMLSeq | null;
  /** The mapping entry, when the parent is a mapping. */
  pair: Pair | null;
  /** Position in `parent.items`. */
  index: number;
  /** Number of path segments consumed (the document segment included). */
  depth: number;
}

/**
 * - `found`: the whole path exists;
 * - `missing`: `at` is the deepest existing location; `path[missing]` is the first segment that
 *   does not exist there (the container is a mapping or sequence that can take it);
 * - `error`: the path passes through a scalar, a sequence where a key is needed, an alias, or
 *   names an unknown document.
 */
export type Resolution =
  | { kind: 'found'; at: NodeLocation }
  | { kind: 'missing'; at: NodeLocation; missing: number }
  | { kind: 'error'; error: MergeError };

/** The document a path addresses (its leading `document` segment, else the first document). */
export function pickDocument(file: ParsedFile, path: Path): { document: ParsedDocument; rest: number } | MergeError {
  const first = path[0];
  if (first?.kind !== 'document') {
    return { document: editableDocuments(file)[0]!, rest: 0 };
  }
  const ids = documentIds(file.documents.map((d) => d.value));
  const index = ids.indexOf(first.id);
  const document = file.documents[index];
  if (!document) {
    return new MergeError('UNAPPLIABLE', `no document ${JSON.stringify(first.id)} in the text`, { path: formatPath(path) });
  }
  return { document, rest: 1 };
}

/** Resolves `path` in a parsed text, segment by segment, matching keyed elements by identity. */
export function resolvePath(file: ParsedFile, path: Path): Resolution {
  const picked = pickDocument(file, path);
  if (picked instanceof MergeError) return { kind: 'error', error: picked };
  const { document } = picked;
  let at: NodeLocation = {
    document,
    node: (document.doc.contents as Node | null) ?? null,
    value: document.value,
    parent: null,
    pair: null,
    index: 0,
    depth: picked.rest,
  };
  for (let i = picked.rest; i < path.length; i++) {
    const seg = path[i]!;
    const node = at.node;
    const fail = (code: 'PATH_THROUGH_SCALAR' | 'PATH_THROUGH_SEQUENCE' | 'PATH_THROUGH_MAPPING' | 'UNSUPPORTED', what: string) => ({
      kind: 'error' as const,
      error: errorAt(code, `${formatPath(path)}: ${what} at ${formatPath(path.slice(0, i)) || 'the document root'}`, file.text, node?.range?.[0] ?? 0, {
        path: formatPath(path),
      }),
    });
    if (isAlias(node)) return fail('UNSUPPORTED', 'the path passes through an alias');
    if (seg.kind === 'document') return fail('UNSUPPORTED', 'a document segment can only come first');
    if (seg.kind === 'key') {
      if (isSeq(node)) return fail('PATH_THROUGH_SEQUENCE', 'the path passes through a sequence');
      if (!isMap(node)) {
        if (node === null || (isScalar(node) && node.value === null)) return { kind: 'missing', at, missing: i };
        return fail('PATH_THROUGH_SCALAR', 'the path passes through a scalar');
      }
      const index = findKey(node, seg.key, document.doc);
      if (index === -1) return { kind: 'missing', at, missing: i };
      const pair = node.items[index]!;
      const value = isJsonObject(at.value) ? getOwn(at.value, seg.key) : undefined;
      at = { document, node: (pair.value as Node | null) ?? null, value: value ?? null, parent: node, pair, index, depth: i + 1 };
    } else {
      if (isMap(node)) return fail('PATH_THROUGH_MAPPING', `element segment ${formatPath([seg])} used on a mapping`);
      if (!isSeq(node)) {
        if (node === null || (isScalar(node) && node.value === null)) return { kind: 'missing', at, missing: i };
        return fail('PATH_THROUGH_SCALAR', 'the path passes through a scalar');
      }
      const values = Array.isArray(at.value) ? at.value : [];
      const index = findIn(values, seg);
      if (index === -1) return { kind: 'missing', at, missing: i };
      at = { document, node: (node.items[index] as Node | null) ?? null, value: values[index] ?? null, parent: node, pair: null, index, depth: i + 1 };
    }
  }
  return { kind: 'found', at };
}

/** Index of the entry whose key reads as `key` (see `keyText`) in a mapping, or -1. */
export function findKey(map: YAMLMap, key: string, doc: Document): number {
  const items = map.items;
  for (let i = 0; i < items.length; i++) {
    const k = keyText(items[i]!.key, doc);
    if (k.kind === 'text' && k.text === key) return i;
  }
  return -1;
}
