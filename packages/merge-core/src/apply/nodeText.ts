import { isCollection, isScalar, Scalar, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { lineEnd, lineStart } from '../locate/lines.js';
import { contentEnd } from '../locate/itemSpans.js';

/**
 * Offset just past the `:` of a mapping entry (the value's text starts after it), or -1 when the
 * entry has none (`{ key }` in a flow mapping, a complex key written without a value).
 */
export function colonEnd(text: string, pair: Pair): number {
  const key = pair.key as Node | null;
  let i = key?.range?.[1] ?? 0;
  while (i < text.length && text[i] !== ':') {
    if (text[i] === '#') i = lineEnd(text, i);
    else if (/\s/.test(text[i]!)) i++;
    else return -1;
  }
  return i < text.length ? i + 1 : -1;
}

/** True for a block (not flow) mapping or sequence. */
export function isBlockCollection(node: Node | null | undefined): node is YAMLMap | YAMLSeq {
  return isCollection(node) && !node.flow;
}

/** True for `|` / `>` scalars. */
export function isBlockScalar(node: Node | null | undefined): node is Scalar {
  return isScalar(node) && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED);
}

/** An empty value: `key:` with nothing after it. */
export function isEmptyValue(node: Node | null | undefined): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null && node.range![0] === node.range![1]);
}

/**
 * End of the lines a block node occupies: just past the line break of its last content line
 * (the trailing comment on that line included). `hasEol` tells whether that line has a break.
 */
export function blockEnd(text: string, node: Node): { end: number; hasEol: boolean } {
  const last = contentEnd(text, node, node.range![1]);
  const end = lineEnd(text, Math.max(node.range![0], last - 1));
  return { end, hasEol: text[end - 1] === '\n' };
}

/** Indentation of the content lines of a block scalar (its first non-empty line). */
export function blockScalarIndent(text: string, node: Scalar, fallback: number): number {
  let i = lineEnd(text, node.range![0]);
  while (i < node.range![1]) {
    const ls = lineStart(text, i);
    let j = ls;
    while (text[j] === ' ') j++;
    if (text[j] !== '\n' && text[j] !== '\r' && j < text.length) return j - ls;
    i = lineEnd(text, i);
  }
  return fallback;
}

/** The key node's column. */
export function keyColumn(text: string, pair: Pair): number {
  const key = pair.key as Node | null;
  const at = key?.range?.[0] ?? 0;
  return at - lineStart(text, at);
}
