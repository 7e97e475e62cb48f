import { parseDocument, stringify } from 'yaml';
import { applyEdits } from '../apply/applyEdits.js';
import { detectEol, lineStart } from '../locate/lines.js';
import type { JsonValue } from '../model/json.js';
import type { MergeOptions } from '../model/options.js';

/**
 * Replaces the whole document of `text` with `value` (a patch at the root pointer `""`).
 * The engine's own root `set` is used where it can; otherwise the value is rendered fresh, in the
 * text's line ending, after the lines that precede the old content (directives, `---`, comments).
 */
export function replaceDocument(text: string, value: JsonValue, options?: MergeOptions): string {
  const viaEngine = applyEdits(text, [{ op: 'set', path: [], value }], options);
  if (viaEngine.errors.length === 0) return viaEngine.text;
  const start = parseDocument(text).contents?.range?.[0];
  const head = start === undefined ? '' : text.slice(0, lineStart(text, start));
  const rendered = head + stringify(value);
  return detectEol(text) === '\r\n' ? rendered.replace(/\r?\n/g, '\r\n') : rendered;
}
