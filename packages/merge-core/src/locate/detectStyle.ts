import { isCollection, isMap, isPair, isScalar, isSeq, Scalar, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { ParsedDocument } from '../parse/parseYaml.js';
import { columnOf, detectEol, indentAt, lineStart } from './lines.js';
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
  /** How new flow collections are written, copied from the document's own flow collections. */
  flow: FlowStyle;
  /**
   * Never write literal block scalars here: a comment line that follows the insertion point
   * deeper than the new text would become part of the literal's content.
   */
  noLiteral?: boolean;
}

/**
 * The layout of the document's flow collections (`{ a: 1 }`, `{"a": 1}`, JSON written one entry
 * per line), so new flow text reads like its neighbours: a key added to a JSON file is JSON.
 */
export interface FlowStyle {
  /** Quoting of keys in flow mappings: the majority of existing flow keys; default `plain`. */
  keys: QuoteStyle;
  /**
   * Spaces inside the braces of a one-line mapping (`{ a: 1 }` rather than `{a: 1}`): the
   * majority of existing one-line flow mappings; without any, true unless keys are double-quoted
   * (JSON style).
   */
  padded: boolean;
  /**
   * Nested collections written one entry per line, as the document writes the flow collections
   * nested inside its multi-line flow collections; default false (one line).
   */
  multiline: boolean;
  /** Indent step of multi-line flow collections; default the block indent width. */
  unit: number;
}

const NO_NODES: ReadonlySet<Node> = new Set();
const styles = new WeakMap<object, WeakMap<ReadonlySet<Node>, RenderStyle>>();

/**
 * The document's own style for new text: indent width (first nested block mapping found),
 * indentless or indented sequences (first block sequence under a key), the majority quote
 * style of string values, and its line break. Defaults: 2 spaces, indented, plain, `\n`.
 * Scalars in `notEvidence` do not count towards the quote style (see {@link localQuote}).
 */
export function documentStyle(text: string, document: ParsedDocument, notEvidence: ReadonlySet<Node> = NO_NODES): RenderStyle {
  const byEvidence = styles.get(document) ?? new WeakMap<ReadonlySet<Node>, RenderStyle>();
  styles.set(document, byEvidence);
  const cached = byEvidence.get(notEvidence);
  if (cached) return cached;
  let unit: number | null = null;
  let indentless: boolean | null = null;
  let seqUnit: number | undefined;
  const counts = { plain: 0, single: 0, double: 0 };
  const flow = { keys: { plain: 0, single: 0, double: 0 }, padded: 0, unpadded: 0, nestedMulti: 0, nestedInline: 0, unit: null as number | null };
  const visit = (node: Node | null, depth: number, inFlow = false): void => {
    if (depth > 64 || node === null) return;
    if (isCollection(node) && node.flow && node.items.length > 0) measureFlow(text, node, inFlow, flow);
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
        if (!notEvidence.has(value as Node)) countQuote(value, counts);
        visit(value, depth + 1, inFlow || Boolean(node.flow));
      }
    } else if (isSeq(node)) {
      for (const item of node.items as (Node | null)[]) {
        if (!notEvidence.has(item as Node)) countQuote(item, counts);
        visit(item, depth + 1, inFlow || Boolean(node.flow));
      }
    }
  };
  visit(document.doc.contents as Node | null, 0);
  const quote = majority(counts);
  const keys = majority(flow.keys);
  const width = unit ?? seqUnit ?? 2;
  const style: RenderStyle = {
    unit: width,
    indentless: indentless ?? false,
    quote,
    eol: detectEol(text),
    flow: {
      keys,
      padded: flow.padded + flow.unpadded > 0 ? flow.padded >= flow.unpadded : keys !== 'double',
      multiline: flow.nestedMulti > flow.nestedInline,
      unit: flow.unit ?? width,
    },
  };
  byEvidence.set(notEvidence, style);
  return style;
}

/**
 * Quote style of the string scalars directly inside `coll` (one level into mapping elements);
 * `fallback` (the document's) when none of them is evidence. Scalars in `notEvidence` do not
 * count: `applyChanges` passes the text at and under every path of its change set, which may be
 * text the engine wrote for an earlier pick (accept A, merge again, accept B), so that new text
 * is quoted the same whichever way a selection is split.
 */
export function localQuote(coll: YAMLMap | YAMLSeq, fallback: QuoteStyle, notEvidence: ReadonlySet<Node> = NO_NODES): QuoteStyle {
  const counts = { plain: 0, single: 0, double: 0 };
  const count = (node: Node | null | undefined): void => {
    if (node && !notEvidence.has(node)) countQuote(node, counts);
  };
  const items = coll.items as (Pair<Node | null, Node | null> | Node | null)[];
  for (const item of items.slice(0, 50)) {
    if (isMap(coll)) count((item as Pair<Node | null, Node | null>).value);
    else if (isMap(item)) for (const p of (item.items as Pair<Node | null, Node | null>[]).slice(0, 20)) count(p.value);
    else count(item as Node | null);
  }
  const total = counts.plain + counts.single + counts.double;
  return total === 0 ? fallback : majority(counts);
}

/** The quote style most counted (ties go to plain, then double). */
function majority(counts: Record<QuoteStyle, number>): QuoteStyle {
  if (counts.double > counts.plain && counts.double >= counts.single) return 'double';
  if (counts.single > counts.plain) return 'single';
  return 'plain';
}

/**
 * Evidence from one non-empty flow collection: its key quoting, the padding inside a one-line
 * mapping's braces, whether a nested one is written one entry per line, and the indent step of a
 * multi-line one (its first entry's column against the indentation of the line it opens on).
 */
function measureFlow(
  text: string,
  coll: YAMLMap | YAMLSeq,
  nested: boolean,
  flow: { keys: Record<QuoteStyle, number>; padded: number; unpadded: number; nestedMulti: number; nestedInline: number; unit: number | null },
): void {
  const open = coll.range![0];
  const first = firstItemStart(coll);
  if (first === null) return;
  const multiline = !sameLine(text, open, first);
  if (nested) {
    if (multiline) flow.nestedMulti++;
    else flow.nestedInline++;
  }
  if (multiline && flow.unit === null) {
    const d = columnOf(text, first) - indentAt(text, lineStart(text, open));
    if (d > 0) flow.unit = d;
  }
  if (!isMap(coll)) return;
  if (!multiline) {
    if (text[open + 1] === ' ') flow.padded++;
    else flow.unpadded++;
  }
  for (const pair of coll.items as Pair<Node | null, Node | null>[]) {
    const key = pair.key;
    if (!isScalar(key) || typeof key.value !== 'string') continue;
    if (key.type === Scalar.QUOTE_DOUBLE) flow.keys.double++;
    else if (key.type === Scalar.QUOTE_SINGLE) flow.keys.single++;
    else if (key.type === Scalar.PLAIN) flow.keys.plain++;
  }
}

/** Start of a collection's first entry (its key, for a mapping), or `null` when it has no range. */
function firstItemStart(coll: YAMLMap | YAMLSeq): number | null {
  const item = coll.items[0] as Pair<Node | null, Node | null> | Node | null;
  const node = isPair(item) ? (item.key ?? item.value) : item;
  return node?.range?.[0] ?? null;
}

/**
 * Counts the quote style of a string scalar as evidence of the author's preference. A quoted
 * string that could not be plain (`"# x"`, `"yes"`) was forced, not chosen, so it does not count;
 * nor does one that could not be plain inside a flow collection (`"a, b"`), which is how the
 * engine writes every new scalar: its own forced quotes never count as a choice.
 */
function countQuote(node: Node | null | undefined, counts: Record<QuoteStyle, number>): void {
  if (!isScalar(node) || typeof node.value !== 'string') return;
  if (node.type !== Scalar.PLAIN && !isPlainSafe(node.value, true)) return;
  if (node.type === Scalar.QUOTE_DOUBLE) counts.double++;
  else if (node.type === Scalar.QUOTE_SINGLE) counts.single++;
  else if (node.type === Scalar.PLAIN) counts.plain++;
}

function sameLine(text: string, a: number, b: number): boolean {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  return text.indexOf('\n', lo) === -1 || text.indexOf('\n', lo) >= hi;
}
