import { cloneJson, isJsonObject, setOwn, type JsonObject, type JsonValue } from '../model/json.js';
import { formatPath, segmentEqual, type Path, type PathSegment } from '../model/path.js';
import { elementKey } from '../locate/elementKey.js';
import { findIn } from '../locate/findIn.js';
import type { Edit } from './edit.js';
import { identityValue } from './identityValue.js';

/**
 * The value-level meaning of a batch of edits: what the spliced text must parse to. Written
 * independently of the text machinery (same placement rules: inserts after their sibling as it
 * stands in the original, removals and reordering by original identity), so the engine can
 * check its own output against it.
 */
export function applyEditsToValue(values: readonly JsonValue[], docIds: readonly string[], edits: readonly Edit[]): JsonValue[] {
  const docs = values.map((v) => cloneJson(v));
  const holder = { docs };
  type Plan = { inserts: { after: number | null; before?: number; value: JsonValue; seq: number; identity: PathSegment | null }[]; removes: Set<number>; order: PathSegment[] | null; original: JsonValue[] };
  const plans = new Map<JsonValue[], Plan>();
  const planFor = (arr: JsonValue[]): Plan => {
    let p = plans.get(arr);
    if (!p) plans.set(arr, (p = { inserts: [], removes: new Set(), order: null, original: [...arr] }));
    return p;
  };
  const sets: (() => void)[] = [];
  /** The entries the edits create, by document and path: the value later edits below them fill. */
  const created = new Map<string, JsonValue>();
  edits.forEach((edit, seq) => {
    let path: Path = edit.path;
    let d = 0;
    if (path[0]?.kind === 'document') {
      d = docIds.indexOf(path[0].id);
      path = path.slice(1);
    }
    const walk = resolve(holder.docs, d, path);
    if (!walk) return;
    const { container, key, index, missing } = walk;
    if (edit.op === 'set') {
      if (missing === path.length) {
        sets.push(() => {
          if (Array.isArray(container)) container[index] = cloneJson(edit.value);
          else if (container && key !== null) setOwn(container as JsonObject, key, cloneJson(edit.value));
          else holder.docs[d] = cloneJson(edit.value);
        });
        return;
      }
      // create the missing part; later edits below the same new entry write into it
      const entryKey = `${d}\u0000${formatPath(path.slice(0, missing + 1))}`;
      const earlier = created.get(entryKey);
      if (earlier !== undefined) {
        graft(earlier, path.slice(missing + 1), edit.value);
        return;
      }
      const target = missing === 0 ? holder.docs[d] : walkValue(holder.docs[d]!, path.slice(0, missing));
      const seg = path[missing]!;
      const built = buildTail(path.slice(missing + 1), cloneJson(edit.value));
      const setTarget = (v: JsonValue) => {
        if (missing === 0) holder.docs[d] = v;
        else {
          const parentWalk = resolve(holder.docs, d, path.slice(0, missing));
          if (parentWalk?.container && Array.isArray(parentWalk.container)) parentWalk.container[parentWalk.index] = v;
          else if (parentWalk?.container && parentWalk.key !== null) setOwn(parentWalk.container as JsonObject, parentWalk.key, v);
        }
      };
      if (seg.kind === 'key') {
        created.set(entryKey, built);
        if (isJsonObject(target)) sets.push(() => setOwn(target, seg.key, built));
        else if (target === null || target === undefined) {
          const obj: JsonObject = {};
          setOwn(obj, seg.key, built);
          sets.push(() => setTarget(obj));
        }
        return;
      }
      const element = seg.kind === 'keyed' ? keyedElement(seg.key, seg.value, built, Array.isArray(target) ? target : []) : built;
      created.set(entryKey, element);
      if (Array.isArray(target)) {
        const plan = planFor(target);
        let after: number | null = null;
        if (edit.after === null) after = -1;
        else if (edit.after) {
          const idx = findIn(plan.original, edit.after);
          after = idx !== -1 ? idx : (plan.inserts.find((i) => i.identity && segmentEqual(i.identity, edit.after!))?.after ?? null);
        }
        plan.inserts.push({ after, value: element, seq, identity: seg });
      } else if (target === null || target === undefined) {
        const arr = [element];
        sets.push(() => setTarget(arr));
      }
      return;
    }
    if (edit.op === 'remove') {
      if (missing !== path.length) return;
      if (Array.isArray(container)) planFor(container).removes.add(index);
      else if (container && key !== null) sets.push(() => delete (container as JsonObject)[key]);
      return;
    }
    const target = walkValue(holder.docs[d]!, path);
    if (edit.op === 'insert') {
      if (Array.isArray(target)) planFor(target).inserts.push({ after: null, before: edit.index < target.length ? edit.index : undefined, value: cloneJson(edit.value), seq, identity: null });
      else if (target === null) sets.push(() => setTargetAt(holder.docs, d, path, [cloneJson(edit.value)]));
      return;
    }
    if (Array.isArray(target)) planFor(target).order = edit.order;
  });
  for (const set of sets) set();
  for (const [arr, plan] of plans) {
    const orig = plan.original;
    let result: JsonValue[];
    if (plan.order) {
      const used = new Set<number>();
      const placed = new Set<object>();
      result = [];
      const byIdentity = new Map<string, Plan['inserts']>();
      for (const i of plan.inserts) if (i.identity) byIdentity.set(JSON.stringify(i.identity), [...(byIdentity.get(JSON.stringify(i.identity)) ?? []), i]);
      for (const seg of plan.order) {
        const idx = findIn(orig, seg);
        if (idx !== -1 && !used.has(idx)) {
          used.add(idx);
          if (!plan.removes.has(idx)) result.push(arr[idx]!);
          continue;
        }
        const ins = byIdentity.get(JSON.stringify(seg))?.find((i) => !placed.has(i));
        if (ins) {
          placed.add(ins);
          result.push(ins.value);
        }
      }
      for (let i = 0; i < orig.length; i++) if (!used.has(i) && !plan.removes.has(i)) result.push(arr[i]!);
      for (const ins of plan.inserts) if (!placed.has(ins)) result.push(ins.value);
    } else {
      const byAnchor = new Map<number, JsonValue[]>();
      for (const x of [...plan.inserts].sort((a, b) => a.seq - b.seq)) {
        const anchor = x.before !== undefined ? x.before - 1 : x.after === null ? orig.length - 1 : x.after;
        const list = byAnchor.get(anchor);
        if (list) list.push(x.value);
        else byAnchor.set(anchor, [x.value]);
      }
      const at = (i: number): JsonValue[] => byAnchor.get(i) ?? [];
      result = [...at(-1)];
      for (let i = 0; i < orig.length; i++) {
        if (!plan.removes.has(i)) result.push(arr[i]!);
        result.push(...at(i));
      }
    }
    arr.length = 0;
    arr.push(...result);
  }
  return holder.docs;
}

function setTargetAt(docs: JsonValue[], d: number, path: Path, v: JsonValue): void {
  if (path.length === 0) {
    docs[d] = v;
    return;
  }
  const w = resolve(docs, d, path);
  if (w?.container && Array.isArray(w.container)) w.container[w.index] = v;
  else if (w?.container && w.key !== null) setOwn(w.container as JsonObject, w.key, v);
}

function keyedElement(field: string, id: string, value: JsonValue, siblings: readonly JsonValue[]): JsonValue {
  if (isJsonObject(value) && Object.prototype.hasOwnProperty.call(value, field)) return value;
  const out: JsonObject = {};
  setOwn(out, field, identityValue(id, field, siblings));
  if (isJsonObject(value)) for (const k of Object.keys(value)) setOwn(out, k, value[k]!);
  return out;
}

/**
 * Writes `value` at `tail` inside `entry`, a value an earlier edit of the batch created: down the
 * members and elements it already has, then the rest built new. A place already written is left
 * as it is (the text side refuses that edit).
 */
function graft(entry: JsonValue, tail: Path, value: JsonValue): void {
  let cur = entry;
  for (let i = 0; i < tail.length; i++) {
    const seg = tail[i]!;
    let next: JsonValue | undefined;
    if (seg.kind === 'key' && isJsonObject(cur)) next = Object.prototype.hasOwnProperty.call(cur, seg.key) ? cur[seg.key] : undefined;
    else if ((seg.kind === 'keyed' || seg.kind === 'value') && Array.isArray(cur)) {
      next = cur.find((e) => elementKey(e, seg.kind === 'keyed' ? seg.key : null) === seg.value);
    } else return;
    if (next !== undefined) {
      cur = next;
      continue;
    }
    const rest = buildTail(tail.slice(i + 1), cloneJson(value));
    if (seg.kind === 'key') setOwn(cur as JsonObject, seg.key, rest);
    else (cur as JsonValue[]).push(seg.kind === 'keyed' ? keyedElement(seg.key, seg.value, rest, cur as JsonValue[]) : rest);
    return;
  }
}

function buildTail(tail: Path, value: JsonValue): JsonValue {
  let out = value;
  for (let i = tail.length - 1; i >= 0; i--) {
    const seg = tail[i]!;
    if (seg.kind === 'key') {
      const o: JsonObject = {};
      setOwn(o, seg.key, out);
      out = o;
    } else if (seg.kind === 'keyed') out = [keyedElement(seg.key, seg.value, out, [])];
    else out = [out];
  }
  return out;
}

function walkValue(root: JsonValue, path: Path): JsonValue | undefined {
  let cur: JsonValue | undefined = root;
  for (const seg of path) {
    if (cur === undefined || cur === null) return undefined;
    if (seg.kind === 'key') cur = isJsonObject(cur) && Object.prototype.hasOwnProperty.call(cur, seg.key) ? cur[seg.key] : undefined;
    else if (Array.isArray(cur)) {
      const i = findIn(cur, seg);
      cur = i === -1 ? undefined : cur[i];
    } else return undefined;
  }
  return cur;
}

/** Walks as far as the path exists: the container of the last existing step and how far it got. */
function resolve(docs: JsonValue[], d: number, path: Path): { container: JsonValue[] | JsonObject | null; key: string | null; index: number; missing: number } | null {
  if (d < 0 || d >= docs.length) return null;
  let container: JsonValue[] | JsonObject | null = null;
  let key: string | null = null;
  let index = d;
  let cur: JsonValue | undefined = docs[d];
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    if (seg.kind === 'key' && isJsonObject(cur) && Object.prototype.hasOwnProperty.call(cur, seg.key)) {
      container = cur;
      key = seg.key;
      cur = cur[seg.key];
    } else if (seg.kind !== 'key' && Array.isArray(cur) && findIn(cur, seg) !== -1) {
      container = cur;
      key = null;
      index = findIn(cur, seg);
      cur = cur[index];
    } else return { container, key, index, missing: i };
  }
  return { container, key, index, missing: path.length };
}
