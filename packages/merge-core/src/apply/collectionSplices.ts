import { isMap, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { MergeError } from '../model/errors.js';
import type { JsonValue } from '../model/json.js';
import type { PathSegment } from '../model/path.js';
import type { RenderStyle } from '../locate/detectStyle.js';
import { blockItemSpans, type ItemSpan } from '../locate/itemSpans.js';
import { findIn } from '../locate/findIn.js';
import { blankLinesEnd, keepChompEnds } from '../locate/keepChompEnds.js';
import { findKey, type NodeLocation } from '../locate/resolvePath.js';
import { columnOf, lineKind, lineStart } from '../locate/lines.js';
import { propsStart } from '../locate/propsStart.js';
import { renderFlow, renderItem, renderPair } from './renderValue.js';
import { renderKey } from './renderScalar.js';
import { replaceSplice, stripEol, styleIn } from './replaceSplice.js';
import type { Splice } from './splice.js';
import type { WriteTarget } from './writeTarget.js';

/** An entry to add to a collection, placed after `after` (an existing sibling index), first (-1) or last (null). */
export interface Insertion {
  key: string | null;
  value: JsonValue;
  identity: PathSegment | null;
  after: number | null;
  /** For positional inserts: before this existing element index. */
  before?: number;
  seq: number;
  edit: number;
}

export interface CollectionPlan {
  coll: YAMLMap | YAMLSeq;
  loc: NodeLocation;
  inserts: Insertion[];
  removes: Map<number, number>;
  order: { segments: PathSegment[]; edit: number } | null;
}

/** Splices for the inserts, removals and reordering of one collection. */
export function collectionSplices(file: WriteTarget, plan: CollectionPlan): Splice[] | MergeError {
  const { coll, loc } = plan;
  const { text } = file;
  const style = styleIn(file, loc, coll);
  const n = coll.items.length;
  if (plan.removes.size === n && plan.inserts.length === 0 && n > 0) {
    const s = replaceSplice(file, loc, isMap(coll) ? {} : [], plan.removes.values().next().value ?? 0);
    if (s instanceof MergeError) return s;
    // a block collection written over from the start of its line (a document's root) takes the
    // blank lines above it too, as removing its entries one by one does
    if (!coll.flow && (s.start === 0 || text[s.start - 1] === '\n')) s.start = blankLinesAbove(text, s.start);
    return [s];
  }
  if (coll.flow) return flowSplices(file, plan, style);
  const spans = blockItemSpans(text, coll);
  const col = spans[0]?.col ?? 0;
  const render = (ins: Insertion, st: RenderStyle = style): string =>
    ins.key !== null ? renderPair(ins.key, ins.value, col, st) : renderItem(ins.value, col, st);
  // the very end of a text without a final line break: no literal block (readers disagree on its end)
  const renderAtEnd = (ins: Insertion): string => render(ins, { ...style, noLiteral: true });
  const keepEnds = keepChompEnds(file);
  // a region that ends the text without a final line break writes no literal block either
  const regionAtEnd = file.eolAdded && (spans[spans.length - 1]?.end ?? 0) >= text.length;
  if (plan.order) return orderSplices(file, plan, spans, regionAtEnd ? renderAtEnd : render, style.eol, keepEnds, regionAtEnd || !file.eolAdded ? null : renderAtEnd);
  const out: Splice[] = removalSplices(text, spans, plan, keepEnds);
  if (out.length === 1 && out[0]!.start === -1) {
    return new MergeError('UNSUPPORTED', 'cannot remove every entry of a compact mapping and add others in one step');
  }
  const eol = style.eol;
  for (const ins of [...plan.inserts].sort((a, b) => a.seq - b.seq)) {
    const anchor = ins.before !== undefined ? ins.before - 1 : ins.after === null ? n - 1 : ins.after;
    // the new entry may end the output after all (later entries removed: settleTextEnd)
    const alternate = (t: string, tAtEnd: string): Pick<Splice, 'text' | 'textAtEnd'> =>
      file.eolAdded && tAtEnd !== t ? { text: t, textAtEnd: tAtEnd } : { text: t };
    if (anchor < 0) {
      const first = spans[0]!;
      if (first.midLine) {
        out.push({ start: first.itemStart, end: first.itemStart, text: render(ins).slice(col) + ' '.repeat(col), seq: ins.seq });
      } else out.push({ start: first.start, end: first.start, ...alternate(render(ins), renderAtEnd(ins)), seq: ins.seq });
    } else {
      const span = spans[anchor]!;
      const lead = text[span.end - 1] === '\n' || span.end === 0 ? '' : eol;
      const atEnd = lead !== '' || (file.eolAdded && span.end >= text.length);
      const written = (body: string): string => (lead === '' ? body : lead + stripEol(body, eol));
      const body = written(renderAtEnd(ins));
      out.push({ start: span.end, end: span.end, ...(atEnd ? { text: body } : alternate(written(render(ins)), body)), seq: ins.seq });
    }
  }
  return out;
}

/**
 * Removals in a block collection, each taking its element's own lines. A compact collection
 * (`- a: 1` / `  b: 2`) that loses its first entries keeps its indicator and continues with the
 * first kept entry (one joined range). A text that ends without a line break keeps ending without
 * one: `applyEdits` drops the line break such a removal leaves last. An element that follows a
 * keep-chomped block scalar (`|+`) also takes the blank lines after it (a separate splice, so an
 * insertion after the element still lands): left there, they would join the scalar's value.
 */
function removalSplices(text: string, spans: readonly ItemSpan[], plan: CollectionPlan, keepEnds: ReadonlySet<number>): Splice[] {
  const out: Splice[] = [];
  const removed = [...plan.removes.keys()].sort((a, b) => a - b);
  let from = 0;
  if (spans[0]?.midLine && plan.removes.has(0)) {
    let k = 0;
    while (plan.removes.has(k)) k++;
    const next = spans[k];
    if (!next) return [{ start: -1, end: -1, text: '', seq: 0 }];
    out.push({ start: spans[0].itemStart, end: next.itemStart, text: '', seq: plan.removes.get(0)!, edit: plan.removes.get(0)! });
    from = k;
  }
  // where the text now continues right after a keep-chomped scalar (past earlier removals)
  let afterKeep = -1;
  for (const i of removed) {
    if (i < from) continue;
    const span = spans[i]!;
    const e = plan.removes.get(i)!;
    out.push({ start: span.start, end: span.end, text: '', seq: e, edit: e });
    if (!keepEnds.has(span.start) && span.start !== afterKeep) continue;
    afterKeep = blankLinesEnd(text, span.end);
    if (afterKeep > span.end) out.push({ start: span.end, end: afterKeep, text: '', seq: e, edit: e });
  }
  return [...out, ...gapSplices(text, spans, plan, keepEnds, from, out)];
}

/**
 * The blank lines a run of removed elements leaves: those between removed elements and those
 * right above the run (the gap after the element before it, or the blank lines before the first
 * element of the collection), so no blank line is left where the run was, and removing elements
 * one at a time or together gives the same text. Blank lines above an entry travel with it, as
 * its comments do. Gaps holding anything but blank lines (a detached comment) stay, and so do the
 * blank lines that end a keep-chomped scalar's value.
 */
function gapSplices(text: string, spans: readonly ItemSpan[], plan: CollectionPlan, keepEnds: ReadonlySet<number>, from: number, taken: readonly Splice[]): Splice[] {
  const out: Splice[] = [];
  const blankRun = (start: number, end: number, seq: number): void => {
    if (end <= start || keepEnds.has(end) || !/^(?:[ \t]*\r?\n)+$/.test(text.slice(start, end))) return;
    if (taken.some((t) => t.start < end && start < t.end)) return;
    out.push({ start, end, text: '', seq, edit: seq });
  };
  for (let p = from; p < spans.length; p++) {
    if (!plan.removes.has(p) || spans[p]!.midLine) continue;
    let q = p;
    while (plan.removes.has(q + 1)) q++;
    for (let k = p; k < q; k++) blankRun(spans[k]!.end, spans[k + 1]!.start, plan.removes.get(k + 1)!);
    const first = spans[p]!.start;
    blankRun(p > 0 ? spans[p - 1]!.end : blankLinesAbove(text, first), first, plan.removes.get(p)!);
    p = q;
  }
  return out;
}

/** Where the blank lines right above the line starting at `at` begin (`at` when there are none). */
function blankLinesAbove(text: string, at: number): number {
  let start = at;
  while (start > 0 && lineKind(text, lineStart(text, start - 1)) === 'blank') start = lineStart(text, start - 1);
  return start;
}

/**
 * The region of a sequence rebuilt in the new order: each element's own text (with the edits
 * inside it) moves, the gaps between elements (blank lines, detached comments, flow separators)
 * stay in place. `eol` is the line break for block sequences, `null` for flow ones. An element
 * ending in a keep-chomped block scalar (`|+`, whose value holds the blank lines it ends with) is
 * never followed by blank lines it did not have: the gap after it in the new order starts at its
 * first non-blank line, and when it comes last, the blank lines after the region go (a second
 * splice); else they would join its value.
 */
function orderSplices(
  file: WriteTarget,
  plan: CollectionPlan,
  spans: readonly { start: number; end: number }[],
  render: (ins: Insertion) => string,
  eol: string | null,
  keepEnds: ReadonlySet<number>,
  renderAtEnd: ((ins: Insertion) => string) | null = null,
): Splice[] {
  const { coll, loc } = plan;
  const { text } = file;
  const values = Array.isArray(loc.value) ? loc.value : [];
  const used = new Set<number>();
  const placed = new Set<Insertion>();
  const sequence: ({ index: number } | { ins: Insertion })[] = [];
  const byIdentity = new Map<string, Insertion[]>();
  for (const i of plan.inserts) if (i.identity) byIdentity.set(JSON.stringify(i.identity), [...(byIdentity.get(JSON.stringify(i.identity)) ?? []), i]);
  for (const seg of plan.order!.segments) {
    const idx = isSeq(coll) ? findIn(values, seg) : seg.kind === 'key' ? findKey(coll, seg.key, loc.document.doc) : -1;
    if (idx !== -1 && !used.has(idx)) {
      used.add(idx);
      if (!plan.removes.has(idx)) sequence.push({ index: idx });
      continue;
    }
    const ins = byIdentity.get(JSON.stringify(seg))?.find((i) => !placed.has(i));
    if (ins) {
      placed.add(ins);
      sequence.push({ ins });
    }
  }
  for (let i = 0; i < spans.length; i++) if (!used.has(i) && !plan.removes.has(i)) sequence.push({ index: i });
  for (const ins of plan.inserts) if (!placed.has(ins)) sequence.push({ ins });
  const start = spans[0]!.start;
  const last = spans[spans.length - 1]!;
  const end = last.end;
  const gaps: string[] = [];
  for (let i = 0; i + 1 < spans.length; i++) gaps.push(text.slice(spans[i]!.end, spans[i + 1]!.start));
  const endsKept = (entry: { index: number } | { ins: Insertion } | undefined): boolean =>
    eol !== null && entry !== undefined && 'index' in entry && keepEnds.has(spans[entry.index]!.end);
  const lastKept = endsKept(sequence[sequence.length - 1]);
  const build = (write: (ins: Insertion) => string) => (sub: (a: number, b: number) => string): string => {
    let out = '';
    sequence.forEach((entry, k) => {
      let chunk = 'index' in entry ? sub(spans[entry.index]!.start, spans[entry.index]!.end) : write(entry.ins);
      if (eol !== null && !chunk.endsWith('\n')) chunk += eol;
      out += chunk;
      if (k === sequence.length - 1) return;
      const gap = gaps[k] ?? (eol === null ? ', ' : '');
      out += endsKept(entry) ? gap.slice(blankLinesEnd(gap, 0)) : gap;
    });
    return eol === null || text[end - 1] === '\n' || lastKept ? out : out.replace(/\r?\n$/, '');
  };
  const region: Splice = { start, end, seq: plan.order!.edit, build: build(render) };
  // the region may end the output after all (what follows it removed: settleTextEnd)
  if (renderAtEnd && plan.inserts.length > 0) region.buildAtEnd = build(renderAtEnd);
  const blanksAfter = lastKept ? blankLinesEnd(text, end) : end;
  return blanksAfter > end ? [region, { start: end, end: blanksAfter, text: '', seq: plan.order!.edit, edit: plan.order!.edit }] : [region];
}

/** Inserts and removals in a flow collection (`[a, b]`, `{ a: 1 }`), separators kept tidy. */
function flowSplices(file: WriteTarget, plan: CollectionPlan, style: RenderStyle): Splice[] | MergeError {
  const { coll } = plan;
  const { text } = file;
  const bounds = coll.items.map((item) => {
    if (isMap(coll)) {
      const pair = item as Pair;
      const k = pair.key as Node | null;
      const v = pair.value as Node | null;
      return [k?.range ? propsStart(text, k) : 0, v?.range?.[1] ?? k?.range?.[1] ?? 0] as const;
    }
    const node = item as Node | null;
    return [node?.range ? propsStart(text, node) : 0, node?.range?.[1] ?? 0] as const;
  });
  // a multi-line collection (one entry per line, as JSON is written) takes new entries on lines of their own
  const multiline = bounds.length > 0 && !/^[^\n]*$/.test(text.slice(coll.range![0], bounds[0]![0]));
  const col = multiline ? columnOf(text, bounds[0]![0]) : null;
  const one = (ins: Insertion): string =>
    ins.key !== null ? `${renderKey(ins.key, true, style.flow.keys)}: ${renderFlow(ins.value, style, col)}` : renderFlow(ins.value, style, col);
  if (plan.order && bounds.length > 0) return orderSplices(file, plan, bounds.map(([start, end]) => ({ start, end })), one, null, new Set());
  if (coll.items.length === 0) {
    const all = [...plan.inserts].sort((a, b) => a.seq - b.seq).map(one).join(', ');
    const r = coll.range!;
    return [{ start: r[0], end: r[1], text: isMap(coll) ? (style.flow.padded ? `{ ${all} }` : `{${all}}`) : `[${all}]`, seq: 0 }];
  }
  // rebuild the items region: kept items keep their text (and the edits inside them)
  const inserts = [...plan.inserts].sort((a, b) => a.seq - b.seq);
  const byAnchor = new Map<number, Insertion[]>();
  for (const x of inserts) {
    const anchor = x.before !== undefined ? x.before - 1 : x.after === null ? bounds.length - 1 : x.after;
    byAnchor.set(anchor, [...(byAnchor.get(anchor) ?? []), x]);
  }
  const anchored = (i: number): Insertion[] => byAnchor.get(i) ?? [];
  const sequence: ({ index: number } | { ins: Insertion })[] = anchored(-1).map((ins) => ({ ins }));
  bounds.forEach((_, i) => {
    if (!plan.removes.has(i)) sequence.push({ index: i });
    for (const ins of anchored(i)) sequence.push({ ins });
  });
  const sep = bounds.length > 1 ? text.slice(bounds[0]![1], bounds[1]![0]) : null;
  const separator =
    sep !== null && /^[ \t]*,[ \t]*(\r?\n[ \t]*)?$/.test(sep) && sep.includes('\n') === multiline ? sep : multiline ? `,${style.eol}${' '.repeat(col!)}` : ', ';
  const gaps = bounds.slice(1).map((b, k) => text.slice(bounds[k]![1], b[0]));
  const start = bounds[0]![0];
  const end = bounds[bounds.length - 1]![1];
  return [
    {
      start,
      end,
      seq: inserts[0]?.seq ?? 0,
      build: (sub) =>
        sequence
          .map((e, k) => ('index' in e ? sub(bounds[e.index]![0], bounds[e.index]![1]) : one(e.ins)) + (k < sequence.length - 1 ? (gaps[k] ?? separator) : ''))
          .join(''),
    },
  ];
}
