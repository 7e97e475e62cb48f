import { isJsonObject, type JsonValue } from '../model/json.js';
import { documentIds, entityIdentity, isEntityId, type EntityIdentity } from '../locate/documentIds.js';

/** Least share of equal leaves for two documents to count as one renamed document (git's default). */
const SIMILARITY = 0.5;
/** Beyond this many candidate pairs, leftover documents are not compared (they stay unmatched). */
const MAX_PAIRS = 10_000;

/**
 * Which document of `other` is each document of `base` (its index, or -1 when `other` has no
 * such document). Documents correspond, in this order of evidence:
 * 1. the same entity identity (`kind:namespace/name`);
 * 2. `renamedTo[i]`, the identity base document `i` has on a third side (theirs), when `other`
 *    has a document of that identity left: the rename was applied there too;
 * 3. content: a renamed entity, or a document without identity, keeps most of its content, so
 *    documents left over pair up by similarity (the share of equal `path: value` leaves, at least
 *    one half, best first, nearer positions first on ties);
 * 4. a rename of a small entity: two entities left over whose identities differ in exactly one
 *    part (kind, namespace or name), when neither has another such candidate;
 * 5. documents without identity still left over pair up in order when both sides have the same
 *    number of them left.
 * A document `other` has and base has not is matched to nothing, so it never receives a change
 * made to another document.
 */
export function matchDocuments(base: readonly JsonValue[], other: readonly JsonValue[], renamedTo: readonly (string | null)[] = []): number[] {
  const baseIds = documentIds(base);
  const otherIds = documentIds(other);
  const match = base.map(() => -1);
  const taken = new Set<number>();
  const pair = (i: number, j: number | undefined): void => {
    if (j === undefined || taken.has(j) || match[i] !== -1) return;
    match[i] = j;
    taken.add(j);
  };
  const otherIndex = new Map<string, number>();
  otherIds.forEach((id, j) => {
    if (isEntityId(id)) otherIndex.set(id, j);
  });
  baseIds.forEach((id, i) => {
    if (isEntityId(id)) pair(i, otherIndex.get(id));
  });
  renamedTo.forEach((id, i) => {
    if (id !== null && isEntityId(id)) pair(i, otherIndex.get(id));
  });
  const free = (): { b: number[]; o: number[] } => ({
    b: base.map((_, i) => i).filter((i) => match[i] === -1),
    o: other.map((_, j) => j).filter((j) => !taken.has(j)),
  });
  let left = free();
  if (left.b.length > 0 && left.o.length > 0 && left.b.length * left.o.length <= MAX_PAIRS) {
    for (const c of bySimilarity(base, other, left.b, left.o)) pair(c.i, c.j);
    left = free();
    for (const [i, j] of uniqueRenames(base, other, left.b, left.o)) pair(i, j);
  }
  const plainBase = base.map((_, i) => i).filter((i) => match[i] === -1 && !isEntityId(baseIds[i]!));
  const plainOther = other.map((_, j) => j).filter((j) => !taken.has(j) && !isEntityId(otherIds[j]!));
  if (plainBase.length === plainOther.length) plainBase.forEach((i, k) => pair(i, plainOther[k]));
  return match;
}

/** Candidate pairs at least {@link SIMILARITY} alike, best first. */
function bySimilarity(base: readonly JsonValue[], other: readonly JsonValue[], bs: number[], os: number[]): { i: number; j: number }[] {
  const otherLeaves = os.map((j) => leafCounts(other[j]!));
  const candidates: { i: number; j: number; score: number }[] = [];
  for (const i of bs) {
    const a = leafCounts(base[i]!);
    os.forEach((j, k) => {
      const score = similarity(a, otherLeaves[k]!);
      if (score >= SIMILARITY) candidates.push({ i, j, score });
    });
  }
  return candidates.sort((a, b) => b.score - a.score || Math.abs(a.i - a.j) - Math.abs(b.i - b.j) || a.i - b.i || a.j - b.j);
}

/** Pairs of entities whose identities differ in exactly one part, where each has no other such candidate. */
function uniqueRenames(base: readonly JsonValue[], other: readonly JsonValue[], bs: number[], os: number[]): [number, number][] {
  const ids = os.map((j) => entityIdentity(other[j]!));
  const candidates = new Map<number, number[]>();
  const count = new Map<number, number>();
  for (const i of bs) {
    const a = entityIdentity(base[i]!);
    if (a === null) continue;
    os.forEach((j, k) => {
      const b = ids[k];
      if (!b || differingParts(a, b) !== 1) return;
      candidates.set(i, [...(candidates.get(i) ?? []), j]);
      count.set(j, (count.get(j) ?? 0) + 1);
    });
  }
  const out: [number, number][] = [];
  for (const [i, js] of candidates) if (js.length === 1 && count.get(js[0]!) === 1) out.push([i, js[0]!]);
  return out;
}

function differingParts(a: EntityIdentity, b: EntityIdentity): number {
  return Number(a.kind !== b.kind) + Number(a.namespace !== b.namespace) + Number(a.name !== b.name);
}

/** The multiset of `path: value` leaves of a value (list positions left out, so insertions shift nothing). */
function leafCounts(value: JsonValue): Map<string, number> {
  const out = new Map<string, number>();
  const stack: { v: JsonValue; at: string }[] = [{ v: value, at: '' }];
  while (stack.length > 0) {
    const { v, at } = stack.pop()!;
    if (Array.isArray(v)) {
      for (const e of v) stack.push({ v: e, at: `${at}[]` });
    } else if (isJsonObject(v)) {
      for (const k of Object.keys(v)) stack.push({ v: v[k]!, at: `${at}.${JSON.stringify(k)}` });
    } else {
      const leaf = `${at}=${JSON.stringify(v)}`;
      out.set(leaf, (out.get(leaf) ?? 0) + 1);
    }
  }
  return out;
}

function similarity(a: Map<string, number>, b: Map<string, number>): number {
  let sizeA = 0;
  let sizeB = 0;
  let common = 0;
  for (const n of a.values()) sizeA += n;
  for (const n of b.values()) sizeB += n;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [leaf, n] of small) common += Math.min(n, large.get(leaf) ?? 0);
  const size = Math.max(sizeA, sizeB);
  return size === 0 ? 1 : common / size;
}
