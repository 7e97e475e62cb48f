import { MergeError } from '../model/errors.js';
import { checkJsonValue } from '../model/checkJsonValue.js';
import { pathDepth } from '../model/validatePath.js';
import { formatPath, type Path } from '../model/path.js';
import { resolveOptions, type MergeOptions, type ResolvedLimits, type ResolvedOptions } from '../model/options.js';
import { parseYamlFile } from '../parse/parseYaml.js';
import { documentIds } from '../locate/documentIds.js';
import { editableDocuments } from '../locate/editableDocuments.js';
import { verifyOutput } from '../verify/verifyOutput.js';
import type { Edit } from './edit.js';
import { applyEditsToValue } from './applyEditsToValue.js';
import { planEdits } from './planEdits.js';
import { applySplices } from './splice.js';
import { settleTextEnd } from './settleTextEnd.js';
import { validateEdits } from './validateEdits.js';
import { endsInBlockScalar } from './endsInBlockScalar.js';
import { writeTarget } from './writeTarget.js';

export interface ApplyEditsResult {
  /** The edited text; `source` unchanged when nothing could be applied. */
  text: string;
  /** Indexes (into `edits`) of the edits reflected in `text`. */
  applied: number[];
  /**
   * Errors: one per failed edit (with `path`), or one for the whole call (without `path`, or an
   * `INVALID_EDIT` / `DEPTH_LIMIT` with `source: 'edits'` whose `path` points into `edits`).
   */
  errors: MergeError[];
}

interface Indexed {
  edit: Edit;
  index: number;
}

/**
 * Applies low-level edits to a YAML text as splices on its original bytes (fidelity contract:
 * every byte outside the touched nodes is kept; new text copies the local style). Edits that
 * cannot apply are reported and the others still apply. The output is re-parsed and compared with
 * the intended value before it is returned, never a wrong file: when that check fails for a batch,
 * the batch is split and each half applied and checked on its own, so one edit the engine cannot
 * write fails alone (with its path) instead of taking every other edit with it. A malformed edit
 * list refuses the whole call (`INVALID_EDIT`, located: `edits[2].path[0]`); a value that is not
 * JSON or nests deeper than `limits.maxDepth` (its path counted) fails that edit (`NOT_JSON`,
 * `DEPTH_LIMIT`). Nothing is thrown.
 */
export function applyEdits(source: string, edits: readonly Edit[], options?: MergeOptions): ApplyEditsResult {
  return applyEditsStyledBy(source, edits, options, []);
}

/**
 * {@link applyEdits} where the text at and under `notEvidence` (paths into `source`) does not
 * count as evidence of the local quote style: `applyChanges` passes every path of its change set,
 * whose text may have been written by the engine for an earlier pick.
 */
export function applyEditsStyledBy(source: string, edits: readonly Edit[], options: MergeOptions | undefined, notEvidence: readonly Path[]): ApplyEditsResult {
  const resolved = resolveOptions(options);
  const invalid = resolved instanceof MergeError ? resolved : validateEdits(edits, resolved.limits.maxDepth);
  if (invalid !== null) return { text: source, applied: [], errors: [invalid] };
  const { limits, verify } = resolved as ResolvedOptions;
  const file = parseYamlFile(source, limits, 'source');
  if (file.errors.length > 0) return { text: source, applied: [], errors: file.errors };
  const errors: MergeError[] = [];
  const valid: Indexed[] = [];
  edits.forEach((edit, index) => {
    const bad = (edit.op === 'set' || edit.op === 'insert') ? checkJsonValue(edit.value, limits, pathDepth(edit.path)) : null;
    if (bad !== null) errors.push(new MergeError(bad.code, `${formatPath(edit.path)}: value ${bad.message}`, { path: formatPath(edit.path) }));
    else valid.push({ edit, index });
  });
  const result = attempt(source, valid, limits, verify, notEvidence);
  return { text: result.text, applied: result.applied.sort((a, b) => a - b), errors: [...errors, ...result.errors] };
}

function attempt(text: string, batch: readonly Indexed[], limits: ResolvedLimits, verify: boolean, notEvidence: readonly Path[]): ApplyEditsResult {
  const file = writeTarget(text, limits, notEvidence);
  if (file.errors.length > 0) return { text, applied: [], errors: file.errors };
  const plan = planEdits(file, batch.map((b) => b.edit));
  const errors: MergeError[] = [];
  for (const [i, error] of plan.failed) {
    const path = formatPath(batch[i]!.edit.path);
    errors.push(error.path ? error : new MergeError(error.code, `${path}: ${error.message}`, { path }));
  }
  const ok = batch.filter((_, i) => !plan.failed.has(i));
  if (ok.length === 0) return { text, applied: [], errors };
  const spliced = keepFinalNewlineAbsent(text, applySplices(file.text, file.eolAdded ? settleTextEnd(file.text, plan.splices) : plan.splices));
  let failure: MergeError | null;
  if ('overlap' in spliced) {
    failure = new MergeError('UNAPPLIABLE', 'two edits touch the same text; apply them separately');
  } else if (!verify) {
    return { text: spliced.text, applied: ok.map((b) => b.index), errors };
  } else {
    const values = editableDocuments(file).map((d) => d.value);
    const expected = applyEditsToValue(
      values,
      documentIds(values),
      ok.map((b) => b.edit),
    );
    failure = verifyOutput(spliced.text, expected, limits);
    if (!failure) return { text: spliced.text, applied: ok.map((b) => b.index), errors };
  }
  if (ok.length === 1) {
    const path = formatPath(ok[0]!.edit.path);
    return { text, applied: [], errors: [...errors, new MergeError(failure.code, `${path}: ${failure.message}`, { path })] };
  }
  if (!splittable(ok)) return { text, applied: [], errors: [...errors, failure] };
  const half = Math.ceil(ok.length / 2);
  const first = attempt(text, ok.slice(0, half), limits, verify, notEvidence);
  const second = attempt(first.text, ok.slice(half), limits, verify, notEvidence);
  return { text: second.text, applied: [...first.applied, ...second.applied], errors: [...errors, ...first.errors, ...second.errors] };
}

/**
 * Edits that address elements by identity can be applied in two rounds; positional ones (an
 * index in the path, an insert at an index) cannot, since the first round moves the positions.
 */
function splittable(batch: readonly Indexed[]): boolean {
  return batch.every(({ edit }) => edit.op !== 'insert' && !edit.path.some((s) => s.kind === 'index'));
}

/**
 * A text without a final line break keeps it that way (fidelity contract 1), also when the entry
 * that ended it was removed and new text now comes last. Not after a block scalar, whose value
 * would then depend on the reader.
 */
function keepFinalNewlineAbsent<T extends { text: string } | { overlap: unknown }>(source: string, spliced: T): T {
  if (!('text' in spliced) || source === '' || source.endsWith('\n') || !spliced.text.endsWith('\n')) return spliced;
  if (endsInBlockScalar(spliced.text)) return spliced;
  return { ...spliced, text: spliced.text.replace(/\r?\n$/, '') };
}
