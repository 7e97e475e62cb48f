import { checkJsonValue } from './checkJsonValue.js';

/**
 * JSON values: the only data that flows through change sets, updates and patches.
 * Objects are plain objects whose keys are own properties; `__proto__`, `constructor` and
 * `prototype` are ordinary keys, stored with `defineProperty` so no prototype is ever touched.
 */
export type JsonPrimitive = null | boolean | number | string;
export type JsonValue = JsonPrimitive | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/** True for a non-null, non-array object. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Sets an own property, also for `__proto__` (never invokes the prototype setter). */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

/** Own-property lookup: `undefined` when the key is absent (inherited members never count). */
export function getOwn<T>(target: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(target, key) ? target[key] : undefined;
}

export function hasOwn(target: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(target, key);
}

/** Structural equality of two JSON values (key order of objects does not matter). */
export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (typeof a !== 'object' || typeof b !== 'object') {
    return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ak = Object.keys(a);
  if (ak.length !== Object.keys(b).length) return false;
  for (const k of ak) {
    if (!hasOwn(b, k) || !jsonEqual(a[k], b[k])) return false;
  }
  return true;
}

/** Deep copy of a JSON value (own enumerable keys only). */
export function cloneJson<T extends JsonValue>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => cloneJson(v)) as T;
  const out: JsonObject = {};
  for (const k of Object.keys(value)) setOwn(out, k, cloneJson(value[k] as JsonValue));
  return out as T;
}

/**
 * Checks that `value` is plain JSON data: no functions, symbols, bigints, `undefined`, non-finite
 * numbers, class instances or cycles. Returns the JSON Pointer of the first offence, or `null`
 * when the value is JSON. No depth or size bound: for values the engine parsed itself (callers'
 * values go through `checkJsonValue` with the limits).
 */
export function findNonJson(value: unknown): string | null {
  return checkJsonValue(value, { maxDepth: Infinity, maxBytes: Infinity })?.at ?? null;
}
