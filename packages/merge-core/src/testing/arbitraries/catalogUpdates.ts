import fc from 'fast-check';
import { isJsonObject, type JsonObject, type JsonValue } from '../../model/json.js';
import { prng, SEED_RANGE } from './prng.js';
import { KEYS, TRICKY_STRINGS, WORDS } from './vocabulary.js';

/** A reverse-provisioning `updates` object: top-level keys are dot paths, values any JSON. */
export type Updates = Record<string, JsonValue>;

/** Dot paths of every mapping reachable from `doc` through mappings only (root is ''). */
function mappingPaths(doc: JsonValue, prefix = ''): { path: string; map: JsonObject }[] {
  if (!isJsonObject(doc)) return [];
  const out = [{ path: prefix, map: doc }];
  for (const [k, v] of Object.entries(doc)) out.push(...mappingPaths(v, prefix ? `${prefix}.${k}` : k));
  return out;
}

function join(a: string, b: string): string {
  return a ? `${a}.${b}` : b;
}

function updateValue(rand: () => number): JsonValue {
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

function randomUpdates(doc: JsonValue, seed: number): Updates {
  const rand = prng(seed);
  const maps = mappingPaths(doc);
  const updates: Updates = {};
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
      const nonMap = keys.find((k) => !isJsonObject(map[k]!));
      key = nonMap ? join(join(path, nonMap), 'through') : join(path, 'x_a');
    }
    if (key === '') continue;
    updates[key] = updateValue(rand);
  }
  return updates;
}

/**
 * Adversarial `updates` for any document value: 1–4 dot paths to existing keys, to new keys and to
 * new nested paths (`created.deep`), values that are tricky strings, numbers, mappings with dotted
 * literal keys or column lists, and sometimes a path through a scalar or a sequence (an error for
 * that key only). For realistic ones, see {@link adapterUpdates}.
 */
export function catalogUpdates(value: JsonValue): fc.Arbitrary<Updates> {
  return fc.integer(SEED_RANGE).map((seed) => randomUpdates(value, seed));
}
