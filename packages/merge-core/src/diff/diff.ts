import { summarize, type ChangeSet } from '../model/change.js';
import { MergeError } from '../model/errors.js';
import { findNonJson, type JsonValue } from '../model/json.js';
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
  const { listRules, limits } = resolveOptions(options);
  const b = parseYamlFile(before, limits, 'before');
  const a = parseYamlFile(after, limits, 'after');
  const errors = [...b.errors, ...a.errors];
  if (errors.length > 0) return { changes: [], summary: summarize([]), errors };
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
 * model as `diff`, for callers that already hold parsed data. Values that are not JSON come back
 * as a `NOT_JSON` error.
 */
export function diffJson(before: JsonValue, after: JsonValue, options?: MergeOptions): ChangeSet {
  const { listRules } = resolveOptions(options);
  for (const [name, value] of [['before', before], ['after', after]] as const) {
    const bad = findNonJson(value);
    if (bad !== null) return { changes: [], summary: summarize([]), errors: [new MergeError('NOT_JSON', `${name} is not JSON at ${bad}`, { source: name })] };
  }
  const raw: RawChange[] = [];
  diffValues(before, after, [], listRules, raw);
  const changes = raw.map((c) => withStatus(c, null));
  return { changes, summary: summarize(changes), errors: [] };
}
