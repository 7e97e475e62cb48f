import type { JsonValue } from '../model/json.js';
import type { ListRuleEntry } from '../model/options.js';
import type { Path } from '../model/path.js';
import { documentIds } from '../locate/documentIds.js';
import { diffValues, type RawChange } from './diffValues.js';

/**
 * Diffs two files' documents. A single-document pair is diffed directly (paths without a
 * document segment); multi-document files are matched by entity identity (`kind:ns/name`,
 * else position), each change path led by its `document` segment.
 */
export function diffDocuments(before: readonly JsonValue[], after: readonly JsonValue[], rules: readonly ListRuleEntry[]): RawChange[] {
  const out: RawChange[] = [];
  if (before.length <= 1 && after.length <= 1) {
    diffValues(before[0] ?? null, after[0] ?? null, [], rules, out);
    return out;
  }
  const bIds = documentIds(before);
  const aIds = documentIds(after);
  const bIndex = new Map(bIds.map((id, i) => [id, i]));
  const aSet = new Set(aIds);
  bIds.forEach((id, i) => {
    if (!aSet.has(id)) out.push({ path: [{ kind: 'document', id }], kind: 'remove', base: before[i]! });
  });
  aIds.forEach((id, i) => {
    const prefix: Path = [{ kind: 'document', id }];
    const b = bIndex.get(id);
    if (b === undefined) out.push({ path: prefix, kind: 'add', theirs: after[i]!, after: i === 0 ? null : { kind: 'document', id: aIds[i - 1]! } });
    else diffValues(before[b]!, after[i]!, prefix, rules, out);
  });
  return out;
}
