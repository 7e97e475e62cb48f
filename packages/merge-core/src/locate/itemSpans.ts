import { isCollection, isMap, isScalar, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { propsStart } from './propsStart.js';
import { lineEnd, lineKind, lineStart, startsLine, indentAt } from './lines.js';

/**
 * The text an element of a block collection owns, so that removing or moving it carries its own
 * comments and nothing of its neighbours':
 * - `start`: first byte of the element's region, including the comment lines directly above it
 *   (no blank line between); for a compact element that shares its line with a parent indicator
 *   (`- name: x`), the element's own first byte;
 * - `itemStart`: the element's key / dash (after its leading comments);
 * - `end`: just past the line break of its last line, including the trailing comment on that line
 *   and following comment lines indented deeper than the element.
 * Blank lines and comments detached from an element stay where they are.
 */
export interface ItemSpan {
  start: number;
  itemStart: number;
  end: number;
  /** Column of the key or dash. */
  col: number;
  /** The element shares its first line with its parent's indicator. */
  midLine: boolean;
}

/**
 * Where element `i` of a block collection starts: a pair's key with its properties (`? `,
 * `&anchor`, `!tag`); a sequence element's dash, found at the sequence's column on the element's
 * line or the nearest line above it (an element may start on the line after its bare `-`).
 */
function itemStartOffset(text: string, coll: YAMLMap | YAMLSeq, i: number): number {
  const item = coll.items[i] as Pair | Node | null;
  if (isMap(coll)) {
    const key = (item as Pair).key as Node | null;
    const value = (item as Pair).value as Node | null;
    const at = key?.range?.[0] ?? value?.range?.[0] ?? coll.range![0];
    let start = key?.range ? propsStart(text, key) : at;
    const before = text.slice(lineStart(text, start), start);
    const explicit = /\?\s*$/.exec(before);
    if (explicit && /^\s*\?\s*$/.test(before)) start -= explicit[0].length;
    return start;
  }
  const seqStart = coll.range![0];
  if (i === 0) return seqStart;
  const col = seqStart - lineStart(text, seqStart);
  const node = item as Node | null;
  let from = node?.range ? propsStart(text, node) : seqStart;
  for (let ls = lineStart(text, from); ls > seqStart; ls = lineStart(text, ls - 1)) {
    const dash = ls + col;
    if (dash < from && text[dash] === '-' && /^[ \t]*$/.test(text.slice(ls, dash)) && /[\s]/.test(text[dash + 1] ?? ' ')) return dash;
    from = ls;
  }
  return node?.range?.[0] ?? seqStart;
}

/** Offset just past the last meaningful character of a node (a block scalar: past its last line break). */
export function contentEnd(text: string, node: Node | null | undefined, fallback: number): number {
  if (!node || !node.range) return fallback;
  if (isCollection(node) && !node.flow) {
    const last = node.items[node.items.length - 1] as Pair | Node | null | undefined;
    if (last === undefined) return node.range[1];
    if (isMap(node)) {
      const pair = last as Pair;
      const key = pair.key as Node | null;
      return contentEnd(text, pair.value as Node | null, key?.range?.[1] ?? node.range[1]);
    }
    return contentEnd(text, last as Node | null, node.range[1]);
  }
  if (isScalar(node) && node.value === null && node.range[0] === node.range[1]) return fallback;
  return node.range[1];
}

const spansCache = new WeakMap<YAMLMap | YAMLSeq, ItemSpan[]>();

/** Spans of every element of a block mapping or sequence, in order (computed once per node). */
export function blockItemSpans(text: string, coll: YAMLMap | YAMLSeq): ItemSpan[] {
  let spans = spansCache.get(coll);
  if (!spans) spansCache.set(coll, (spans = computeSpans(text, coll)));
  return spans;
}

function computeSpans(text: string, coll: YAMLMap | YAMLSeq): ItemSpan[] {
  const spans: ItemSpan[] = [];
  let prevEnd = -1;
  for (let i = 0; i < coll.items.length; i++) {
    const itemStart = itemStartOffset(text, coll, i);
    const item = coll.items[i] as Pair | Node | null;
    let last: number;
    if (isMap(coll)) {
      const pair = item as Pair;
      const key = pair.key as Node | null;
      last = contentEnd(text, pair.value as Node | null, key?.range?.[1] ?? itemStart + 1);
    } else {
      last = contentEnd(text, item as Node | null, itemStart + 1);
    }
    const ls = lineStart(text, itemStart);
    const midLine = !startsLine(text, itemStart);
    const col = itemStart - ls;
    let end = lineEnd(text, Math.max(itemStart, last - 1));
    // trailing comment lines indented deeper than the element belong to it
    while (end < text.length && lineKind(text, end) === 'comment' && indentAt(text, end) > col) end = lineEnd(text, end);
    let start = midLine ? itemStart : ls;
    if (!midLine) {
      while (start > 0) {
        const prev = lineStart(text, start - 1);
        if (prev <= prevEnd - 1 || prev < prevEnd || lineKind(text, prev) !== 'comment') break;
        start = prev;
      }
    }
    // comments at the very top of the file are the file's header, not the first entry's
    if (i === 0 && start !== ls && start <= (text.charCodeAt(0) === 0xfeff ? 1 : 0)) start = ls;
    if (start < prevEnd) start = prevEnd;
    spans.push({ start, itemStart, end, col, midLine });
    prevEnd = end;
  }
  return spans;
}
