import { MergeError } from '../model/errors.js';
import { hasOwn } from '../model/json.js';
import { pathProblem, segmentProblem } from '../model/validatePath.js';

const OPS = new Set(['set', 'remove', 'insert', 'order']);
const ELEMENT_KINDS = new Set(['keyed', 'value', 'index']);

/**
 * Checks the shape of an `applyEdits` edit list a caller handed in (see `Edit`): an array of
 * objects with a known `op`, a valid `path` (see `pathProblem`), a `value` member for `set` and
 * `insert`, a non-negative integer `index` for `insert`, element segments in `order`, a path
 * segment (the sibling before) or `null` as `after`. The values themselves are checked per edit by `applyEdits`.
 * Returns an `INVALID_EDIT` error whose `path` says where (`edits[2].path[0]`), or `DEPTH_LIMIT`
 * for a path deeper than the limit; `null` when the list is well formed. Iterative.
 */
export function validateEdits(edits: unknown, maxDepth: number): MergeError | null {
  const fail = (where: string, message: string, code: 'INVALID_EDIT' | 'DEPTH_LIMIT' = 'INVALID_EDIT') =>
    new MergeError(code, `${where} ${message}`, { path: where, source: 'edits' });
  if (!Array.isArray(edits)) return fail('edits', 'must be an array of edits');
  for (let i = 0; i < edits.length; i++) {
    const at = `edits[${i}]`;
    const edit: unknown = edits[i];
    if (typeof edit !== 'object' || edit === null || Array.isArray(edit)) return fail(at, 'must be an edit object ({ op, path, ... })');
    const get = (key: string): unknown => (hasOwn(edit, key) ? (edit as Record<string, unknown>)[key] : undefined);
    const op = get('op');
    if (typeof op !== 'string' || !OPS.has(op)) return fail(`${at}.op`, `must be one of ${[...OPS].map((o) => `"${o}"`).join(', ')}`);
    const path = pathProblem(get('path'), maxDepth);
    if (path !== null) return fail(`${at}.path${path.at}`, path.message, path.depthLimit ? 'DEPTH_LIMIT' : 'INVALID_EDIT');
    if ((op === 'set' || op === 'insert') && !hasOwn(edit, 'value')) return fail(`${at}.value`, `is needed by a "${op}" edit`);
    if (op === 'insert') {
      const index = get('index');
      if (typeof index !== 'number' || !Number.isSafeInteger(index) || index < 0) return fail(`${at}.index`, 'must be a non-negative integer');
    }
    if (op === 'order') {
      const order = get('order');
      if (!Array.isArray(order)) return fail(`${at}.order`, 'must be an array of element segments');
      for (let j = 0; j < order.length; j++) {
        const bad = segmentProblem(order[j]);
        if (bad !== null) return fail(`${at}.order[${j}]${bad.at}`, bad.message);
        if (!ELEMENT_KINDS.has((order[j] as { kind: string }).kind)) return fail(`${at}.order[${j}].kind`, 'must be "keyed", "value" or "index"');
      }
    }
    const after = get('after');
    if (op === 'set' && after !== undefined && after !== null) {
      const bad = segmentProblem(after);
      if (bad !== null) return fail(`${at}.after${bad.at}`, bad.message);
    }
  }
  return null;
}
