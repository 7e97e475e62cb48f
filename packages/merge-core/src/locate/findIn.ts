import type { JsonValue } from '../model/json.js';
import type { PathSegment } from '../model/path.js';
import { elementKey } from './elementKey.js';

const indexes = new WeakMap<readonly JsonValue[], Map<string, Map<string, number>>>();

/**
 * Position of the element an element segment names in a JSON list, or -1. Keyed and value
 * lookups use a hash index built once per list (lists must not be mutated afterwards).
 */
export function findIn(arr: readonly JsonValue[], seg: PathSegment): number {
  if (seg.kind === 'index') return seg.index < arr.length ? seg.index : -1;
  if (seg.kind !== 'keyed' && seg.kind !== 'value') return -1;
  const field = seg.kind === 'keyed' ? seg.key : null;
  let byField = indexes.get(arr);
  if (!byField) indexes.set(arr, (byField = new Map()));
  const name = field ?? '\u0000';
  let index = byField.get(name);
  if (!index) {
    index = new Map();
    for (let i = 0; i < arr.length; i++) {
      const k = elementKey(arr[i]!, field);
      if (k !== null && !index.has(k)) index.set(k, i);
    }
    byField.set(name, index);
  }
  return index.get(seg.value) ?? -1;
}
