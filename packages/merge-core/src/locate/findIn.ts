import type { JsonValue } from '../model/json.js';
import type { PathSegment } from '../model/path.js';
import { elementKey } from './elementKey.js';

/** Per list and identity field: each identity's first position, and the identities seen twice. */
interface ListIndex {
  first: Map<string, number>;
  repeated: Set<string>;
}

const indexes = new WeakMap<readonly JsonValue[], Map<string, ListIndex>>();

function indexOf(arr: readonly JsonValue[], field: string | null): ListIndex {
  let byField = indexes.get(arr);
  if (!byField) indexes.set(arr, (byField = new Map()));
  const name = field ?? '\u0000';
  let index = byField.get(name);
  if (!index) {
    index = { first: new Map(), repeated: new Set() };
    for (let i = 0; i < arr.length; i++) {
      const k = elementKey(arr[i]!, field);
      if (k === null) continue;
      if (index.first.has(k)) index.repeated.add(k);
      else index.first.set(k, i);
    }
    byField.set(name, index);
  }
  return index;
}

/**
 * Position of the element an element segment names in a JSON list, or -1 (the first one when
 * several match, see `matchesMany`). Keyed and value lookups use a hash index built once per list
 * (lists must not be mutated afterwards).
 */
export function findIn(arr: readonly JsonValue[], seg: PathSegment): number {
  if (seg.kind === 'index') return seg.index < arr.length ? seg.index : -1;
  if (seg.kind !== 'keyed' && seg.kind !== 'value') return -1;
  return indexOf(arr, seg.kind === 'keyed' ? seg.key : null).first.get(seg.value) ?? -1;
}

/** Whether a keyed or value segment names more than one element of the list (its identity repeats there). */
export function matchesMany(arr: readonly JsonValue[], seg: PathSegment): boolean {
  if (seg.kind !== 'keyed' && seg.kind !== 'value') return false;
  return indexOf(arr, seg.kind === 'keyed' ? seg.key : null).repeated.has(seg.value);
}
