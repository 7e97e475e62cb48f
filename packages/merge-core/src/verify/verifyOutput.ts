import { MergeError } from '../model/errors.js';
import { isJsonObject, jsonEqual, type JsonValue } from '../model/json.js';
import type { ResolvedLimits } from '../model/options.js';
import { parseYamlFile } from '../parse/parseYaml.js';

/**
 * The engine's check of its own output (fidelity contract 2 and 3): the text re-parses without
 * errors or duplicate keys, and its documents equal `expected` in value. Returns `null` when the
 * output is right, else a `VERIFY_FAILED` error naming the first difference.
 */
export function verifyOutput(text: string, expected: readonly JsonValue[], limits: ResolvedLimits): MergeError | null {
  const parsed = parseYamlFile(text, limits, 'output');
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0]!;
    // the position is in the discarded output, so it goes in the message, not in line/col
    const where = e.line !== undefined ? ` at output line ${e.line}, column ${e.col ?? 1}` : '';
    return new MergeError('VERIFY_FAILED', `the edited text would not parse${where} (${e.message}); nothing was changed`);
  }
  const actual = parsed.documents.map((d) => d.value);
  if (actual.length !== expected.length) {
    return new MergeError('VERIFY_FAILED', `the edited text has ${actual.length} documents instead of ${expected.length}; nothing was changed`);
  }
  for (let i = 0; i < actual.length; i++) {
    const where = firstDifference(actual[i]!, expected[i]!, '');
    if (where !== null) {
      return new MergeError('VERIFY_FAILED', `the edited text differs from the intended value at ${where || 'the root'}; nothing was changed`, { path: where });
    }
  }
  return null;
}

function firstDifference(a: JsonValue, b: JsonValue, at: string): string | null {
  if (jsonEqual(a, b)) return null;
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i]!, b[i]!, `${at}[${i}]`);
      if (d !== null) return d;
    }
  }
  if (isJsonObject(a) && isJsonObject(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!(k in a) || !(k in b)) return `${at}.${k}`;
      const d = firstDifference(a[k]!, b[k]!, `${at}.${k}`);
      if (d !== null) return d;
    }
  }
  return at;
}
