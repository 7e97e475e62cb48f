import type { ApplyResult, ChangeSet, Selection } from '../model/change.js';
import { MergeError } from '../model/errors.js';
import { jsonEqual, type JsonValue } from '../model/json.js';
import { resolveOptions, type MergeOptions } from '../model/options.js';
import { parseYamlFile } from '../parse/parseYaml.js';
import { valueAt } from '../diff/valueAt.js';
import { selectChanges } from '../select/selectChanges.js';
import { changeToEdit } from '../select/changesToEdits.js';
import type { Edit } from './edit.js';
import { applyEdits } from './applyEdits.js';

/**
 * Applies the selected changes of a change set to `ours` as splices on its original text.
 * Fidelity contract: bytes outside the touched nodes are kept exactly (an empty selection returns
 * `ours` byte-for-byte), new text copies the local style, the result is verified (re-parsed and
 * compared with the intended value) before it is returned. Selecting a conflict takes theirs.
 * Changes ours already reflects count as applied; changes that cannot apply are `skipped` with a
 * reason; the order of `selection` never matters.
 */
export function applyChanges(ours: string, changeSet: ChangeSet, selection?: Selection, options?: MergeOptions): ApplyResult {
  const { limits } = resolveOptions(options);
  const file = parseYamlFile(ours, limits, 'ours');
  if (file.errors.length > 0) return { text: ours, applied: [], skipped: [], errors: file.errors };
  const { selected, unmatched } = selectChanges(changeSet.changes, selection);
  const values = file.documents.map((d) => d.value);
  const applied: string[] = [];
  const skipped = [...unmatched];
  const edits: Edit[] = [];
  const editIds: string[] = [];
  const lengthAt = (path: Edit['path']): number | null => {
    const v = valueAt(values, path);
    return Array.isArray(v) ? v.length : null;
  };
  for (const change of selected) {
    if (alreadyThere(values, change)) {
      applied.push(change.id);
      continue;
    }
    if (change.path.length === 1 && change.path[0]!.kind === 'document') {
      skipped.push({ id: change.id, reason: 'adding or removing a whole document is not supported; edit the file by hand' });
      continue;
    }
    const edit = changeToEdit(change, lengthAt);
    if (edit === null) continue;
    edits.push(edit);
    editIds.push(change.id);
  }
  if (edits.length === 0) return { text: ours, applied, skipped, errors: [] };
  const result = applyEdits(ours, edits, options);
  const ok = new Set(result.applied);
  editIds.forEach((id, i) => {
    if (ok.has(i)) applied.push(id);
  });
  const errors: MergeError[] = [];
  for (const e of result.errors) {
    if (!e.path) errors.push(e);
    else skipped.push({ id: e.path, reason: `${e.code}: ${e.message}` });
  }
  if (errors.length > 0) return { text: ours, applied: [], skipped, errors };
  const order = new Map(changeSet.changes.map((c, i) => [c.id, i]));
  applied.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return { text: result.text, applied, skipped, errors };
}

function alreadyThere(values: readonly JsonValue[], change: ChangeSet['changes'][number]): boolean {
  if (change.kind === 'move') return false;
  const v = valueAt(values, change.path);
  if (change.kind === 'remove') return v === undefined;
  return v !== undefined && jsonEqual(v, change.theirs);
}
