import { isMap, isScalar, isSeq, Scalar, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { ParsedDocument } from '../parse/parseYaml.js';
import { columnOf, detectEol } from './lines.js';
import { isPlainSafe } from '../model/plainScalar.js';
import { blockItemSpans } from './itemSpans.js';

/** How new string scalars are quoted: copied from the sibling scalars they are written beside. */
export type QuoteStyle = 'plain' | 'single' | 'double';

/** The local style new text copies: measured from the text around the insertion point. */
export interface RenderStyle {
  /** Indent width of nested block collections. */
  unit: number;
  /** Sequences under a key start at the key's column (`key:\n- a`). */
  indentless: boolean;
  quote: QuoteStyle;
  eol: string;
  /**
   * Never write literal block scalars here: a comment line that follows the insertion point
   * deeper than the new text would become part of the literal's content.
   */
  noLiteral?: boolean;
}

const styles = new WeakMap<object, RenderStyle>();

/**
 * The document's own style for new text: indent width (first nested block mapping found),
 * indentless or indented sequences (first block sequence under a key), the majority quote
 * style of string values, and its line break. Defaults: 2 spaces, indented, plain, `\n`.
 */
export function documentStyle(text: string, document: ParsedDocument): RenderStyle {
  const cached = styles.get(document);
  if (cached) return cached;
  let unit: number | null = null;
  let indentless: boolean | null = null;
  let seqUnit: number | undefined;
  const counts = { plain: 0, single: 0, double: 0 };
  const visit = (node: Node | null, depth: number): void => {
    if (depth > 64 || node === null) return;
    if (isMap(node)) {
      for (const pair of node.items as Pair<Node | null, Node | null>[]) {
        const key = pair.key;
        const value = pair.value;
        if (!node.flow && isMap(value) && !value.flow && value.items.length > 0 && unit === null && key?.range) {
          const childKey = value.items[0]!.key as Node | null;
          if (childKey?.range && !sameLine(text, key.range[0], childKey.range[0])) {
            const d = columnOf(text, childKey.range[0]) - columnOf(text, key.range[0]);
            if (d > 0) unit = d;
          }
        }
        if (!node.flow && isSeq(value) && !value.flow && value.items.length > 0 && indentless === null && key?.range) {
          const span = blockItemSpans(text, value)[0];
          if (span && !span.midLine) {
            const d = span.col - columnOf(text, key.range[0]);
            indentless = d === 0;
            if (d > 0) seqUnit ??= d;
          }
        }
        countQuote(value, counts);
        visit(value, depth + 1);
      }
    } else if (isSeq(node)) {
      for (const item of node.items as (Node | null)[]) {
        countQuote(item, counts);
        visit(item, depth + 1);
      }
    }
  };
  visit(document.doc.contents as Node | null, 0);
  const quote: QuoteStyle = counts.double > counts.plain && counts.double >= counts.single ? 'double' : counts.single > counts.plain ? 'single' : 'plain';
  const style: RenderStyle = { unit: unit ?? seqUnit ?? 2, indentless: indentless ?? false, quote, eol: detectEol(text) };
  styles.set(document, style);
  return style;
}

/** Quote style of the string scalars directly inside `coll` (one level into mapping elements). */
export function localQuote(coll: YAMLMap | YAMLSeq, fallback: QuoteStyle): QuoteStyle {
  const counts = { plain: 0, single: 0, double: 0 };
  const items = coll.items as (Pair<Node | null, Node | null> | Node | null)[];
  for (const item of items.slice(0, 50)) {
    if (isMap(coll)) countQuote((item as Pair<Node | null, Node | null>).value, counts);
    else if (isMap(item)) for (const p of (item.items as Pair<Node | null, Node | null>[]).slice(0, 20)) countQuote(p.value, counts);
    else countQuote(item as Node | null, counts);
  }
  const total = counts.plain + counts.single + counts.double;
  if (total === 0) return fallback;
  if (counts.double > counts.plain && counts.double >= counts.single) return 'double';
  if (counts.single > counts.plain) return 'single';
  return 'plain';
}

/**
 * Counts the quote style of a string scalar as evidence of the author's preference. A quoted
 * string that could not be plain (`"# x"`, `"yes"`) was forced, not chosen, so it does not count.
 */
function countQuote(node: Node | null | undefined, counts: Record<QuoteStyle, number>): void {
  if (!isScalar(node) || typeof node.value !== 'string') return;
  if (node.type !== Scalar.PLAIN && !isPlainSafe(node.value, false)) return;
  if (node.type === Scalar.QUOTE_DOUBLE) counts.double++;
  else if (node.type === Scalar.QUOTE_SINGLE) counts.single++;
  else if (node.type === Scalar.PLAIN) counts.plain++;
}

function sameLine(text: string, a: number, b: number): boolean {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  return text.indexOf('\n', lo) === -1 || text.indexOf('\n', lo) >= hi;
}
