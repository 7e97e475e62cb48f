import { applyEdits } from '../apply/applyEdits.js';
import { MergeError } from '../model/errors.js';
import { cloneJson, jsonEqual } from '../model/json.js';
import type { JsonValue } from '../model/json.js';
import { resolveOptions, type MergeOptions } from '../model/options.js';
import { parseYaml } from '../parse/parseYaml.js';
import type { ParsedOperation } from './jsonPatchOperation.js';
import { parseJsonPatch } from './jsonPatchOperation.js';
import type { PatchStep } from './jsonPatchPlan.js';
import { planOperation } from './jsonPatchPlan.js';
import { replaceDocument } from './replaceDocument.js';

/** The outcome of applying a patch to a YAML text. */
export interface PatchResult {
  /** The patched text; the input byte-for-byte when `errors` is non-empty (patches are atomic). */
  text: string;
  errors: MergeError[];
}

/**
 * Applies an RFC 6902 JSON Patch to a one-document YAML text, byte-locally: only the nodes an
 * operation touches are rewritten; comments, formatting and key order elsewhere stay as they are.
 * Operations run in order (`add`, `remove`, `replace`, `move`, `copy`, `test`), each checked on the
 * document's value first, so a failure names the operation and pointer precisely: `INVALID_PATCH`
 * / `INVALID_POINTER` (malformed patch), `PATH_NOT_FOUND`, `PATCH_TEST_FAILED`, or the YAML errors
 * of `source`, `DEPTH_LIMIT` for a value nested deeper than `limits.maxDepth`. The patch is atomic:
 * on any error the result is `source` unchanged; nothing is thrown.
 * A `move` is a remove then an add, so the moved node's own comments do not travel with it.
 */
export function applyJsonPatch(source: string, patch: unknown, options?: MergeOptions): PatchResult {
  const resolved = resolveOptions(options);
  if (resolved instanceof MergeError) return { text: source, errors: [resolved] };
  const ops = parseJsonPatch(patch, resolved.limits);
  if (ops instanceof MergeError) return { text: source, errors: [ops] };
  const parsed = readSingleDocument(source, options);
  if (!parsed.ok) return { text: source, errors: parsed.errors };
  let doc = parsed.value;
  let text = source;
  for (const op of ops) {
    const plan = planOperation(doc, op);
    if (plan instanceof MergeError) return { text: source, errors: [plan] };
    for (const step of plan.steps) {
      let next = runStep(text, step, op, options);
      if (next instanceof Array && step.kind === 'edits' && step.emptiesRoot !== undefined) {
        // The engine cannot yet empty a root collection in place; write the empty root instead.
        next = replaceDocument(text, step.emptiesRoot, options);
      }
      if (next instanceof Array) return { text: source, errors: next };
      text = next;
    }
    doc = plan.doc;
  }
  const check = readSingleDocument(text, options);
  if (!check.ok || !jsonEqual(check.value, doc)) {
    const detail = !check.ok ? check.errors[0]?.message ?? 'unreadable' : 'its value differs from the patched value';
    return { text: source, errors: [new MergeError('VERIFY_FAILED', `patched text failed verification: ${detail}`, { source: 'patch' })] };
  }
  return { text, errors: [] };
}

/** The value of the one document in `text` (an empty text is `null`), or the reasons it has none. */
export function readSingleDocument(text: string, options?: MergeOptions): { ok: true; value: JsonValue } | { ok: false; errors: MergeError[] } {
  const { values, errors } = parseYaml(text, options);
  if (errors.length > 0) return { ok: false, errors };
  if (values.length > 1) {
    const error = new MergeError('UNSUPPORTED', `patches apply to a single YAML document; this text has ${values.length}`, { source: 'source' });
    return { ok: false, errors: [error] };
  }
  return { ok: true, value: cloneJson(values[0] ?? null) };
}

function runStep(text: string, step: PatchStep, op: ParsedOperation, options?: MergeOptions): string | MergeError[] {
  if (step.kind === 'root') return replaceDocument(text, step.value, options);
  const result = applyEdits(text, step.edits, options);
  if (result.errors.length === 0) return result.text;
  return result.errors.map(
    (e) => new MergeError(e.code, `patch operation ${op.index} (${op.op} ${JSON.stringify(op.path)}): ${e.message}`, { ...e.toJSON(), path: op.path }),
  );
}
