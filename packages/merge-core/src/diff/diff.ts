import { summarize, type ChangeSet } from '../model/change.js';
import { resolveOptions, type MergeOptions } from '../model/options.js';
import { parseYamlFile } from '../parse/parseYaml.js';
import { diffDocuments } from './diffDocuments.js';
import { withStatus } from './merge3.js';

/**
 * Two-way diff: the changes that turn `before` into `after`, at the finest granularity, each
 * `clean` (there is no third version). Unreadable input comes back as `errors`.
 */
export function diff(before: string, after: string, options?: MergeOptions): ChangeSet {
  const { listRules, limits } = resolveOptions(options);
  const b = parseYamlFile(before, limits, 'before');
  const a = parseYamlFile(after, limits, 'after');
  const errors = [...b.errors, ...a.errors];
  if (errors.length > 0) return { changes: [], summary: summarize([]), errors };
  const raw = diffDocuments(
    b.documents.map((d) => d.value),
    a.documents.map((d) => d.value),
    listRules,
  );
  const changes = raw.map((c) => withStatus(c, null));
  return { changes, summary: summarize(changes), errors: [] };
}
