import { isAlias, isScalar, type Document, type Node } from 'yaml';

/**
 * How the engine reads a mapping key:
 * - `text`: the key's text, used as the JSON key and in paths. A string key is its value; any
 *   other scalar key (`1`, `true`, `~`, a YAML 1.1 `y` or date) is its source text, as written,
 *   so nothing is re-spelled (`0x1F` is not `31`, `y` under `%YAML 1.1` is not `true`). An alias
 *   used as a key reads as the node it refers to (`*k : v` is the key `k`'s anchored text); an
 *   empty key is `""`. A collection used as a key (a complex key) is the compact JSON text of its
 *   value (`? [a, b]` is `["a","b"]`), recorded when the document was read;
 * - `merge`: a YAML 1.1 merge key (`<<` under `%YAML 1.1`), whose mappings are merged in;
 * - `complex`: a collection key whose text has not been recorded (yet).
 */
export type KeyText = { kind: 'text'; text: string } | { kind: 'merge' } | { kind: 'complex'; node: Node };

const complexTexts = new WeakMap<Node, string>();

/** Records the text of a collection used as a key (its JSON value, read with the document's limits). */
export function recordComplexKey(node: Node, text: string): void {
  complexTexts.set(node, text);
}

export function keyText(key: unknown, doc: Document): KeyText {
  let node = key as Node | null | undefined;
  if (isAlias(node)) node = (node.resolve(doc) as Node | undefined) ?? null;
  if (node === null || node === undefined) return { kind: 'text', text: '' };
  if (!isScalar(node)) {
    const text = complexTexts.get(node);
    return text === undefined ? { kind: 'complex', node } : { kind: 'text', text };
  }
  const value = node.value;
  if (typeof value === 'string') return { kind: 'text', text: value };
  if (typeof value === 'symbol') return value.description === '<<' ? { kind: 'merge' } : { kind: 'text', text: node.source ?? '' };
  return { kind: 'text', text: node.source ?? String(value) };
}
