import type { ApplyResult, Change, ChangeSet, Selection } from '../model/change.js';
import { MergeError } from '../model/errors.js';
import { jsonEqual, type JsonValue } from '../model/json.js';
import { formatPath, type Path } from '../model/path.js';
import { resolveOptions, type MergeOptions, type ResolvedOptions } from '../model/options.js';
import { validateChangeSet } from '../model/validateChangeSet.js';
import { validateSelection } from '../model/validateSelection.js';
import { parseYamlFile } from '../parse/parseYaml.js';
import { editableDocuments } from '../locate/editableDocuments.js';
import { documentIds, entityRef } from '../locate/documentIds.js';
import { ambiguousStep } from '../locate/ambiguousStep.js';
import { describeShape, lookupValue, type Lookup } from '../locate/lookupValue.js';
import { documentFinder } from '../select/findDocument.js';
import { selectChanges } from '../select/selectChanges.js';
import { changeToEdit } from '../select/changesToEdits.js';
import { placeAfter } from '../select/placeAfter.js';
import type { Edit } from './edit.js';
import { applyEditsStyledBy } from './applyEdits.js';

/**
 * Applies the selected changes of a change set to `ours` as splices on its original text.
 * Fidelity contract: bytes outside the touched nodes are kept exactly (an empty selection returns
 * `ours` byte-for-byte), new text copies the local style (quotes measured without the text at the
 * change set's paths, which an earlier pick may have written), the result is verified (re-parsed and
 * compared with the intended value) before it is returned. Selecting a conflict takes theirs,
 * except where ours changed the shape of a collection on the change's path (a sequence became a
 * mapping, ...): that change is skipped with a `PATH_THROUGH_*` reason, ours' data is never
 * overwritten; where ours holds the element or entity a change names twice (a repeated
 * identity), the change is skipped with an `AMBIGUOUS` reason. Each change reaches its own
 * document (see `ChangeSet.documents`); a change set made for a single-document file is refused
 * for a text of several documents. Changes ours already reflects count as applied; changes that
 * cannot apply are `skipped` with a reason; the order of `selection` never matters. A malformed change set (`INVALID_CHANGESET`, located:
 * `changes[3].path[1]`), selection or options (`INVALID_ARGUMENT`) and values over the limits
 * (`DEPTH_LIMIT`) come back as errors with `ours` unchanged; nothing is thrown.
 */
export function applyChanges(ours: string, changeSet: ChangeSet, selection?: Selection, options?: MergeOptions): ApplyResult {
  const resolved = resolveOptions(options);
  const invalid = resolved instanceof MergeError ? resolved : validateChangeSet(changeSet, resolved.limits) ?? validateSelection(selection, resolved.limits.maxDepth);
  if (invalid !== null) return { text: ours, applied: [], skipped: [], errors: [invalid] };
  const { limits } = resolved as ResolvedOptions;
  const file = parseYamlFile(ours, limits, 'ours');
  if (file.errors.length > 0) return { text: ours, applied: [], skipped: [], errors: file.errors };
  const { selected, unmatched } = selectChanges(changeSet.changes, selection);
  const values = editableDocuments(file).map((d) => d.value);
  const ids = documentIds(values);
  const findDocument = documentFinder(ids, changeSet.documents);
  const applied: string[] = [];
  const skipped = [...unmatched];
  const edits: Edit[] = [];
  const changeOfEdit = new Map<string, string>();
  const hasPath = (path: Path): boolean => {
    const target = targetIn(path, values, ids, findDocument);
    return !('missing' in target) && lookupValue(target.root, target.path, target.from).kind === 'found';
  };
  const placeNew = placeAfter(changeSet.changes, new Set(selected.filter((c) => c.after !== undefined).map((c) => c.id)), hasPath);
  for (const change of selected) {
    const target = targetIn(change.path, values, ids, findDocument);
    if ('missing' in target) {
      // a removal inside a document ours does not have is already reflected
      if (change.kind === 'remove' && target.missing === 'document') applied.push(change.id);
      else skipped.push({ id: change.id, reason: `${target.missing === 'ambiguous' ? 'AMBIGUOUS' : 'UNAPPLIABLE'}: ${target.reason}` });
      continue;
    }
    const found = lookupValue(target.root, change.path, target.from);
    if (found.kind === 'shape') {
      const { code, what } = describeShape(found, change.path);
      skipped.push({ id: change.id, reason: `${code}: ${what}; theirs' change would overwrite it` });
      continue;
    }
    const ambiguous = ambiguousStep(target.root, change.path, target.from);
    if (ambiguous !== null) {
      skipped.push({ id: change.id, reason: `AMBIGUOUS: ${ambiguous.what}; theirs' change could reach only one of them` });
      continue;
    }
    if (alreadyThere(found, change)) {
      applied.push(change.id);
      continue;
    }
    if (change.path.length === 1 && change.path[0]!.kind === 'document') {
      skipped.push({ id: change.id, reason: 'UNSUPPORTED: adding or removing a whole document is not supported; edit the file by hand' });
      continue;
    }
    const lengthAt = (path: Path): number | null => {
      const parent = lookupValue(target.root, path, target.from);
      return parent.kind === 'found' && Array.isArray(parent.value) ? parent.value.length : null;
    };
    const placed = change.after !== undefined ? { after: placeNew(change) } : {};
    const edit = changeToEdit({ ...change, ...placed, path: target.path }, lengthAt);
    if (edit === null) continue;
    edits.push(edit);
    changeOfEdit.set(formatPath(edit.path), change.id);
  }
  if (edits.length === 0) return { text: ours, applied, skipped, errors: [] };
  // text at a path of the change set may be what the engine wrote for an earlier pick: it does
  // not decide how new text is quoted, so the result does not depend on how a selection is split
  const notEvidence = changeSet.changes.flatMap((c) => {
    const target = targetIn(c.path, values, ids, findDocument);
    return 'missing' in target ? [] : [target.path];
  });
  const result = applyEditsStyledBy(ours, edits, options, notEvidence);
  const ok = new Set(result.applied);
  edits.forEach((edit, i) => {
    if (ok.has(i)) applied.push(changeOfEdit.get(formatPath(edit.path))!);
  });
  const errors: MergeError[] = [];
  for (const e of result.errors) {
    const id = e.path === undefined ? undefined : changeOfEdit.get(e.path);
    if (id === undefined) errors.push(e);
    else skipped.push({ id, reason: `${e.code}: ${e.message}` });
  }
  if (errors.length > 0) return { text: ours, applied: [], skipped, errors };
  const order = new Map(changeSet.changes.map((c, i) => [c.id, i]));
  applied.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return { text: result.text, applied, skipped, errors };
}

/**
 * Where a change path leads in ours: the document it names (its segment rewritten to the id that
 * document has in this text) and the value to follow the rest of the path from; or why there is
 * no such place.
 */
function targetIn(
  path: Path,
  values: readonly JsonValue[],
  ids: readonly string[],
  findDocument: (id: string) => number,
): { path: Path; root: JsonValue | undefined; from: number } | { missing: 'document' | 'single' | 'ambiguous'; reason: string } {
  const first = path[0];
  if (first?.kind === 'document') {
    const at = findDocument(first.id);
    if (at === -1) return { missing: 'document', reason: `ours has no document ${JSON.stringify(first.id)}` };
    // `documentIds` names an entity by position only when ours holds it more than once
    const ref = entityRef(values[at]!);
    if (ref !== null && ids[at] !== ref) {
      const copies = values.filter((v) => entityRef(v) === ref).length;
      return { missing: 'ambiguous', reason: `ours has ${copies} documents of the entity ${ref}; theirs' change could reach only one of them` };
    }
    return { path: [{ kind: 'document', id: ids[at]! }, ...path.slice(1)], root: values[at], from: 1 };
  }
  if (values.length > 1) {
    return { missing: 'single', reason: `the change set was made for a single-document file, and ours has ${values.length} documents` };
  }
  return { path, root: values[0], from: 0 };
}

function alreadyThere(found: Lookup, change: Change): boolean {
  if (change.kind === 'move') return false;
  if (change.kind === 'remove') return found.kind === 'missing';
  return found.kind === 'found' && jsonEqual(found.value, change.theirs);
}
