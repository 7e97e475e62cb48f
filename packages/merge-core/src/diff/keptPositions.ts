import { getOwn, isJsonObject, jsonEqual, type JsonValue } from '../model/json.js';

/**
 * How far the positions of base's ordered list keep their meaning in another version of it
 * (`other`: ours or theirs): positions `0 .. upTo-1` hold base's elements, edited in place at
 * most. `other`'s element at `j` is base's j-th when it equals it, when every difference is
 * explained by `theirs` at `j` (ours took theirs' positional change, whole or in part), or when
 * it is a substitution in place: base's element lost a copy in `other` and `other`'s element
 * gained one (`[a, a]` → `[a, c]` substitutes at 1; `[a, b]` → `[b, a]` does not). An insertion,
 * removal or reordering before `j` ends the run. Linear in the size of the lists.
 */
export function keptPositions(base: readonly JsonValue[], other: readonly JsonValue[], theirs?: readonly JsonValue[]): number {
  const baseKeys = base.map(canonical);
  const otherKeys = other.map(canonical);
  const inBase = counts(baseKeys);
  const inOther = counts(otherKeys);
  let j = 0;
  for (; j < Math.min(base.length, other.length); j++) {
    const b = baseKeys[j]!;
    const o = otherKeys[j]!;
    if (o === b) continue;
    if (theirs !== undefined && explained(other[j], base[j], theirs[j])) continue;
    if ((inOther.get(b) ?? 0) < inBase.get(b)! && (inBase.get(o) ?? 0) < inOther.get(o)!) continue;
    break;
  }
  return j;
}

function counts(keys: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const k of keys) out.set(k, (out.get(k) ?? 0) + 1);
  return out;
}

/**
 * Whether every part of `ours` equals base's or theirs' value at the same place (absent parts
 * included): ours made no edit of its own there.
 */
export function explained(ours: JsonValue | undefined, base: JsonValue | undefined, theirs: JsonValue | undefined): boolean {
  if (ours === undefined) return base === undefined || theirs === undefined;
  if (same(ours, base) || same(ours, theirs)) return true;
  if (isJsonObject(ours)) {
    const b = isJsonObject(base) ? base : undefined;
    const t = isJsonObject(theirs) ? theirs : undefined;
    if (b === undefined && t === undefined) return false;
    const keys = new Set([...Object.keys(ours), ...Object.keys(b ?? {}), ...Object.keys(t ?? {})]);
    for (const k of keys) if (!explained(getOwn(ours, k), b && getOwn(b, k), t && getOwn(t, k))) return false;
    return true;
  }
  if (Array.isArray(ours)) {
    const b = Array.isArray(base) ? base : undefined;
    const t = Array.isArray(theirs) ? theirs : undefined;
    if (b === undefined && t === undefined) return false;
    const n = Math.max(ours.length, b?.length ?? 0, t?.length ?? 0);
    for (let i = 0; i < n; i++) if (!explained(ours[i], b?.[i], t?.[i])) return false;
    return true;
  }
  return false;
}

function same(a: JsonValue, b: JsonValue | undefined): boolean {
  return b !== undefined && jsonEqual(a, b);
}

/** A text equal for equal JSON values (object keys sorted). */
function canonical(value: JsonValue): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  return `{${Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(value[k]!)}`)
    .join(',')}}`;
}
