import { checkJsonValue } from './checkJsonValue.js';
import { MergeError } from './errors.js';
import { hasOwn } from './json.js';
import type { ResolvedLimits } from './options.js';
import { formatPath, type Path } from './path.js';
import { pathDepth, pathProblem, segmentProblem } from './validatePath.js';

const KINDS = new Set(['add', 'remove', 'replace', 'move']);
const STATUSES = new Set(['clean', 'conflict', 'applied']);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const member = (v: Record<string, unknown>, key: string): unknown => (hasOwn(v, key) ? v[key] : undefined);
const isScalar = (v: unknown): boolean => v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/**
 * Checks a change set a caller handed in (a client over GraphQL, a JSON file on the command line)
 * before anything reads it: `{ changes: Change[], documents?: DocumentMatch[] }` where each change
 * has a string `id` that is the text of its `path` (unique in the set), a valid `path` (see
 * `pathProblem`), a known `kind` and `status`, the values its kind needs (`theirs` for add and
 * replace; for a move, `theirs` and `base` lists of element ids), JSON values within the limits
 * (counting the path's depth), an `after` that is a path segment (the sibling before) or `null`, a `field` that is a
 * string or `null`. Other members (`summary`, `errors`) are not read. Returns the first problem as
 * an `INVALID_CHANGESET` error whose `path` says where (`changes[3].path[1]`), or `DEPTH_LIMIT` /
 * `SIZE_LIMIT` for a value over the limits; `null` when every consumer may read it. Iterative.
 */
export function validateChangeSet(value: unknown, limits: ResolvedLimits): MergeError | null {
  const fail = (where: string, message: string, code: 'INVALID_CHANGESET' | 'DEPTH_LIMIT' | 'SIZE_LIMIT' = 'INVALID_CHANGESET') =>
    new MergeError(code, `changeSet: ${where || 'the change set'} ${message}`, { path: where, source: 'changeSet' });
  if (!isRecord(value)) return fail('', 'must be an object { changes: [...] } as diff and merge3 return it');
  const changes = member(value, 'changes');
  if (!Array.isArray(changes)) return fail('changes', 'must be an array of changes');
  const ids = new Map<string, number>();
  for (let i = 0; i < changes.length; i++) {
    const at = `changes[${i}]`;
    const change: unknown = changes[i];
    if (!isRecord(change)) return fail(at, 'must be a change object ({ id, path, kind, status, ... })');
    const path = member(change, 'path');
    const badPath = pathProblem(path, limits.maxDepth);
    if (badPath !== null) return fail(`${at}.path${badPath.at}`, badPath.message, badPath.depthLimit ? 'DEPTH_LIMIT' : 'INVALID_CHANGESET');
    const id = member(change, 'id');
    if (typeof id !== 'string') return fail(`${at}.id`, 'must be a string (the text of the path)');
    const text = formatPath(path as Path);
    if (id !== text) return fail(`${at}.id`, `must be the text of its path, ${JSON.stringify(text)}, not ${JSON.stringify(id)}`);
    const earlier = ids.get(id);
    if (earlier !== undefined) return fail(`${at}.id`, `repeats the id of changes[${earlier}], ${JSON.stringify(id)}`);
    ids.set(id, i);
    const kind = member(change, 'kind');
    if (typeof kind !== 'string' || !KINDS.has(kind)) return fail(`${at}.kind`, `must be one of ${[...KINDS].map((k) => `"${k}"`).join(', ')}`);
    const status = member(change, 'status');
    if (typeof status !== 'string' || !STATUSES.has(status)) return fail(`${at}.status`, `must be one of ${[...STATUSES].map((s) => `"${s}"`).join(', ')}`);
    for (const side of ['base', 'ours', 'theirs'] as const) {
      const v = member(change, side);
      if (v === undefined) {
        if (side === 'theirs' && kind !== 'remove') return fail(`${at}.theirs`, `is needed by a change of kind "${kind}"`);
        continue;
      }
      const problem = checkJsonValue(v, limits, pathDepth(path as Path));
      if (problem !== null) return fail(`${at}.${side}`, problem.message, problem.code === 'NOT_JSON' ? 'INVALID_CHANGESET' : problem.code);
      if (kind === 'move' && side !== 'ours' && !(Array.isArray(v) && v.every(isScalar))) {
        return fail(`${at}.${side}`, 'must be a list of element ids (strings or numbers) for a move');
      }
    }
    const after = member(change, 'after');
    if (after !== undefined && after !== null) {
      const bad = segmentProblem(after);
      if (bad !== null) return fail(`${at}.after${bad.at}`, bad.message);
    }
    const field = member(change, 'field');
    if (field !== undefined && field !== null && typeof field !== 'string') return fail(`${at}.field`, 'must be a string or null');
  }
  return documentsProblem(member(value, 'documents'), fail);
}

/** Checks the optional `documents` table: `{ id: string, ours?: string | null, theirs: string | null }[]`. */
function documentsProblem(documents: unknown, fail: (where: string, message: string) => MergeError): MergeError | null {
  if (documents === undefined) return null;
  if (!Array.isArray(documents)) return fail('documents', 'must be an array of document matches');
  for (let i = 0; i < documents.length; i++) {
    const at = `documents[${i}]`;
    const d: unknown = documents[i];
    if (!isRecord(d)) return fail(at, 'must be an object { id, ours, theirs }');
    if (typeof member(d, 'id') !== 'string') return fail(`${at}.id`, 'must be a string');
    const ours = member(d, 'ours');
    if (ours !== undefined && ours !== null && typeof ours !== 'string') return fail(`${at}.ours`, 'must be a string or null');
    const theirs = member(d, 'theirs');
    if (theirs !== null && typeof theirs !== 'string') return fail(`${at}.theirs`, 'must be a string or null');
  }
  return null;
}
