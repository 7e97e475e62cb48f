import { isJsonObject, type JsonValue } from '../model/json.js';
import type { RenderStyle } from '../locate/detectStyle.js';
import { renderKey, renderLiteral, renderScalar } from './renderScalar.js';

/**
 * Flow text of a value (`[a, b]`, `{ a: 1 }`, `{"a": 1}`, scalars) in the document's flow style.
 * With `col` (the indentation of the line the value starts on, inside a multi-line flow
 * collection) and a document that writes nested flow collections one entry per line, nested
 * collections are written that way too.
 */
export function renderFlow(value: JsonValue, style: RenderStyle, col: number | null = null): string {
  const { flow, eol } = style;
  const inner = col !== null && flow.multiline ? col + flow.unit : null;
  const lines = (open: string, entries: string[], close: string): string =>
    inner === null ? '' : `${open}${eol}${entries.map((e) => ' '.repeat(inner) + e).join(`,${eol}`)}${eol}${' '.repeat(col!)}${close}`;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((v) => renderFlow(v, style, inner));
    return inner !== null ? lines('[', items, ']') : `[${items.join(', ')}]`;
  }
  if (isJsonObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0) return '{}';
    const entries = keys.map((k) => `${renderKey(k, true, flow.keys)}: ${renderFlow(value[k]!, style, inner)}`);
    if (inner !== null) return lines('{', entries, '}');
    return flow.padded ? `{ ${entries.join(', ')} }` : `{${entries.join(', ')}}`;
  }
  return renderScalar(value, style.quote, true);
}

function isBlockCollection(value: JsonValue): boolean {
  return (Array.isArray(value) && value.length > 0) || (isJsonObject(value) && Object.keys(value).length > 0);
}

/**
 * Text that follows `key:` for a value whose key sits at column `col`: ` scalar`, ` |` + lines,
 * or a line break followed by the nested block. Ends with the line break.
 */
export function renderAfterKey(value: JsonValue, col: number, style: RenderStyle): string {
  if (isBlockCollection(value)) {
    const childCol = Array.isArray(value) ? (style.indentless ? col : col + style.unit) : col + style.unit;
    return style.eol + renderBlock(value, childCol, style);
  }
  if (typeof value === 'string' && !style.noLiteral) {
    const literal = renderLiteral(value, col + style.unit, style.eol);
    if (literal !== null) return ` ${literal}`;
  }
  return ` ${renderFlow(value, style)}${style.eol}`;
}

/** A whole mapping entry at column `col` (indentation included), ending with a line break. */
export function renderPair(key: string, value: JsonValue, col: number, style: RenderStyle): string {
  return `${' '.repeat(col)}${renderKey(key)}:${renderAfterKey(value, col, style)}`;
}

/**
 * A sequence element whose dash sits at column `col`. With `inline`, the first line has no
 * indentation (the caller already stands at the column). Ends with a line break.
 */
export function renderItem(value: JsonValue, col: number, style: RenderStyle, inline = false): string {
  const lead = inline ? '' : ' '.repeat(col);
  const inner = col + 2;
  if (isJsonObject(value) && Object.keys(value).length > 0) {
    const keys = Object.keys(value);
    return keys
      .map((k, i) => {
        const pair = renderPair(k, value[k]!, inner, style);
        return i === 0 ? `${lead}- ${pair.slice(inner)}` : pair;
      })
      .join('');
  }
  if (Array.isArray(value) && value.length > 0) {
    return `${lead}- ${renderItem(value[0]!, inner, style, true)}${value
      .slice(1)
      .map((v) => renderItem(v, inner, style))
      .join('')}`;
  }
  if (typeof value === 'string' && !style.noLiteral) {
    const literal = renderLiteral(value, inner, style.eol);
    if (literal !== null) return `${lead}- ${literal}`;
  }
  return `${lead}- ${renderFlow(value, style)}${style.eol}`;
}

/** A block collection at column `col` (empty ones and scalars as one flow line), ending with a line break. */
export function renderBlock(value: JsonValue, col: number, style: RenderStyle): string {
  if (!isBlockCollection(value)) return `${' '.repeat(col)}${renderFlow(value, style)}${style.eol}`;
  if (Array.isArray(value)) return value.map((v) => renderItem(v, col, style)).join('');
  if (isJsonObject(value)) return Object.keys(value).map((k) => renderPair(k, value[k]!, col, style)).join('');
  return `${' '.repeat(col)}${renderFlow(value, style)}${style.eol}`;
}
