import { cloneJson, type JsonObject, type JsonValue } from '../../model/json.js';
import { prng } from './prng.js';
import { COLUMN_NAMES, DATA_TYPES, KEYS, SET_KEYS, TRICKY_STRINGS, WORDS } from './vocabulary.js';

/** A location inside a file's documents: the document index, then keys and indices. */
export type ValuePath = (string | number)[];

/** One generated edit, as it was applied to the documents' values (for failure reports). */
export type ValueEdit =
  | { op: 'replace'; path: ValuePath; value: JsonValue }
  | { op: 'addKey'; path: ValuePath; value: JsonValue }
  | { op: 'removeKey'; path: ValuePath }
  | { op: 'addElement'; path: ValuePath; index: number; value: JsonValue }
  | { op: 'removeElement'; path: ValuePath; index: number }
  | { op: 'reorder'; path: ValuePath; order: number[] };

/** Two edited versions of the same documents, edited in unrelated places. */
export interface EditPlan {
  theirs: JsonValue[];
  ours: JsonValue[];
  theirsEdits: ValueEdit[];
  oursEdits: ValueEdit[];
}

function isObject(v: JsonValue | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function getAt(root: JsonValue[], path: ValuePath): JsonValue | undefined {
  let cur: JsonValue | undefined = root;
  for (const seg of path) {
    if (Array.isArray(cur) && typeof seg === 'number') cur = cur[seg];
    else if (isObject(cur) && typeof seg === 'string') cur = Object.prototype.hasOwnProperty.call(cur, seg) ? cur[seg] : undefined;
    else return undefined;
  }
  return cur;
}

function related(a: ValuePath, b: ValuePath): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A list of mappings that all carry a distinct scalar `name`: matched by name. */
function isColumnList(v: JsonValue | undefined): v is JsonObject[] {
  if (!Array.isArray(v) || v.length === 0) return false;
  const names = new Set<string>();
  for (const e of v) {
    if (!isObject(e) || typeof e['name'] !== 'string' || names.has(e['name'])) return false;
    names.add(e['name']);
  }
  return true;
}

/** A list of distinct strings: a set. */
function isStringSet(v: JsonValue | undefined): v is string[] {
  return Array.isArray(v) && v.length > 0 && v.every((e) => typeof e === 'string') && new Set(v).size === v.length;
}

type Site =
  | { kind: 'scalar'; path: ValuePath }
  | { kind: 'map'; path: ValuePath }
  | { kind: 'columns'; path: ValuePath }
  | { kind: 'set'; path: ValuePath };

/**
 * Places an edit can happen. Identity fields are never replaced: a column's `name` (nor removed), and
 * in a multi-document file an entity's `kind` and `metadata.name`/`namespace` (the latter two may be removed).
 */
function sites(docs: JsonValue[]): Site[] {
  const out: Site[] = [];
  const multi = docs.length > 1;
  const walk = (v: JsonValue, path: ValuePath, inColumn: boolean): void => {
    if (isObject(v)) {
      out.push({ kind: 'map', path });
      for (const k of Object.keys(v)) {
        if (inColumn && k === 'name') continue;
        if (multi && path.length === 1 && k === 'kind') continue;
        if (multi && path.length === 2 && path[1] === 'metadata' && (k === 'name' || k === 'namespace')) continue;
        walk(v[k]!, [...path, k], false);
      }
    } else if (Array.isArray(v)) {
      if (isColumnList(v)) {
        out.push({ kind: 'columns', path });
        v.forEach((c, i) => walk(c, [...path, i], true));
      } else if (isStringSet(v)) {
        out.push({ kind: 'set', path });
      }
      // other lists (empty, mixed) are only ever replaced as a whole by a parent edit
    } else if (path.length > 1) {
      out.push({ kind: 'scalar', path });
    }
  };
  docs.forEach((d, i) => walk(d, [i], false));
  return out;
}

/** A different scalar value (often a string that looks like another type). */
function newScalar(rand: () => number, old: JsonValue | undefined): JsonValue {
  for (;;) {
    const r = rand();
    const pool: JsonValue[] =
      r < 0.35 ? [...TRICKY_STRINGS] : r < 0.7 ? [...WORDS] : r < 0.85 ? [0, 42, -7, 1.5, 100000] : [true, false, null];
    const v = pool[Math.floor(rand() * pool.length)]!;
    if (v !== old) return v;
  }
}

function newValue(rand: () => number, depth = 0): JsonValue {
  const r = rand();
  if (depth > 1 || r < 0.6) return newScalar(rand, undefined);
  if (r < 0.75) {
    const out: JsonObject = {};
    const n = 1 + Math.floor(rand() * 2);
    for (let i = 0; i < n; i++) out[KEYS[Math.floor(rand() * KEYS.length)]!] = newValue(rand, depth + 1);
    return out;
  }
  if (r < 0.87) return [...new Set([0, 1].map(() => WORDS[Math.floor(rand() * WORDS.length)]!))];
  if (r < 0.93) return [{ name: 'added_col', dataType: 'string' }];
  return rand() < 0.5 ? {} : [];
}

interface Touched {
  paths: ValuePath[];
  maps: ValuePath[];
}

function samePath(a: ValuePath, b: ValuePath): boolean {
  return a.length === b.length && related(a, b);
}

/**
 * Applies up to `count` random edits to `docs` (in place), avoiding places related to `avoid`
 * (so the two sides of a merge edit independent parts). Returns the edits and what they touched.
 */
function editDocs(docs: JsonValue[], rand: () => number, count: number, avoid: Touched, touched: Touched): ValueEdit[] {
  const done: ValueEdit[] = [];
  for (let attempt = 0; attempt < count * 6 && done.length < count; attempt++) {
    const all = sites(docs);
    if (all.length === 0) break;
    const site = all[Math.floor(rand() * all.length)]!;
    const blocked = (p: ValuePath): boolean =>
      avoid.paths.some((q) => related(p, q)) || touched.paths.some((q) => related(p, q));
    const target = getAt(docs, site.path);
    if (site.kind === 'scalar') {
      if (blocked(site.path)) continue;
      const parent = getAt(docs, site.path.slice(0, -1)) as JsonObject;
      const value = newScalar(rand, target);
      parent[site.path[site.path.length - 1] as string] = value;
      touched.paths.push(site.path);
      done.push({ op: 'replace', path: site.path, value });
    } else if (site.kind === 'map' && isObject(target)) {
      if (avoid.maps.some((m) => samePath(m, site.path))) continue;
      const keys = Object.keys(target);
      const inColumn = site.path.length >= 2 && typeof site.path[site.path.length - 1] === 'number';
      const removable = keys.filter(
        (k) => !(inColumn && k === 'name') && !(site.path.length === 1 && (k === 'kind' || k === 'metadata')),
      );
      if (rand() < 0.5 && removable.length > 0 && !(site.path.length === 1 && keys.length === 1)) {
        const k = removable[Math.floor(rand() * removable.length)]!;
        const p = [...site.path, k];
        if (blocked(p)) continue;
        delete target[k];
        touched.paths.push(p);
        touched.maps.push(site.path);
        done.push({ op: 'removeKey', path: p });
      } else {
        const free = [...KEYS, ...SET_KEYS].filter((k) => !(k in target));
        if (free.length === 0) continue;
        const k = free[Math.floor(rand() * free.length)]!;
        const p = [...site.path, k];
        if (blocked(p)) continue;
        const value = SET_KEYS.includes(k) ? ['pii', 'new-tag'] : newValue(rand);
        target[k] = value;
        touched.paths.push(p);
        touched.maps.push(site.path);
        done.push({ op: 'addKey', path: p, value });
      }
    } else if ((site.kind === 'columns' || site.kind === 'set') && Array.isArray(target)) {
      if (blocked(site.path)) continue;
      const r = rand();
      if (r < 0.4) {
        const index = Math.floor(rand() * (target.length + 1));
        let value: JsonValue;
        if (site.kind === 'columns') {
          const names = new Set(target.map((c) => (c as { name: string }).name));
          const name = [...COLUMN_NAMES, 'new_col', 'zz'].find((n) => !names.has(n))!;
          value = { name, dataType: DATA_TYPES[Math.floor(rand() * DATA_TYPES.length)]! };
          if (rand() < 0.5) value['description'] = newScalar(rand, null);
        } else {
          const candidates = [...TRICKY_STRINGS, ...WORDS].filter((w) => !target.includes(w));
          value = candidates[Math.floor(rand() * candidates.length)]!;
        }
        target.splice(index, 0, value);
        done.push({ op: 'addElement', path: site.path, index, value });
      } else if (r < 0.75 && target.length > 1) {
        const index = Math.floor(rand() * target.length);
        target.splice(index, 1);
        done.push({ op: 'removeElement', path: site.path, index });
      } else if (target.length > 1) {
        const order = target.map((_, i) => i);
        for (let i = order.length - 1; i > 0; i--) {
          const j = Math.floor(rand() * (i + 1));
          [order[i], order[j]] = [order[j]!, order[i]!];
        }
        if (order.every((v, i) => v === i)) order.reverse();
        const copy = [...target];
        order.forEach((from, to) => (target[to] = copy[from]!));
        done.push({ op: 'reorder', path: site.path, order });
      } else {
        continue;
      }
      touched.paths.push(site.path);
    }
  }
  return done;
}

/** Paths of the scalar leaves below a value (through mappings only), `name` of a column excluded. */
function scalarLeaves(v: JsonValue, path: ValuePath, inColumn: boolean, out: ValuePath[]): ValuePath[] {
  if (!isObject(v)) return out;
  for (const k of Object.keys(v)) {
    if (inColumn && k === 'name') continue;
    const child = v[k]!;
    if (isObject(child)) scalarLeaves(child, [...path, k], false, out);
    else if (!Array.isArray(child)) out.push([...path, k]);
  }
  return out;
}

/**
 * The shape where ours removes an entry that theirs edits in several places (a column ours deleted
 * while theirs changed two of its fields; a mapping ours dropped while theirs changed two values
 * inside it, possibly nested): every such change is a conflict whose taking re-creates the entry.
 * Picks an entry neither side touched (a column of a list that keeps another, or a mapping below
 * the document root holding at least two scalar leaves), edits two or three of its leaves on
 * theirs' side and removes the entry on ours' side. Returns false when there is no such entry.
 */
function removeUnderEdits(theirs: JsonValue[], ours: JsonValue[], rand: () => number, touched: ValuePath[], done: { theirs: ValueEdit[]; ours: ValueEdit[] }): boolean {
  const free = (p: ValuePath): boolean => !touched.some((q) => related(p, q));
  const candidates: { path: ValuePath; leaves: ValuePath[]; element: boolean }[] = [];
  for (const site of sites(ours)) {
    const value = getAt(ours, site.path);
    if (site.kind === 'columns' && Array.isArray(value) && value.length > 1) {
      value.forEach((_, i) => {
        const path = [...site.path, i];
        const leaves = scalarLeaves(value[i]!, path, true, []);
        if (leaves.length >= 2 && free(path)) candidates.push({ path, leaves, element: true });
      });
    } else if (site.kind === 'map' && site.path.length >= 3 && isObject(value) && !(typeof site.path[site.path.length - 1] === 'number')) {
      const leaves = scalarLeaves(value, site.path, false, []);
      if (leaves.length >= 2 && free(site.path)) candidates.push({ path: site.path, leaves, element: false });
    }
  }
  if (candidates.length === 0) return false;
  const pick = candidates[Math.floor(rand() * candidates.length)]!;
  const leaves = [...pick.leaves];
  const count = Math.min(leaves.length, 2 + Math.floor(rand() * 2));
  for (let n = 0; n < count; n++) {
    const leaf = leaves.splice(Math.floor(rand() * leaves.length), 1)[0]!;
    const parent = getAt(theirs, leaf.slice(0, -1)) as JsonObject;
    const value = newScalar(rand, parent[leaf[leaf.length - 1] as string]);
    parent[leaf[leaf.length - 1] as string] = value;
    done.theirs.push({ op: 'replace', path: leaf, value });
  }
  const container = getAt(ours, pick.path.slice(0, -1));
  const last = pick.path[pick.path.length - 1]!;
  if (pick.element && Array.isArray(container)) {
    container.splice(last as number, 1);
    done.ours.push({ op: 'removeElement', path: pick.path.slice(0, -1), index: last as number });
  } else {
    delete (container as JsonObject)[last as string];
    done.ours.push({ op: 'removeKey', path: pick.path });
  }
  return true;
}

/**
 * From base documents and a seed: `theirs` with 1..`maxTheirs` edits (changed scalars, added and
 * removed keys, added/removed/reordered list elements) and `ours` with up to `maxOurs` edits on
 * unrelated parts. `maxOurs = 0` gives `ours` equal to base. With ours' edits, one plan in four
 * adds the shape where ours removes an entry theirs edits in several places (see
 * {@link removeUnderEdits}): conflicts whose taking re-creates the entry.
 */
export function planEdits(base: readonly JsonValue[], seed: number, maxTheirs: number, maxOurs: number): EditPlan {
  const rand = prng(seed);
  const theirs = base.map((d) => cloneJson(d));
  const ours = base.map((d) => cloneJson(d));
  const tTouched: Touched = { paths: [], maps: [] };
  const oTouched: Touched = { paths: [], maps: [] };
  const theirsEdits = editDocs(theirs, rand, 1 + Math.floor(rand() * maxTheirs), { paths: [], maps: [] }, tTouched);
  const oursEdits =
    maxOurs > 0 ? editDocs(ours, rand, Math.floor(rand() * (maxOurs + 1)), tTouched, oTouched) : [];
  if (maxOurs > 0 && rand() < 0.25) {
    removeUnderEdits(theirs, ours, rand, [...tTouched.paths, ...oTouched.paths], { theirs: theirsEdits, ours: oursEdits });
  }
  return { theirs, ours, theirsEdits, oursEdits };
}
