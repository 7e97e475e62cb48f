import { failedChangeSet, summarize, type Change, type ChangeSet, type ChangeStatus } from '../model/change.js';
import { MergeError } from '../model/errors.js';
import { jsonEqual, type JsonValue } from '../model/json.js';
import { formatPath, type Path } from '../model/path.js';
import { resolveOptions, type MergeOptions } from '../model/options.js';
import { parseYamlFile } from '../parse/parseYaml.js';
import { ambiguousStep } from '../locate/ambiguousStep.js';
import { lookupValue, type Lookup } from '../locate/lookupValue.js';
import { documentIds, entityRef } from '../locate/documentIds.js';
import { editableDocuments } from '../locate/editableDocuments.js';
import { alignDocuments, type OursRoot } from './alignDocuments.js';
import { identities } from './listRules.js';
import { collapseShiftedLists } from './collapseShiftedLists.js';
import { diffDocuments } from './diffDocuments.js';
import { placeAmongOurs } from './placeAmongOurs.js';
import type { RawChange } from './diffValues.js';

/**
 * Three-way merge: every change `theirs` makes to `base`, each a separate selectable `Change`
 * with its status against `ours` (`clean`: ours still has the base value there; `applied`: ours
 * already has theirs; `conflict`: ours changed it differently, removed its parent, or changed the
 * shape of a collection on its path). Where ours inserted, removed or reordered elements of an
 * ordered list at or before a change inside it, that list's changes are one `replace` of the whole
 * list (see `collapseShiftedLists`): a change never lands on another element. A change whose
 * path names an element ours holds twice (a repeated `name` or set value), or an entity ours
 * holds in two documents, is a `conflict` too.
 * Documents of
 * multi-document files correspond by entity
 * identity, renames included (`ChangeSet.documents`). Inputs that cannot be read come back as
 * `errors` (with `source` = base/ours/theirs), never as exceptions; so do arguments of the wrong
 * type (`INVALID_ARGUMENT`: a text that is not a string, malformed options).
 */
export function merge3(input: { base: string; ours: string; theirs: string }, options?: MergeOptions): ChangeSet {
  const resolved = resolveOptions(options);
  if (resolved instanceof MergeError) return failedChangeSet([resolved]);
  if (typeof input !== 'object' || input === null) {
    return failedChangeSet([new MergeError('INVALID_ARGUMENT', 'input must be an object { base, ours, theirs } of YAML texts', { path: 'input' })]);
  }
  const { listRules, limits } = resolved;
  const base = parseYamlFile(input.base, limits, 'base');
  const ours = parseYamlFile(input.ours, limits, 'ours');
  const theirs = parseYamlFile(input.theirs, limits, 'theirs');
  const errors = [...base.errors, ...ours.errors, ...theirs.errors];
  if (errors.length > 0) return failedChangeSet(errors);
  const baseValues = base.documents.map((d) => d.value);
  const theirValues = theirs.documents.map((d) => d.value);
  const oursValues = editableDocuments(ours).map((d) => d.value);
  const alignment = alignDocuments(baseValues, theirValues, oursValues);
  const at = (side: (path: Path) => OursRoot) => (path: Path) => {
    const { root, from } = side(path);
    const found = lookupValue(root, path, from);
    return found.kind === 'found' ? found.value : undefined;
  };
  // base's and theirs' document a change path names (`indexIn`: its position there, from base's)
  const rootIn = (values: readonly JsonValue[], indexIn: (baseIndex: number) => number) => (path: Path): OursRoot => {
    const first = path[0];
    if (!alignment.multi || first?.kind !== 'document') return { root: values[0], from: 0 };
    const i = indexIn(alignment.baseIds.indexOf(first.id));
    return { root: i === -1 ? undefined : values[i], from: 1 };
  };
  const baseRoot = rootIn(baseValues, (i) => i);
  const theirsRoot = rootIn(theirValues, (i) => alignment.theirsOf[i] ?? -1);
  const raw = collapseShiftedLists(diffDocuments(baseValues, theirValues, alignment, listRules), at(baseRoot), at((path) => alignment.oursRoot(path)), at(theirsRoot));
  const repeated = repeatedDocuments(oursValues, alignment.documents);
  const changes = raw.map((c) => {
    const change = withStatus(c, alignment.oursRoot(c.path));
    // ours holds this entity twice: theirs' change could reach only one copy
    if (c.path[0]?.kind === 'document' && repeated.has(c.path[0].id)) change.status = 'conflict';
    return change;
  });
  placeAmongOurs(changes, at(theirsRoot), at((path) => alignment.oursRoot(path)));
  const changeSet: ChangeSet = { changes, summary: summarize(changes), errors: [] };
  if (alignment.documents) changeSet.documents = alignment.documents;
  return changeSet;
}

/** Attaches ours' value and the status to a raw change (`ours` null: a two-way diff, all clean). */
export function withStatus(raw: RawChange, ours: OursRoot | null): Change {
  const change: Change = { id: formatPath(raw.path), path: raw.path, kind: raw.kind, status: 'clean' };
  if (raw.base !== undefined) change.base = raw.base;
  const found = ours === null ? null : lookupValue(ours.root, raw.path, ours.from);
  if (found?.kind === 'found') change.ours = found.value;
  if (raw.theirs !== undefined) change.theirs = raw.theirs;
  if (raw.after !== undefined) change.after = raw.after;
  if (raw.field !== undefined) change.field = raw.field;
  if (found !== null) change.status = statusOf(raw, found);
  // ours repeats an identity on the path: theirs' change could reach only one of the copies
  if (ours !== null && ambiguousStep(ours.root, raw.path, ours.from) !== null) change.status = 'conflict';
  return change;
}

/**
 * A change is `conflict` where ours changed the value differently, where ours lacks the parent an
 * addition goes into (taking theirs would resurrect it), and wherever ours changed the shape of a
 * collection on the path (a sequence became a mapping, a mapping a scalar, ...): writing theirs
 * there would overwrite ours' data.
 */
function statusOf(raw: RawChange, ours: Lookup): ChangeStatus {
  if (ours.kind === 'shape') return 'conflict';
  const value = ours.kind === 'found' ? ours.value : undefined;
  switch (raw.kind) {
    case 'add': {
      if (value !== undefined) return jsonEqual(value, raw.theirs) ? 'applied' : 'conflict';
      const isDocument = raw.path.length === 1 && raw.path[0]!.kind === 'document';
      return isDocument || (ours.kind === 'missing' && ours.depth === raw.path.length - 1) ? 'clean' : 'conflict';
    }
    case 'remove':
      return value === undefined ? 'applied' : jsonEqual(value, raw.base) ? 'clean' : 'conflict';
    case 'replace':
      return value === undefined ? 'conflict' : jsonEqual(value, raw.theirs) ? 'applied' : jsonEqual(value, raw.base) ? 'clean' : 'conflict';
    case 'move': {
      if (!Array.isArray(value)) return 'conflict';
      const field = raw.field ?? null;
      const ids = identities(value, field);
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

/**
 * The document ids (change paths' document segments) whose entity ours holds in more than one
 * document (`documentIds` then gives those documents positions, and only one would be changed).
 */
function repeatedDocuments(oursValues: readonly JsonValue[], documents: ChangeSet['documents']): Set<string> {
  const out = new Set<string>();
  if (!documents) return out;
  const refs = oursValues.map(entityRef);
  const count = new Map<string, number>();
  for (const ref of refs) if (ref !== null) count.set(ref, (count.get(ref) ?? 0) + 1);
  if (![...count.values()].some((n) => n > 1)) return out;
  const ids = documentIds(oursValues);
  for (const d of documents) {
    const at = typeof d.ours === 'string' ? ids.indexOf(d.ours) : -1;
    const ref = at === -1 ? null : refs[at]!;
    if (ref !== null && (count.get(ref) ?? 0) > 1) out.add(d.id);
  }
  return out;
}
