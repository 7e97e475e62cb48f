import { MergeError } from '../model/errors.js';
import { findNonJson } from '../model/json.js';
import { formatPath } from '../model/path.js';
import { resolveOptions, type MergeOptions } from '../model/options.js';
import { parseYamlFile } from '../parse/parseYaml.js';
import { documentIds } from '../locate/documentIds.js';
import { verifyOutput } from '../verify/verifyOutput.js';
import type { Edit } from './edit.js';
import { applyEditsToValue } from './applyEditsToValue.js';
import { planEdits } from './planEdits.js';
import { applySplices } from './splice.js';

export interface ApplyEditsResult {
  /** The edited text; `source` unchanged when nothing could be applied or verification failed. */
  text: string;
  /** Indexes (into `edits`) of the edits reflected in `text`. */
  applied: number[];
  /** Errors: one per failed edit (with `path`), or one for the whole call. */
  errors: MergeError[];
}

/**
 * Applies low-level edits to a YAML text as splices on its original bytes (fidelity contract:
 * every byte outside the touched nodes is kept; new text copies the local style). Edits that
 * cannot apply are reported and the others still apply. The output is re-parsed and compared with
 * the intended value before it is returned; on any mismatch the source comes back unchanged with a
 * `VERIFY_FAILED` error, never a wrong file.
 */
export function applyEdits(source: string, edits: readonly Edit[], options?: MergeOptions): ApplyEditsResult {
  const { limits } = resolveOptions(options);
  const file = parseYamlFile(source, limits, 'source');
  if (file.errors.length > 0) return { text: source, applied: [], errors: file.errors };
  const errors: MergeError[] = [];
  const valid: Edit[] = [];
  const validIndex: number[] = [];
  edits.forEach((edit, i) => {
    if ((edit.op === 'set' || edit.op === 'insert') && findNonJson(edit.value) !== null) {
      errors.push(new MergeError('NOT_JSON', `${formatPath(edit.path)}: value is not JSON at ${findNonJson(edit.value)}`, { path: formatPath(edit.path) }));
    } else {
      valid.push(edit);
      validIndex.push(i);
    }
  });
  const plan = planEdits(file, valid);
  for (const [i, error] of plan.failed) errors.push(error.path ? error : new MergeError(error.code, `${formatPath(valid[i]!.path)}: ${error.message}`, { path: formatPath(valid[i]!.path) }));
  const ok = valid.filter((_, i) => !plan.failed.has(i));
  const applied = validIndex.filter((_, i) => !plan.failed.has(i));
  if (ok.length === 0) return { text: source, applied: [], errors };
  const spliced = applySplices(source, plan.splices);
  if ('overlap' in spliced) {
    return { text: source, applied: [], errors: [...errors, new MergeError('UNAPPLIABLE', 'two edits touch the same text; apply them separately')] };
  }
  const ids = documentIds(file.documents.map((d) => d.value));
  const expected = applyEditsToValue(
    file.documents.map((d) => d.value),
    ids,
    ok,
  );
  const failure = verifyOutput(spliced.text, expected, limits);
  if (failure) return { text: source, applied: [], errors: [...errors, failure] };
  return { text: spliced.text, applied, errors };
}
