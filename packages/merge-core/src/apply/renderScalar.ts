import type { JsonPrimitive } from '../model/json.js';

import type { QuoteStyle } from '../locate/detectStyle.js';
import { isPlainSafe, NON_PRINTABLE } from '../model/plainScalar.js';

/** A double-quoted scalar; JSON escapes plus the YAML-only non-printables. */
export function doubleQuoted(s: string): string {
  return JSON.stringify(s).replace(NON_PRINTABLE_GLOBAL, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
const NON_PRINTABLE_GLOBAL = new RegExp(NON_PRINTABLE.source, 'g');

/**
 * Text of a scalar in the requested quote style, falling back to a style that can represent the
 * value exactly (single quotes cannot hold line breaks or non-printables; plain must be safe).
 */
export function renderScalar(value: JsonPrimitive, quote: QuoteStyle, inFlow = false): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '.nan';
    if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
    return Object.is(value, -0) ? '-0' : String(value);
  }
  if (quote === 'plain' && isPlainSafe(value, inFlow)) return value;
  if (quote === 'single' && !/[\n\r]/.test(value) && !NON_PRINTABLE.test(value)) return `'${value.replace(/'/g, "''")}'`;
  return doubleQuoted(value);
}

/**
 * A key's text: plain when safe, double-quoted otherwise; `quote` asks for the quoting the
 * neighbouring keys use (JSON-style flow mappings quote every key).
 */
export function renderKey(key: string, inFlow = false, quote: QuoteStyle = 'plain'): string {
  if (quote === 'plain') return isPlainSafe(key, inFlow) ? key : doubleQuoted(key);
  return renderScalar(key, quote, inFlow);
}

/**
 * A literal block scalar (`|` or `|-`) for a multi-line string, its lines indented by `indent`
 * spaces; `null` when the string cannot be written as one (leading space on the first line,
 * carriage returns, non-printables, several trailing line breaks), so the caller quotes it.
 * `keep` allows several trailing line breaks as a keep-chomped `|+` block ending in blank lines:
 * only where no blank line can follow the written text (it would join the value), as in place of
 * a `|+` scalar that owned every blank line after it. Default: `false`.
 */
export function renderLiteral(value: string, indent: number, eol: string, keep = false): string | null {
  if (!value.includes('\n') || /\r/.test(value) || NON_PRINTABLE.test(value) || /^[ \t]/.test(value) || /^\n/.test(value)) return null;
  const body = value.replace(/\n+$/, '');
  const trailing = value.length - body.length;
  // keep-chomping (`|+`) would make trailing line breaks of the surrounding text part of the value
  if (trailing > 1 && !keep) return null;
  const chomp = trailing === 0 ? '-' : trailing > 1 ? '+' : '';
  const pad = ' '.repeat(indent);
  const lines = body.split('\n').map((l) => (l === '' ? '' : pad + l));
  return `|${chomp}${eol}${lines.join(eol)}${eol}${eol.repeat(Math.max(0, trailing - 1))}`;
}
