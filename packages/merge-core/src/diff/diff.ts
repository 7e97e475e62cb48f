import { failedChangeSet, summarize, type ChangeSet } from '../model/change.js';
import { MergeError } from '../model/errors.js';
import { checkJsonValue } from '../model/checkJsonValue.js';
import type { JsonValue } from '../model/json.js';
import { resolveOptions, type MergeOptions } from '../model/options.js';
import { parseYamlFile } from '../parse/parseYaml.js';
import { alignDocuments } from './alignDocuments.js';
import { diffDocuments } from './diffDocuments.js';
import { diffValues, type RawChange } from './diffValues.js';
import { withStatus } from './merge3.js';

/**
 * Two-way diff: the changes that turn `before` into `after`, at the finest granularity, each
 * `clean` (there is no third version). Documents of multi-document files correspond by entity
 * identity, renames included (`ChangeSet.documents`). Unreadable input comes back as `errors`.
 */
export function diff(before: string, after: string, options?: MergeOptions): ChangeSet {
  const resolved = resolveOptions(options);
  if (resolved instanceof MergeError) return failedChangeSet([resolved]);
  const { listRules, limits } = resolved;
  const b = parseYamlFile(before, limits, 'before');
  const a = parseYamlFile(after, limits, 'after');
  const errors = [...b.errors, ...a.errors];
  if (errors.length > 0) return failedChangeSet(errors);
  const beforeValues = b.documents.map((d) => d.value);
  const afterValues = a.documents.map((d) => d.value);
  const alignment = alignDocuments(beforeValues, afterValues, null);
  const changes = diffDocuments(beforeValues, afterValues, alignment, listRules).map((c) => withStatus(c, null));
  const changeSet: ChangeSet = { changes, summary: summarize(changes), errors: [] };
  if (alignment.documents) changeSet.documents = alignment.documents;
  return changeSet;
}

/**
 * Two-way diff of two JSON values (one document each) with the same list rules and change
 * model as `diff`, for callers that already hold parsed data. A value that is not JSON, nests
 * deeper than `limits.maxDepth` or is larger than `limits.maxBytes` (as JSON text) comes back as a
 * `NOT_JSON` / `DEPTH_LIMIT` / `SIZE_LIMIT` error, as a YAML text would.
 */
export function diffJson(before: JsonValue, after: JsonValue, options?: MergeOptions): ChangeSet {
  const resolved = resolveOptions(options);
  if (resolved instanceof MergeError) return failedChangeSet([resolved]);
  for (const [name, value] of [['before', before], ['after', after]] as const) {
    const bad = checkJsonValue(value, resolved.limits);
    if (bad !== null) return failedChangeSet([new MergeError(bad.code, `${name} ${bad.message}`, { source: name })]);
  }
  const { listRules } = resolved;
  const raw: RawChange[] = [];
  diffValues(before, after, [], listRules, raw);
  const changes = raw.map((c) => withStatus(c, null));
  return { changes, summary: summarize(changes), errors: [] };
}
