import { MergeError } from './errors.js';
import { pathProblem } from './validatePath.js';

/**
 * Checks a selection a caller handed in (see `Selection`): omitted, or an array whose entries are
 * path texts (strings; a text that does not parse is reported per entry as not matched, as
 * before) or path values (checked like a change's path). Returns an `INVALID_ARGUMENT` error
 * whose `path` says which entry (`selection[2]`), or `null`. Iterative.
 */
export function validateSelection(selection: unknown, maxDepth: number): MergeError | null {
  const fail = (where: string, message: string) => new MergeError('INVALID_ARGUMENT', `${where} ${message}`, { path: where });
  if (selection === undefined) return null;
  if (!Array.isArray(selection)) return fail('selection', 'must be an array of change ids or paths (or omitted for every change)');
  for (let i = 0; i < selection.length; i++) {
    const entry: unknown = selection[i];
    if (typeof entry === 'string') continue;
    const problem = pathProblem(entry, maxDepth);
    if (problem !== null) return fail(`selection[${i}]${problem.at}`, typeof entry === 'object' && entry !== null ? problem.message : 'must be a change id (a string) or a path');
  }
  return null;
}
