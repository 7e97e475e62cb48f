import fc from 'fast-check';
import { KEYS, TRICKY_STRINGS, WORDS, type Json } from './catalogValue.js';
import { prng } from './yamlStyle.js';

function isObject(v: Json | undefined): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Dot paths of every mapping reachable from `doc` through mappings only (root is ''). */
function mappingPaths(doc: Json, prefix = ''): { path: string; map: { [key: string]: Json } }[] {
  if (!isObject(doc)) return [];
  const out = [{ path: prefix, map: doc }];
  for (const [k, v] of Object.entries(doc)) out.push(...mappingPaths(v, prefix ? `${prefix}.${k}` : k));
  return out;
}

function join(a: string, b: string): string {
  return a ? `${a}.${b}` : b;
}

function updateValue(rand: () => number): Json {
  const r = rand();
  const pickStr = (): string => {
    const pool = rand() < 0.5 ? TRICKY_STRINGS : WORDS;
    return pool[Math.floor(rand() * pool.length)]!;
  };
  if (r < 0.45) return pickStr();
  if (r < 0.55) return [7, null, true, 2.5][Math.floor(rand() * 4)]!;
  if (r < 0.75) return { [KEYS[Math.floor(rand() * KEYS.length)]!]: pickStr(), 'dotted.key': pickStr() };
  if (r < 0.9) return [{ name: 'id', dataType: 'int' }, { name: 'yes', dataType: pickStr() }];
  return [pickStr(), 'pii'];
}

/**
 * A reverse-provisioning `updates` object for `doc`: dot paths to existing keys, new keys, new
 * nested paths, and sometimes a path through a sequence or scalar (an error for that update).
 */
export function updatesFor(doc: Json, seed: number): Record<string, Json> {
  const rand = prng(seed);
  const maps = mappingPaths(doc);
  const updates: Record<string, Json> = {};
  const n = 1 + Math.floor(rand() * 4);
  for (let i = 0; i < n; i++) {
    const { path, map } = maps[Math.floor(rand() * maps.length)] ?? { path: '', map: {} };
    const keys = Object.keys(map);
    const r = rand();
    let key: string;
    if (r < 0.45 && keys.length > 0) key = join(path, keys[Math.floor(rand() * keys.length)]!);
    else if (r < 0.75) key = join(path, KEYS[Math.floor(rand() * KEYS.length)]!);
    else if (r < 0.9) key = join(join(path, 'created'), 'deep');
    else {
      const nonMap = keys.find((k) => !isObject(map[k]!));
      key = nonMap ? join(join(path, nonMap), 'through') : join(path, 'x_a');
    }
    if (key === '') continue;
    updates[key] = updateValue(rand);
  }
  return updates;
}

export const updatesSeedArb: fc.Arbitrary<number> = fc.integer({ min: 0, max: 0x7fffffff });
