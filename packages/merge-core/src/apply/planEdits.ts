import { isCollection, isMap, isScalar, isSeq, Scalar, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { MergeError } from '../model/errors.js';
import { hasOwn, isJsonObject, setOwn, type JsonObject, type JsonValue } from '../model/json.js';
import { formatPath, type Path, type PathSegment } from '../model/path.js';
import type { ParsedFile } from '../parse/parseYaml.js';
import { aliasedAncestors, aliasesInto } from '../locate/aliasesOf.js';
import { documentStyle, localQuote, type RenderStyle } from '../locate/detectStyle.js';
import { blockItemSpans } from '../locate/itemSpans.js';
import { columnOf, indentAt, lineEnd, lineKind, lineStart } from '../locate/lines.js';
import { findElement, resolvePath, type NodeLocation } from '../locate/resolvePath.js';
import type { Edit } from './edit.js';
import {
  blockEnd,
  blockScalarIndent,
  colonEnd,
  isBlockCollection,
  isBlockScalar,
  isEmptyValue,
  keyColumn,
  propsStart,
} from './nodeText.js';
import { renderAfterKey, renderBlock, renderFlow, renderItem, renderPair } from './renderValue.js';
import { renderKey, renderLiteral, renderScalar } from './renderScalar.js';
import type { Splice } from './splice.js';

/** An entry to add to a collection, placed after `after` (an existing sibling index), first (-1) or last (null). */
interface Insertion {
  key: string | null;
  value: JsonValue;
  identity: PathSegment | null;
  after: number | null;
  /** For positional inserts: before this existing element index. */
  before?: number;
  seq: number;
  edit: number;
}

interface CollectionPlan {
  coll: YAMLMap | YAMLSeq;
  loc: NodeLocation;
  inserts: Insertion[];
  removes: Map<number, number>;
  order: { segments: PathSegment[]; edit: number } | null;
}

export interface EditPlan {
  splices: Splice[];
  /** Per edit index: the error that stopped it. */
  failed: Map<number, MergeError>;
}

/**
 * Turns edits into splices on the original text: each edit is resolved against the one parse,
 * grouped by the collection it changes, and rendered in that collection's local style.
 */
export function planEdits(file: ParsedFile, edits: readonly Edit[]): EditPlan {
  const text = file.text;
  const splices: Splice[] = [];
  const failed = new Map<number, MergeError>();
  const plans = new Map<Node, CollectionPlan>();
  const creations = new Map<Node | string, { loc: NodeLocation; value: JsonObject | JsonValue[]; edits: number[] }>();
  let seq = 0;
  /** Nodes an edit replaces or removes, with the edit, for alias bookkeeping. */
  const touched: { node: Node; edit: number; document: NodeLocation['document'] }[] = [];
  const planFor = (coll: YAMLMap | YAMLSeq, loc: NodeLocation): CollectionPlan => {
    let plan = plans.get(coll);
    if (!plan) plans.set(coll, (plan = { coll, loc, inserts: [], removes: new Map(), order: null }));
    return plan;
  };

  edits.forEach((edit, e) => {
    const res = resolvePath(file, edit.path);
    if (res.kind === 'error') {
      failed.set(e, res.error);
      return;
    }
    const id = formatPath(edit.path);
    if (edit.op === 'set') {
      if (res.kind === 'found') {
        const s = replaceSplice(file, res.at, edit.value, seq++);
        if (s instanceof MergeError) failed.set(e, s);
        else {
          splices.push({ ...s, edit: e });
          if (res.at.node) touched.push({ node: res.at.node, edit: e, document: res.at.document });
        }
        return;
      }
      const { at, missing } = res;
      const seg = edit.path[missing]!;
      const nested = nestValue(edit.path.slice(missing + 1), edit.value);
      if (nested instanceof MergeError) return failed.set(e, nested);
      const entry = entryFor(seg, nested);
      if (entry instanceof MergeError) return failed.set(e, withPath(entry, id));
      if (isEmptyValue(at.node) || (isScalar(at.node) && at.node.value === null)) {
        const key = at.node ?? `${at.depth}:${at.pair ? at.pair.key : ''}:${at.index}:${String(at.parent?.range?.[0])}`;
        let creation = creations.get(key);
        if (!creation) creations.set(key, (creation = { loc: at, value: entry.key !== null ? {} : [], edits: [] }));
        if (entry.key !== null && isJsonObject(creation.value)) setOwn(creation.value, entry.key, entry.value);
        else if (Array.isArray(creation.value)) creation.value.push(entry.value);
        else return failed.set(e, new MergeError('UNAPPLIABLE', `${id}: conflicting edits create the same value`, { path: id }));
        creation.edits.push(e);
        return;
      }
      const coll = at.node as YAMLMap | YAMLSeq;
      const plan = planFor(coll, at);
      let after: number | null = null;
      if (edit.after === null) after = -1;
      else if (edit.after) {
        const idx = isMap(coll) ? findKeyIndex(coll, edit.after) : findElement(coll, Array.isArray(at.value) ? at.value : [], edit.after);
        after = idx === -1 ? null : idx;
      }
      plan.inserts.push({ key: entry.key, value: entry.value, identity: seg, after, seq: seq++, edit: e });
      return;
    }
    if (edit.op === 'remove') {
      if (res.kind !== 'found') return failed.set(e, new MergeError('UNAPPLIABLE', `${id}: nothing to remove there`, { path: id }));
      const { at } = res;
      if (!at.parent) return failed.set(e, new MergeError('UNSUPPORTED', `${id}: cannot remove a document root`, { path: id }));
      planFor(at.parent, parentLocation(file, edit.path, at)).removes.set(at.index, e);
      if (at.node) touched.push({ node: at.node, edit: e, document: at.document });
      return;
    }
    if (res.kind !== 'found') return failed.set(e, new MergeError('UNAPPLIABLE', `${id}: no sequence there`, { path: id }));
    const { at } = res;
    if (edit.op === 'insert') {
      if (isEmptyValue(at.node) || (isScalar(at.node) && at.node.value === null && edit.index === 0)) {
        const key = at.node ?? `${at.depth}:${at.index}`;
        let creation = creations.get(key);
        if (!creation) creations.set(key, (creation = { loc: at, value: [], edits: [] }));
        if (Array.isArray(creation.value)) creation.value.push(edit.value);
        creation.edits.push(e);
        return;
      }
      if (!isSeq(at.node)) return failed.set(e, new MergeError('PATH_THROUGH_SCALAR', `${id}: not a sequence`, { path: id }));
      const n = at.node.items.length;
      if (!Number.isInteger(edit.index) || edit.index < 0 || edit.index > n) {
        return failed.set(e, new MergeError('UNAPPLIABLE', `${id}: index ${edit.index} is out of range 0..${n}`, { path: id }));
      }
      planFor(at.node, at).inserts.push({ key: null, value: edit.value, identity: null, after: null, before: edit.index < n ? edit.index : undefined, seq: seq++, edit: e } as Insertion);
      return;
    }
    if (!isSeq(at.node)) return failed.set(e, new MergeError('PATH_THROUGH_SCALAR', `${id}: not a sequence`, { path: id }));
    planFor(at.node, at).order = { segments: edit.order, edit: e };
  });

  for (const { loc, value, edits: es } of creations.values()) {
    const s = replaceSplice(file, loc, value, seq++);
    if (s instanceof MergeError) for (const e of es) failed.set(e, s);
    else splices.push(s);
  }
  for (const plan of plans.values()) {
    const result = collectionSplices(file, plan);
    if (result instanceof MergeError) {
      for (const i of plan.inserts) failed.set(i.edit, result);
      for (const e of plan.removes.values()) failed.set(e, result);
      if (plan.order) failed.set(plan.order.edit, result);
    } else splices.push(...result);
  }
  keepAliasValues(file, touched, splices, failed);
  return { splices: splices.filter((s) => s.edit === undefined || !failed.has(s.edit)), failed };
}

/**
 * An edited or removed node may carry an anchor that aliases elsewhere refer to; those alias
 * sites must keep their value, so each one is written out as the anchored node's original text
 * (inline nodes only; a block node behind an alias is refused for that edit).
 */
function keepAliasValues(
  file: ParsedFile,
  touched: readonly { node: Node; edit: number; document: NodeLocation['document'] }[],
  splices: Splice[],
  failed: Map<number, MergeError>,
): void {
  if (touched.length === 0 || !file.text.includes('&')) return;
  const touchedNodes = new Set(touched.map((t) => t.node));
  for (const { node, edit, document } of touched) {
    if (failed.has(edit)) continue;
    const outer = aliasedAncestors(document.doc, node);
    if (outer.length > 0) {
      failed.set(edit, new MergeError('UNSUPPORTED', `the edited node is inside &${outer[0]}, which alias *${outer[0]} repeats elsewhere; edit it by hand`));
      continue;
    }
    for (const { alias, target } of aliasesInto(document.doc, node)) {
      if (touchedNodes.has(alias)) continue;
      if (isBlockCollection(target) || isBlockScalar(target) || !target.range) {
        failed.set(edit, new MergeError('UNSUPPORTED', `the edited node is a block with an anchor that alias *${alias.source} refers to; edit the alias sites first`));
        break;
      }
      splices.push({ start: alias.range![0], end: alias.range![1], text: file.text.slice(propsStartOrTag(file.text, target), target.range[1]), seq: -1, edit });
    }
  }
}

/** The anchored node's text without its anchor (tags kept). */
function propsStartOrTag(text: string, node: Node): number {
  const start = propsStart(text, node);
  const props = text.slice(start, node.range![0]);
  const tag = /(^|\s)(![^\s]*)/.exec(props);
  return tag ? start + props.indexOf(tag[2]!) : node.range![0];
}

function withPath(error: MergeError, path: string): MergeError {
  return new MergeError(error.code, `${path}: ${error.message}`, { path });
}

function parentLocation(file: ParsedFile, path: Path, at: NodeLocation): NodeLocation {
  const res = resolvePath(file, path.slice(0, -1));
  return res.kind === 'found' ? res.at : at;
}

function findKeyIndex(map: YAMLMap, seg: PathSegment): number {
  if (seg.kind !== 'key') return -1;
  return map.items.findIndex((p) => {
    const k = p.key as Node | null;
    return (isScalar(k) ? String(k.value) : String(k)) === seg.key;
  });
}

/** Builds `{a: {b: value}}` for the key segments after the first missing one. */
function nestValue(tail: Path, value: JsonValue): JsonValue | MergeError {
  let out = value;
  for (let i = tail.length - 1; i >= 0; i--) {
    const seg = tail[i]!;
    const entry = entryFor(seg, out);
    if (entry instanceof MergeError) return entry;
    if (entry.key !== null) {
      const obj: JsonObject = {};
      setOwn(obj, entry.key, entry.value);
      out = obj;
    } else out = [entry.value];
  }
  return out;
}

/** What a missing segment adds to its container: a key with a value, or an element. */
function entryFor(seg: PathSegment, value: JsonValue): { key: string | null; value: JsonValue } | MergeError {
  switch (seg.kind) {
    case 'key':
      return { key: seg.key, value };
    case 'keyed': {
      if (value === null) {
        const element: JsonObject = {};
        setOwn(element, seg.key, seg.value);
        return { key: null, value: element };
      }
      if (!isJsonObject(value)) return new MergeError('UNAPPLIABLE', 'a keyed element must be a mapping');
      if (hasOwn(value, seg.key)) return { key: null, value };
      const element: JsonObject = {};
      setOwn(element, seg.key, seg.value);
      for (const k of Object.keys(value)) setOwn(element, k, value[k]!);
      return { key: null, value: element };
    }
    case 'value':
      return { key: null, value };
    case 'index':
      return new MergeError('UNAPPLIABLE', `index ${seg.index} does not exist`);
    case 'document':
      return new MergeError('UNAPPLIABLE', `no document ${seg.id}`);
  }
}

/** The style for text written into `coll` (its own quotes, the document's indent and line breaks). */
function styleIn(file: ParsedFile, loc: NodeLocation, coll: YAMLMap | YAMLSeq | null): RenderStyle {
  const base = documentStyle(file.text, loc.document);
  return coll ? { ...base, quote: localQuote(coll, base.quote) } : base;
}

/** Column at which the value of `loc` is written when it becomes a block. */
function ownerColumn(text: string, loc: NodeLocation): number {
  if (loc.pair) return keyColumn(text, loc.pair);
  return loc.parent && loc.node?.range ? columnOf(text, loc.node.range[0]) : 0;
}

/** A splice replacing the value at `loc` with `value`, in the style of the text around it. */
export function replaceSplice(file: ParsedFile, loc: NodeLocation, value: JsonValue, seq: number): Splice | MergeError {
  const { text } = file;
  const node = loc.node;
  const parent = loc.parent;
  const inFlow = Boolean(parent?.flow);
  const style = { ...styleIn(file, loc, parent), noLiteral: commentFollows(text, loc) };
  const isColl = (Array.isArray(value) && value.length > 0) || (isJsonObject(value) && Object.keys(value).length > 0);
  const scalarText = (quoteFrom: Node | null): string => {
    if (isColl) return renderFlow(value, style);
    if (typeof value === 'string' && isScalar(quoteFrom) && typeof quoteFrom.value === 'string') {
      const q = quoteFrom.type === Scalar.QUOTE_DOUBLE ? 'double' : quoteFrom.type === Scalar.QUOTE_SINGLE ? 'single' : quoteFrom.type === Scalar.PLAIN ? 'plain' : style.quote;
      return renderScalar(value, q, inFlow);
    }
    return renderFlow(value, style);
  };

  // an empty value (`key:`): write after the colon
  if (isEmptyValue(node)) {
    if (loc.pair) {
      const at = colonEnd(text, loc.pair);
      const out = renderAfterKey(value, keyColumn(text, loc.pair), style);
      return { start: at, end: at, text: stripEol(out, style.eol), seq };
    }
    if (node?.range) {
      const at = node.range[0];
      const t = isColl && !inFlow ? stripEol(renderBlock(value, 0, style), style.eol) : scalarText(null);
      return { start: at, end: at, text: t, seq };
    }
    return new MergeError('UNSUPPORTED', 'cannot write into an empty document');
  }
  const n = node!;
  const range = n.range!;
  const flowNode = isCollection(n) && n.flow;
  if (inFlow || flowNode || (!isBlockCollection(n) && !isBlockScalar(n) && !isColl)) {
    // inline text replaced by inline text (a flow collection stays flow)
    let start = range[0];
    if ((n as { tag?: string }).tag && typeof value !== 'string') start = propsStart(text, n);
    const t = isColl ? renderFlow(value, style) : scalarText(n);
    // an empty scalar right after its tag (`!!str,`) needs a separating space
    const pad = range[0] === range[1] && start > 0 && !/[\s[{,:]/.test(text[start - 1]!) ? ' ' : '';
    return { start, end: range[1], text: pad + t, seq };
  }
  if (isBlockScalar(n)) {
    const hasEol = text[range[1] - 1] === '\n';
    const col = ownerColumn(text, loc);
    if (typeof value === 'string') {
      const literal = renderLiteral(value, blockScalarIndent(text, n, col + style.unit), style.eol);
      if (literal !== null) return { start: propsStart(text, n), end: range[1], text: hasEol ? literal : stripEol(literal, style.eol), seq };
    }
    if (!isColl) {
      const t = scalarText(null);
      return { start: propsStart(text, n), end: range[1], text: hasEol ? t + style.eol : t, seq };
    }
    if (loc.pair) {
      return { start: colonEnd(text, loc.pair), end: range[1], text: maybeEol(renderAfterKey(value, col, style), hasEol, style.eol), seq };
    }
    return { start: propsStart(text, n), end: range[1], text: maybeEol(renderBlock(value, col, style).trimStart(), hasEol, style.eol), seq };
  }
  // block collection, or a scalar becoming a block collection
  const { end, hasEol } = isBlockCollection(n) ? blockEnd(text, n) : { end: range[1], hasEol: false };
  const replacement = (t: string): string => (isBlockCollection(n) ? maybeEol(t, hasEol, style.eol) : stripEol(t, style.eol));
  if (loc.pair) {
    const col = keyColumn(text, loc.pair);
    if (!isBlockCollection(n)) {
      // a scalar becoming a block: its trailing comment stays on the key's line
      const eolAt = lineEnd(text, range[1]);
      const rest = text.slice(range[1], eolAt).replace(/\r?\n$/, '');
      const comment = rest.trim().startsWith('#') ? ` ${rest.trim()}` : '';
      const end2 = comment ? range[1] + rest.length : range[1];
      return { start: colonEnd(text, loc.pair), end: end2, text: comment + stripEol(renderAfterKey(value, col, style), style.eol), seq };
    }
    return { start: colonEnd(text, loc.pair), end, text: replacement(renderAfterKey(value, col, style)), seq };
  }
  if (isSeq(parent)) {
    const dash = parent.flow ? 0 : (blockItemSpans(text, parent)[loc.index]?.col ?? 0);
    const item = renderItem(value, dash, style, true).slice(2);
    return { start: isBlockCollection(n) ? range[0] : propsStart(text, n), end, text: replacement(item), seq };
  }
  const col = columnOf(text, range[0]);
  return { start: range[0], end, text: replacement(renderBlock(value, col, style).slice(col)), seq };
}

/**
 * True when a comment line follows the node at `loc` indented deeper than its owner: a literal
 * block written there would swallow it.
 */
function commentFollows(text: string, loc: NodeLocation): boolean {
  const node = loc.node;
  if (!node?.range) return false;
  const owner = ownerColumn(text, loc);
  let at = isBlockCollection(node) ? blockEnd(text, node).end : lineEnd(text, Math.max(node.range[0], node.range[1] - 1));
  while (at < text.length && lineKind(text, at) === 'blank') at = lineEnd(text, at);
  return at < text.length && lineKind(text, at) === 'comment' && indentAt(text, at) > owner;
}

function stripEol(t: string, eol: string): string {
  return t.endsWith(eol) ? t.slice(0, -eol.length) : t;
}

function maybeEol(t: string, hasEol: boolean, eol: string): string {
  return hasEol ? t : stripEol(t, eol);
}

/** Splices for the inserts, removals and reordering of one collection. */
function collectionSplices(file: ParsedFile, plan: CollectionPlan): Splice[] | MergeError {
  const { coll, loc } = plan;
  const { text } = file;
  const style = styleIn(file, loc, coll);
  const n = coll.items.length;
  if (plan.removes.size === n && plan.inserts.length === 0 && n > 0) {
    const s = replaceSplice(file, loc, isMap(coll) ? {} : [], plan.removes.values().next().value ?? 0);
    return s instanceof MergeError ? s : [s];
  }
  if (coll.flow) return flowSplices(file, plan, style);
  const spans = blockItemSpans(text, coll);
  const col = spans[0]?.col ?? 0;
  const render = (ins: Insertion): string =>
    ins.key !== null ? renderPair(ins.key, ins.value, col, style) : renderItem(ins.value, col, style);
  if (plan.order) return [orderSplice(file, plan, spans, render, style.eol)];
  const out: Splice[] = [];
  const removedFirstMidLine = spans[0]?.midLine && plan.removes.has(0);
  for (const [index, e] of plan.removes) {
    const span = spans[index]!;
    if (span.midLine) {
      const next = spans[index + 1];
      if (!next) return new MergeError('UNSUPPORTED', 'cannot remove the only entry of a compact mapping');
      out.push({ start: span.itemStart, end: next.itemStart, text: '', seq: e, edit: e });
    } else if (removedFirstMidLine && index === 1) {
      out.push({ start: spans[0]!.end, end: span.end, text: '', seq: e, edit: e });
    } else {
      out.push({ start: span.start, end: span.end, text: '', seq: e, edit: e });
    }
  }
  const eol = style.eol;
  for (const ins of [...plan.inserts].sort((a, b) => a.seq - b.seq)) {
    const anchor = ins.before !== undefined ? ins.before - 1 : ins.after === null ? n - 1 : ins.after;
    if (anchor < 0) {
      const first = spans[0]!;
      if (first.midLine) {
        out.push({ start: first.itemStart, end: first.itemStart, text: render(ins).slice(col) + ' '.repeat(col), seq: ins.seq });
      } else out.push({ start: first.start, end: first.start, text: render(ins), seq: ins.seq });
    } else {
      const span = spans[anchor]!;
      const lead = text[span.end - 1] === '\n' || span.end === 0 ? '' : eol;
      const body = render(ins);
      out.push({ start: span.end, end: span.end, text: lead === '' ? body : lead + stripEol(body, eol), seq: ins.seq });
    }
  }
  return out;
}

/**
 * The region of a sequence rebuilt in the new order: each element's own text (with the edits
 * inside it) moves, the gaps between elements (blank lines, detached comments, flow separators)
 * stay in place. `eol` is the line break for block sequences, `null` for flow ones.
 */
function orderSplice(
  file: ParsedFile,
  plan: CollectionPlan,
  spans: readonly { start: number; end: number }[],
  render: (ins: Insertion) => string,
  eol: string | null,
): Splice {
  const { coll, loc } = plan;
  const { text } = file;
  const values = Array.isArray(loc.value) ? loc.value : [];
  const used = new Set<number>();
  const placed = new Set<Insertion>();
  const sequence: ({ index: number } | { ins: Insertion })[] = [];
  const byIdentity = new Map<string, Insertion[]>();
  for (const i of plan.inserts) if (i.identity) byIdentity.set(JSON.stringify(i.identity), [...(byIdentity.get(JSON.stringify(i.identity)) ?? []), i]);
  for (const seg of plan.order!.segments) {
    const idx = isSeq(coll) ? findElement(coll, values, seg) : findKeyIndex(coll, seg);
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
  return {
    start,
    end,
    seq: plan.order!.edit,
    build: (sub) => {
      let out = '';
      sequence.forEach((entry, k) => {
        let chunk = 'index' in entry ? sub(spans[entry.index]!.start, spans[entry.index]!.end) : render(entry.ins);
        if (eol !== null && !chunk.endsWith('\n')) chunk += eol;
        out += chunk;
        if (k < sequence.length - 1) out += gaps[k] ?? (eol === null ? ', ' : '');
      });
      return eol === null || text[end - 1] === '\n' ? out : out.replace(/\r?\n$/, '');
    },
  };
}

/** Inserts and removals in a flow collection (`[a, b]`, `{ a: 1 }`), separators kept tidy. */
function flowSplices(file: ParsedFile, plan: CollectionPlan, style: RenderStyle): Splice[] | MergeError {
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
  const one = (ins: Insertion): string =>
    ins.key !== null ? `${renderKey(ins.key, true)}: ${renderFlow(ins.value, style)}` : renderFlow(ins.value, style);
  if (plan.order && bounds.length > 0) return [orderSplice(file, plan, bounds.map(([start, end]) => ({ start, end })), one, null)];
  if (coll.items.length === 0) {
    const all = [...plan.inserts].sort((a, b) => a.seq - b.seq).map(one).join(', ');
    const r = coll.range!;
    return [{ start: r[0], end: r[1], text: isMap(coll) ? `{ ${all} }` : `[${all}]`, seq: 0 }];
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
  const sep = bounds.length > 1 ? text.slice(bounds[0]![1], bounds[1]![0]) : ', ';
  const separator = /^\s*,\s*$/.test(sep) && !sep.includes('\n') ? sep : ', ';
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
