import { getOwn, isJsonObject, type JsonValue } from '../model/json.js';
import { isPlainSafe } from '../model/plainScalar.js';

const CANONICAL_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:e[-+][0-9]+)?$/;

/**
 * The scalar a keyed segment's identity text stands for, when an element is created from the
 * segment alone (`l[id=1]` re-created by a change below it). Identity text is `String(value)`,
 * so it reads back as the value it came from: `1` is the number 1, `true` the boolean, `null`
 * null, anything else a string. The one exception is a list whose ids are strings that look like
 * other types (a sibling holds `id: "2"`): there the new id is a string too.
 */
export function identityValue(text: string, field: string, siblings: readonly JsonValue[]): JsonValue {
  const typed = nonStringReading(text);
  if (typed === undefined) return text;
  for (const sibling of siblings) {
    const id = isJsonObject(sibling) ? getOwn(sibling, field) : undefined;
    if (typeof id === 'string' && nonStringReading(id) !== undefined) return text;
  }
  return typed;
}

/** The null, boolean or number whose `String()` is `text`, else `undefined`. */
function nonStringReading(text: string): JsonValue | undefined {
  if (isPlainSafe(text, false)) return undefined;
  if (text === 'null') return null;
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (CANONICAL_NUMBER.test(text) && String(Number(text)) === text) return Number(text);
  return undefined;
}
