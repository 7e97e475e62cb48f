import { isCollection, isScalar, isSeq, Scalar, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { MergeError } from '../model/errors.js';
import { isJsonObject, type JsonValue } from '../model/json.js';
import { documentStyle, localQuote, type RenderStyle } from '../locate/detectStyle.js';
import { blockItemSpans } from '../locate/itemSpans.js';
import { keepChompEnds } from '../locate/keepChompEnds.js';
import { columnOf, indentAt, lineEnd, lineKind, lineStart, startsLine } from '../locate/lines.js';
import type { NodeLocation } from '../locate/resolvePath.js';
import { blockEnd, blockScalarIndent, colonEnd, isBlockCollection, isBlockScalar, isEmptyValue, keyColumn } from './nodeText.js';
import { propsStart } from '../locate/propsStart.js';
import { renderAfterKey, renderBlock, renderFlow, renderItem } from './renderValue.js';
import { renderLiteral, renderScalar } from './renderScalar.js';
import type { Splice } from './splice.js';
import type { WriteTarget } from './writeTarget.js';

/**
 * The style for text written into `coll` (its own quotes, the document's indent and line breaks),
 * measured without the text that is no evidence of it (`file.notEvidence`).
 */
export function styleIn(file: WriteTarget, loc: NodeLocation, coll: YAMLMap | YAMLSeq | null): RenderStyle {
  const base = documentStyle(file.text, loc.document, file.notEvidence);
  return coll ? { ...base, quote: localQuote(coll, base.quote, file.notEvidence) } : base;
}

/** Column at which the value of `loc` is written when it becomes a block. */
function ownerColumn(text: string, loc: NodeLocation): number {
  if (loc.pair) return keyColumn(text, loc.pair);
  return loc.parent && loc.node?.range ? columnOf(text, loc.node.range[0]) : 0;
}

/** A splice replacing the value at `loc` with `value`, in the style of the text around it. */
export function replaceSplice(file: WriteTarget, loc: NodeLocation, value: JsonValue, seq: number): Splice | MergeError {
  const s = replaceSpliceIn(file, loc, value, seq, false);
  // the new value may end the output after all (later entries removed, its element moved last:
  // settleTextEnd). Not in place of a block scalar: removing what follows keeps the text's
  // final line break after one (see applyEdits), so a literal block stays safe there.
  if (s instanceof MergeError || !file.eolAdded || isBlockScalar(loc.node) || !JSON.stringify(value).includes('\\n')) return s;
  const atEnd = replaceSpliceIn(file, loc, value, seq, true);
  return atEnd instanceof MergeError || atEnd.text === s.text || atEnd.start !== s.start || atEnd.end !== s.end ? s : { ...s, textAtEnd: atEnd.text };
}

function replaceSpliceIn(file: WriteTarget, loc: NodeLocation, value: JsonValue, seq: number, endsText: boolean): Splice | MergeError {
  const { text } = file;
  const node = loc.node;
  const parent = loc.parent;
  const inFlow = Boolean(parent?.flow);
  // no literal block where a deeper comment follows (it would join the block) or at the very end
  // of a text without a final line break (YAML readers disagree on its last line break there)
  // (a block collection's range ends at the start of the line after it)
  const endsAt = (end: number): number => (end > 0 && text[end - 1] === '\n' ? end : lineEnd(text, end));
  const atEnd = (file.eolAdded || !text.endsWith('\n')) && (node?.range ? endsAt(node.range[1]) >= text.length : false);
  const style = { ...styleIn(file, loc, parent), noLiteral: endsText || atEnd || commentFollows(text, loc) };
  const isColl = (Array.isArray(value) && value.length > 0) || (isJsonObject(value) && Object.keys(value).length > 0);
  const scalarText = (quoteFrom: Node | null): string => {
    if (isColl) return renderFlow(value, style);
    if (typeof value === 'string' && isScalar(quoteFrom) && typeof quoteFrom.value === 'string') {
      const q = quoteFrom.type === Scalar.QUOTE_DOUBLE ? 'double' : quoteFrom.type === Scalar.QUOTE_SINGLE ? 'single' : quoteFrom.type === Scalar.PLAIN ? 'plain' : style.quote;
      return renderScalar(value, q, inFlow);
    }
    return isJsonObject(value) || Array.isArray(value) ? renderFlow(value, style) : renderScalar(value, style.quote, inFlow);
  };

  // an empty value (`key:`): write after the colon
  if (loc.pair && colonEnd(text, loc.pair) === -1) {
    return new MergeError('UNSUPPORTED', 'the entry has no ":" to write a value after (a complex or flow key without a value)');
  }
  if (isEmptyValue(node)) {
    if (loc.pair) {
      const at = colonEnd(text, loc.pair);
      const out = renderAfterKey(value, keyColumn(text, loc.pair), style);
      return { start: at, end: at, text: stripEol(out, style.eol), seq };
    }
    if (!parent && node?.range) return emptyDocumentSplice(text, node.range, value, style, seq);
    if (node?.range) {
      const at = node.range[0];
      const t = isColl && !inFlow ? stripEol(renderBlock(value, 0, style), style.eol) : scalarText(null);
      return { start: at, end: at, text: t, seq };
    }
    return new MergeError('UNSUPPORTED', 'cannot write into an empty document');
  }
  const n = node!;
  const range = n.range!;
  // an empty `{}` / `[]` placeholder in block context carries no style choice: it fills as a block
  const flowNode = isCollection(n) && n.flow && !(isColl && !inFlow && n.items.length === 0);
  if (inFlow || flowNode || (!isBlockCollection(n) && !isBlockScalar(n) && !isColl)) {
    // inline text replaced by inline text (a flow collection stays flow; inside a multi-line one,
    // nested collections may be written one entry per line, as the document writes them)
    let start = range[0];
    if ((n as { tag?: string }).tag && typeof value !== 'string') start = propsStart(text, n);
    const around = inFlow ? parent!.range! : range;
    const col = text.slice(around[0], around[1]).includes('\n') ? indentAt(text, lineStart(text, range[0])) : null;
    const t = isColl ? renderFlow(value, style, col) : scalarText(n);
    // an empty scalar right after its tag (`!!str,`) needs a separating space
    const pad = range[0] === range[1] && start > 0 && !/[\s[{,:]/.test(text[start - 1]!) ? ' ' : '';
    return { start, end: range[1], text: pad + t, seq };
  }
  if (isBlockScalar(n)) {
    const hasEol = text[range[1] - 1] === '\n';
    const col = ownerColumn(text, loc);
    if (typeof value === 'string' && !style.noLiteral) {
      // in place of a `|+` scalar (its range ends past its blank lines, at a non-blank line), `|+` again
      const keep = hasEol && keepChompEnds(file).has(range[1]);
      const literal = renderLiteral(value, blockScalarIndent(text, n, col + style.unit), style.eol, keep);
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
    // a comment after `key:` on the key's own line stays there
    const ce = colonEnd(text, loc.pair);
    const tail = /^[ \t]*(#[^\r\n]*)/.exec(text.slice(ce, lineEnd(text, ce)));
    let rendered = replacement(renderAfterKey(value, col, style));
    if (tail) {
      const cut = rendered.search(/\r?\n/);
      rendered = cut === -1 ? `${rendered} ${tail[1]}` : `${rendered.slice(0, cut)} ${tail[1]}${rendered.slice(cut)}`;
    }
    return { start: ce, end, text: rendered, seq };
  }
  if (isSeq(parent)) {
    const dash = parent.flow ? 0 : (blockItemSpans(text, parent)[loc.index]?.col ?? 0);
    const item = renderItem(value, dash, style, true).slice(2);
    return { start: isBlockCollection(n) ? range[0] : propsStart(text, n), end, text: replacement(item), seq };
  }
  if (!parent && !isBlockCollection(n) && !startsLine(text, range[0])) {
    // a root scalar after `---` on its line: a block collection cannot start there
    let start = propsStart(text, n);
    while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
    return { start, end, text: style.eol + stripEol(renderBlock(value, 0, style), style.eol), seq };
  }
  const col = columnOf(text, range[0]);
  return { start: range[0], end, text: replacement(renderBlock(value, col, style).slice(col)), seq };
}

/**
 * Content for an empty document (`''`, comments only, `---`, `...`): on lines of its own after the
 * document's leading comments and `---` line, before a `...` marker, every byte of them kept.
 */
function emptyDocumentSplice(text: string, range: readonly number[], value: JsonValue, style: RenderStyle, seq: number): Splice {
  const start = range[0]!;
  const end = range[2] ?? start;
  const at = end === start && startsLine(text, start) ? start : lineEnd(text, Math.max(start, end - 1));
  const lead = at > 0 && text[at - 1] !== '\n' ? style.eol : '';
  return { start: at, end: at, text: lead + renderBlock(value, 0, style), seq };
}

/**
 * True when a comment line follows the node at `loc` indented deeper than its owner: a literal
 * block written there would swallow it.
 */
function commentFollows(text: string, loc: NodeLocation): boolean {
  const node = loc.node;
  if (!node?.range) return false;
  // a comment on the same line, after an inline node, would end up after the literal's last line
  if (!isBlockCollection(node) && !isBlockScalar(node) && /^[^\r\n]*#/.test(text.slice(node.range[1], lineEnd(text, node.range[1])))) return true;
  // the owner's column: its key's, or for a sequence element its dash's
  const parent = loc.parent;
  const owner = !loc.pair && isSeq(parent) && !parent.flow ? (blockItemSpans(text, parent)[loc.index]?.col ?? 0) : ownerColumn(text, loc);
  let at = isBlockCollection(node) ? blockEnd(text, node).end : lineEnd(text, Math.max(node.range[0], node.range[1] - 1));
  while (at < text.length && lineKind(text, at) === 'blank') at = lineEnd(text, at);
  return at < text.length && lineKind(text, at) === 'comment' && indentAt(text, at) > owner;
}

export function stripEol(t: string, eol: string): string {
  return t.endsWith(eol) ? t.slice(0, -eol.length) : t;
}

function maybeEol(t: string, hasEol: boolean, eol: string): string {
  return hasEol ? t : stripEol(t, eol);
}
