import type { JsonValue } from '../model/json.js';
import type { ListRuleEntry } from '../model/options.js';
import type { DocumentAlignment } from './alignDocuments.js';
import { diffValues, type RawChange } from './diffValues.js';

/**
 * Diffs two files' documents as aligned (see `alignDocuments`). Single-document files are diffed
 * directly (paths without a document segment); otherwise each change path starts with the base
 * document's segment, a document only `after` has is one `add`, one only `before` has one `remove`.
 */
export function diffDocuments(before: readonly JsonValue[], after: readonly JsonValue[], alignment: DocumentAlignment, rules: readonly ListRuleEntry[]): RawChange[] {
  const out: RawChange[] = [];
  if (!alignment.multi) {
    diffValues(before[0] ?? null, after[0] ?? null, [], rules, out);
    return out;
  }
  const { baseIds, theirIds, theirsOf } = alignment;
  const baseOf = new Map<number, number>();
  theirsOf.forEach((j, i) => {
    if (j === -1) out.push({ path: [{ kind: 'document', id: baseIds[i]! }], kind: 'remove', base: before[i]! });
    else baseOf.set(j, i);
  });
  after.forEach((value, j) => {
    const i = baseOf.get(j);
    if (i !== undefined) diffValues(before[i]!, value, [{ kind: 'document', id: baseIds[i]! }], rules, out);
    else out.push({ path: [{ kind: 'document', id: theirIds[j]! }], kind: 'add', theirs: value, after: j === 0 ? null : { kind: 'document', id: theirIds[j - 1]! } });
  });
  return out;
}
