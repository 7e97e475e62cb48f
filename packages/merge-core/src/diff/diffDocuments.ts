import type { JsonValue } from '../model/json.js';
import type { ListRuleEntry } from '../model/options.js';
import { documentIds } from '../locate/documentIds.js';
import { diffValues, type RawChange } from './diffValues.js';

/**
 * Diffs two files' documents. A single-document pair is diffed directly (paths without a
 * document segment); multi-document files are matched by entity identity (`kind:ns/name`,
 * else position), then documents left unmatched pair up in order (an entity whose name changed),
 * each change path led by the `before` document's segment.
 */
export function diffDocuments(before: readonly JsonValue[], after: readonly JsonValue[], rules: readonly ListRuleEntry[]): RawChange[] {
  const out: RawChange[] = [];
  if (before.length <= 1 && after.length <= 1) {
    diffValues(before[0] ?? null, after[0] ?? null, [], rules, out);
    return out;
  }
  const bIds = documentIds(before);
  const aIds = documentIds(after);
  // match by identity first; documents whose identity changed pair up by position among the rest
  const bIndex = new Map(bIds.map((id, i) => [id, i]));
  const pairOf = new Map<number, number>();
  const usedB = new Set<number>();
  aIds.forEach((id, i) => {
    const b = bIndex.get(id);
    if (b !== undefined && !usedB.has(b)) {
      pairOf.set(i, b);
      usedB.add(b);
    }
  });
  const freeB = bIds.map((_, i) => i).filter((i) => !usedB.has(i));
  const freeA = aIds.map((_, i) => i).filter((i) => !pairOf.has(i));
  for (let k = 0; k < Math.min(freeA.length, freeB.length); k++) {
    pairOf.set(freeA[k]!, freeB[k]!);
    usedB.add(freeB[k]!);
  }
  bIds.forEach((id, i) => {
    if (!usedB.has(i)) out.push({ path: [{ kind: 'document', id }], kind: 'remove', base: before[i]! });
  });
  aIds.forEach((id, i) => {
    const b = pairOf.get(i);
    if (b === undefined) {
      out.push({ path: [{ kind: 'document', id }], kind: 'add', theirs: after[i]!, after: i === 0 ? null : { kind: 'document', id: aIds[i - 1]! } });
    } else diffValues(before[b]!, after[i]!, [{ kind: 'document', id: bIds[b]! }], rules, out);
  });
  return out;
}
