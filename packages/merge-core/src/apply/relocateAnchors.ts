import { isMap, isSeq, type Node } from 'yaml';
import { MergeError } from '../model/errors.js';
import { findNonJson, type JsonValue } from '../model/json.js';
import type { ParsedDocument, ParsedFile } from '../parse/parseYaml.js';
import { aliasedAround, aliasedWithin, aliasesOf, hasAliases, type AliasSite } from '../locate/aliasesOf.js';
import { documentStyle } from '../locate/detectStyle.js';
import { columnOf, indentAt, lineEnd, lineKind, lineStart } from '../locate/lines.js';
import { propsStart } from '../locate/propsStart.js';
import { blockEnd, isBlockCollection, isBlockScalar, keyColumn } from './nodeText.js';
import { renderFlow } from './renderValue.js';
import { renderScalar } from './renderScalar.js';
import { applySplices, type Splice } from './splice.js';

/**
 * A node an edit changes: `replaced` / `removed` (its value goes), `inside` (an entry is added to
 * or removed from it), `reordered` (it moves within its sequence).
 */
export interface Touch {
  node: Node;
  edit: number;
  document: ParsedDocument;
  how: 'replaced' | 'removed' | 'inside' | 'reordered';
}

/** What an edit does to an anchored node: its value goes or changes, or only its place. */
type Fate = 'gone' | 'altered' | 'moved';
const RANK: Record<Fate, number> = { moved: 0, altered: 1, gone: 2 };

/**
 * Keeps every alias repeating the value it had when the anchored node it names is edited,
 * removed or moved after it (YAML resolves an alias to the anchor before it). The minimal change:
 * the anchor moves to the first alias that remains in the output, which becomes the anchored
 * node's original text (`a: &x 1`, `b: *x`, `c: *x` with `a` edited gives `a: 2`, `b: &x 1`,
 * `c: *x`); the other aliases stay as they are. A block node moves re-indented for its new place.
 * An anchor whose aliases all come after it where it stays is left alone. Where the original text
 * cannot stand at the alias (a block node at an alias inside a flow collection or used as a key)
 * the edit fails with `UNSUPPORTED` and nothing is written for it.
 */
export function relocateAnchors(file: ParsedFile, touched: readonly Touch[], splices: Splice[], failed: Map<number, MergeError>): void {
  if (touched.length === 0 || !file.text.includes('*')) return;
  const affected = new Map<Node, { fate: Fate; edit: number; document: ParsedDocument }>();
  const mark = (node: Node, fate: Fate, t: Touch): void => {
    const known = affected.get(node);
    if (!known || RANK[fate] > RANK[known.fate]) affected.set(node, { fate, edit: t.edit, document: t.document });
  };
  for (const t of touched) {
    const doc = t.document.doc;
    if (failed.has(t.edit) || !hasAliases(doc)) continue;
    if (t.how === 'inside') {
      if (aliasesOf(doc, t.node).length > 0) mark(t.node, 'altered', t);
    } else for (const node of aliasedWithin(doc, t.node)) mark(node, t.how === 'reordered' ? 'moved' : 'gone', t);
    for (const node of aliasedAround(doc, t.node)) mark(node, 'altered', t);
  }
  if (affected.size === 0) return;

  // where each alias and anchor ends up: probes spliced in with the edits, then found in the output
  const { text } = file;
  const offsets: number[] = [];
  const probe = (offset: number): number => offsets.push(offset) - 1;
  const plans = [...affected].map(([node, info]) => {
    const token = anchorToken(text, node);
    return { node, info, token, tokenProbe: token ? probe(token.start + 1) : -1, sites: aliasesOf(info.document.doc, node).map((site) => ({ site, probe: probe(site.alias.range![0] + 1) })) };
  });
  const live = splices.filter((s) => s.edit === undefined || !failed.has(s.edit));
  const at = probePositions(text, live, offsets);
  if (at === null) return;
  for (const { node, info, token, tokenProbe, sites } of plans) {
    if (failed.has(info.edit)) continue;
    const remaining = sites.filter((s) => at[s.probe]! >= 0).sort((a, b) => at[a.probe]! - at[b.probe]!);
    const first = remaining[0];
    if (!first) continue;
    const tokenStays = token !== null && at[tokenProbe]! >= 0;
    if (info.fate === 'moved' && (!tokenStays || at[tokenProbe]! < at[first.probe]!)) continue;
    const definition = definitionAt(file, info.document, node, first.site);
    if (definition instanceof MergeError) {
      failed.set(info.edit, definition);
      continue;
    }
    splices.push({ ...definition, seq: -1, edit: info.edit });
    if (tokenStays) splices.push({ ...removal(text, token), text: '', seq: -1, edit: info.edit });
  }
}

/** Output position of each probe offset (−1 where the edits removed it), or `null` when the splices overlap. */
function probePositions(text: string, splices: readonly Splice[], offsets: readonly number[]): number[] | null {
  let mark = 0xe000;
  while (text.includes(String.fromCharCode(mark))) mark++;
  const m = String.fromCharCode(mark);
  const probes: Splice[] = offsets.map((offset, i) => ({ start: offset, end: offset, text: `${m}${i.toString(36)}${m}`, seq: Number.MAX_SAFE_INTEGER }));
  const out = applySplices(text, [...splices, ...probes]);
  if (!('text' in out)) return null;
  const positions = offsets.map(() => -1);
  const re = new RegExp(`${m}([0-9a-z]+)${m}`, 'g');
  let k = 0;
  for (const hit of out.text.matchAll(re)) positions[parseInt(hit[1]!, 36)] = k++;
  return positions;
}

/** The source range of the `&name` property of an anchored node, or `null`. */
function anchorToken(text: string, node: Node): { start: number; end: number } | null {
  const name = (node as { anchor?: string }).anchor;
  if (!name || !node.range) return null;
  const pattern = new RegExp(`&${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[\\s,\\]}]|$)`, 'g');
  const lastIn = (from: number, to: number): { start: number; end: number } | null => {
    let found: { start: number; end: number } | null = null;
    for (const hit of text.slice(from, to).matchAll(pattern)) found = { start: from + hit.index, end: from + hit.index + hit[0].length };
    return found;
  };
  const own = lastIn(lineStart(text, node.range[0]), node.range[0]);
  if (own) return own;
  // a block node's properties stand on the line of its key or dash, above comment and blank lines
  for (let ls = lineStart(text, node.range[0]); ls > 0; ) {
    ls = lineStart(text, ls - 1);
    if (lineKind(text, ls) === 'content') return lastIn(ls, lineEnd(text, ls));
  }
  return null;
}

/** The bytes to drop with an anchor token: the token and the spaces after it, or before it at a line end. */
function removal(text: string, token: { start: number; end: number }): { start: number; end: number } {
  let end = token.end;
  while (text[end] === ' ' || text[end] === '\t') end++;
  if (end > token.end && end < text.length && !/[\r\n#]/.test(text[end]!)) return { start: token.start, end };
  let start = token.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  return { start, end: token.end };
}

/** Start of a node's text after its anchor: its tag when it has one, else the node itself. */
function afterAnchor(text: string, node: Node): number {
  const start = propsStart(text, node);
  const props = text.slice(start, node.range![0]);
  const tag = /(^|\s)(![^\s]*)/.exec(props);
  return tag ? start + props.indexOf(tag[2]!) : node.range![0];
}

/** Lines shifted right (`delta` > 0) or left by `delta` columns; empty lines stay empty. */
function shift(lines: string, delta: number): string {
  if (delta === 0) return lines;
  return lines.replace(/^([ ]*)(?=[^\r\n])/gm, (lead) => ' '.repeat(Math.max(0, lead.length + delta)));
}

/**
 * The splice that turns the alias at `site` into the anchored node's original text with its
 * anchor, laid out for the alias's place.
 */
function definitionAt(file: ParsedFile, document: ParsedDocument, node: Node, site: AliasSite): { start: number; end: number; text: string } | MergeError {
  const { text } = file;
  const name = (node as { anchor?: string }).anchor!;
  const alias = site.alias.range!;
  const style = documentStyle(text, document);
  const eol = style.eol;
  const lineDelta = indentAt(text, lineStart(text, alias[0])) - indentAt(text, lineStart(text, node.range![0]));
  const block = isBlockCollection(node) || isBlockScalar(node);
  if (!block) {
    const body = text.slice(afterAnchor(text, node), node.range![1]);
    const [head, ...rest] = body.split('\n');
    return { start: alias[0], end: alias[1], text: `&${name} ${[head, shift(rest.join('\n'), lineDelta)].filter((_, i) => i === 0 || rest.length > 0).join('\n')}` };
  }
  if (site.parent?.flow && !site.isKey) {
    // inside a flow collection a block cannot stand: the node's value, written as flow text
    const value = (node as Node & { toJS(doc: unknown, options: unknown): unknown }).toJS(document.doc, { maxAliasCount: -1 });
    if (findNonJson(value) === null) return { start: alias[0], end: alias[1], text: `&${name} ${isBlockScalar(node) ? renderScalar(value as string, 'double', true) : renderFlow(value as JsonValue, style)}` };
  }
  if (site.isKey || !site.parent || site.parent.flow) {
    return new MergeError('UNSUPPORTED', `the anchored block &${name} would move to its alias *${name}, which stands where a block cannot; edit the alias sites first`);
  }
  // the alias's trailing comment goes on the header line (after the block it would join its last line)
  const aliasLineEnd = lineEnd(text, alias[1]);
  const afterAlias = text.slice(alias[1], aliasLineEnd).replace(/\r?\n$/, '');
  const comment = /^\s*#/.test(afterAlias) ? ` ${afterAlias.trim()}` : '';
  const end = comment ? alias[1] + afterAlias.length : alias[1];
  const start = afterAnchor(text, node);
  if (isBlockScalar(node)) {
    const headerEnd = lineEnd(text, node.range![0]);
    const header = text.slice(start, headerEnd).replace(/\r?\n$/, '');
    const body = shift(text.slice(headerEnd, node.range![1]), lineDelta).replace(/\r?\n$/, '');
    return { start: alias[0], end, text: `&${name} ${header}${comment}${eol}${body}` };
  }
  // a block collection: its lines at the column its new owner's entries take
  const tag = start < node.range![0] ? ` ${text.slice(start, node.range![0]).trim()}` : '';
  const headerComment = tag === '' ? ownComment(text, node) : '';
  const col = isMap(site.parent) && site.pair ? keyColumn(text, site.pair) + (isSeq(node) && style.indentless ? 0 : style.unit) : columnOf(text, alias[0]);
  const firstLineEnd = lineEnd(text, node.range![0]);
  const first = text.slice(node.range![0], firstLineEnd);
  const rest = shift(text.slice(firstLineEnd, blockEnd(text, node).end), col - columnOf(text, node.range![0]));
  const body = `${' '.repeat(col)}${first}${rest}`.replace(/\r?\n$/, '');
  return { start: alias[0], end, text: `&${name}${tag}${headerComment}${comment}${eol}${body}` };
}

/** A comment on the line of a block node's anchor (`key: &x # note`), with its leading space. */
function ownComment(text: string, node: Node): string {
  const token = anchorToken(text, node);
  if (!token || lineStart(text, token.start) === lineStart(text, node.range![0])) return '';
  const rest = text.slice(token.end, lineEnd(text, token.end)).replace(/\r?\n$/, '');
  return /^\s*#/.test(rest) ? ` ${rest.trim()}` : '';
}
