import { summarize, type Change, type ChangeSet, type ChangeStatus } from '../model/change.js';
import { jsonEqual, type JsonValue } from '../model/json.js';
import { formatPath } from '../model/path.js';
import { resolveOptions, type MergeOptions } from '../model/options.js';
import { parseYamlFile } from '../parse/parseYaml.js';
import { identities } from './listRules.js';
import { diffDocuments } from './diffDocuments.js';
import type { RawChange } from './diffValues.js';
import { valueAt } from './valueAt.js';

/**
 * Three-way merge: every change `theirs` makes to `base`, each a separate selectable `Change`
 * with its status against `ours` (`clean`: ours still has the base value there; `applied`: ours
 * already has theirs; `conflict`: ours changed it differently or removed its parent). Inputs that
 * cannot be read come back as `errors` (with `source` = base/ours/theirs), never as exceptions.
 */
export function merge3(input: { base: string; ours: string; theirs: string }, options?: MergeOptions): ChangeSet {
  const { listRules, limits } = resolveOptions(options);
  const base = parseYamlFile(input.base, limits, 'base');
  const ours = parseYamlFile(input.ours, limits, 'ours');
  const theirs = parseYamlFile(input.theirs, limits, 'theirs');
  const errors = [...base.errors, ...ours.errors, ...theirs.errors];
  if (errors.length > 0) return { changes: [], summary: summarize([]), errors };
  const baseValues = base.documents.map((d) => d.value);
  const ourValues = ours.documents.map((d) => d.value);
  const raw = diffDocuments(baseValues, theirs.documents.map((d) => d.value), listRules);
  const changes = raw.map((c) => withStatus(c, ourValues));
  return { changes, summary: summarize(changes), errors: [] };
}

/** Attaches ours' value and the status to a raw change. */
export function withStatus(raw: RawChange, ours: readonly JsonValue[] | null): Change {
  const change: Change = { id: formatPath(raw.path), path: raw.path, kind: raw.kind, status: 'clean' };
  if (raw.base !== undefined) change.base = raw.base;
  const o = ours === null ? undefined : valueAt(ours, raw.path);
  if (ours !== null && o !== undefined) change.ours = o;
  if (raw.theirs !== undefined) change.theirs = raw.theirs;
  if (raw.after !== undefined) change.after = raw.after;
  if (raw.field !== undefined) change.field = raw.field;
  if (ours !== null) change.status = statusOf(raw, o, ours);
  return change;
}

function statusOf(raw: RawChange, ours: JsonValue | undefined, ourValues: readonly JsonValue[] | null): ChangeStatus {
  switch (raw.kind) {
    case 'add': {
      if (ours !== undefined) return jsonEqual(ours, raw.theirs) ? 'applied' : 'conflict';
      // theirs adds inside a collection that base had: if ours removed it, taking theirs would resurrect it
      const parent = ourValues === null ? undefined : valueAt(ourValues, raw.path.slice(0, -1));
      const isDocument = raw.path.length === 1 && raw.path[0]!.kind === 'document';
      return isDocument || (parent !== null && typeof parent === 'object') ? 'clean' : 'conflict';
    }
    case 'remove':
      return ours === undefined ? 'applied' : jsonEqual(ours, raw.base) ? 'clean' : 'conflict';
    case 'replace':
      return ours === undefined ? 'conflict' : jsonEqual(ours, raw.theirs) ? 'applied' : jsonEqual(ours, raw.base) ? 'clean' : 'conflict';
    case 'move': {
      if (!Array.isArray(ours)) return 'conflict';
      const field = raw.field ?? null;
      const ids = identities(ours, field);
      if (ids === null) return 'conflict';
      const baseOrder = raw.base as string[];
      const theirOrder = raw.theirs as string[];
      const inOurs = new Set(ids);
      const inTheirs = new Set(theirOrder);
      const common = new Set(baseOrder.filter((id) => inTheirs.has(id) && inOurs.has(id)));
      const ourSeq = ids.filter((id) => common.has(id));
      const eq = (list: string[]) => list.filter((id) => common.has(id)).every((id, i) => id === ourSeq[i]);
      if (eq(theirOrder)) return 'applied';
      return eq(baseOrder) ? 'clean' : 'conflict';
    }
  }
}

