import { getOwn, isJsonObject, type JsonValue } from '../model/json.js';

/**
 * The identity text of a sequence element: its `field` value for keyed lists (`null` field:
 * the scalar itself, for sets). `null` when the element has no usable identity.
 */
export function elementKey(element: JsonValue, field: string | null): string | null {
  if (field === null) {
    return element !== null && typeof element === 'object' ? null : String(element);
  }
  if (!isJsonObject(element)) return null;
  const v = getOwn(element, field);
  if (v === undefined || (v !== null && typeof v === 'object')) return null;
  return String(v);
}
