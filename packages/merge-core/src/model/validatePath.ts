import { hasOwn } from './json.js';

/** What is wrong with a path (or segment) value a caller handed in, and where inside it. */
export interface PathProblem {
  /** Where, relative to the path value: `[1]`, `[1].key`; `''` is the value itself. */
  at: string;
  /** A sentence tail: `must be a string`. */
  message: string;
  /** Set when the path is well formed but longer than the limit allows. */
  depthLimit?: true;
}

const KINDS = ['key', 'index', 'keyed', 'value', 'document'] as const;

/** Text fields each segment kind needs. */
const TEXT_FIELDS: Record<(typeof KINDS)[number], readonly string[]> = {
  key: ['key'],
  index: [],
  keyed: ['key', 'value'],
  value: ['value'],
  document: ['id'],
};

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return typeof value === 'object' ? 'an object' : typeof value === 'function' || typeof value === 'symbol' ? `a ${typeof value}` : `${typeof value} ${String(value)}`;
}

/**
 * Checks one `PathSegment` value (see `model/path.ts`): a plain object whose `kind` is known and
 * whose fields have their types (`key`/`value`/`id` strings, `index` a non-negative safe integer).
 * Other members are ignored. Returns the problem or `null`.
 */
export function segmentProblem(value: unknown): PathProblem | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { at: '', message: `must be a path segment ({ kind: "key", key } or an index, keyed, value or document segment), not ${describe(value)}` };
  }
  const kind = hasOwn(value, 'kind') ? (value as { kind: unknown }).kind : undefined;
  if (typeof kind !== 'string' || !(KINDS as readonly string[]).includes(kind)) {
    return { at: '.kind', message: `must be one of ${KINDS.map((k) => `"${k}"`).join(', ')}, not ${describe(kind)}` };
  }
  for (const field of TEXT_FIELDS[kind as (typeof KINDS)[number]]) {
    const v = hasOwn(value, field) ? (value as Record<string, unknown>)[field] : undefined;
    if (typeof v !== 'string') return { at: `.${field}`, message: `must be a string, not ${describe(v)}` };
  }
  if (kind === 'index') {
    const index = hasOwn(value, 'index') ? (value as { index: unknown }).index : undefined;
    if (typeof index !== 'number' || !Number.isSafeInteger(index) || index < 0) {
      return { at: '.index', message: `must be a non-negative integer, not ${describe(index)}` };
    }
  }
  return null;
}

/**
 * Checks a `Path` value a caller handed in: an array of valid segments, a `document` segment only
 * first, and at most `maxDepth` segments below the document (a longer path addresses nothing a
 * YAML text within the limits can hold). Iterative; returns the first problem or `null`.
 */
export function pathProblem(value: unknown, maxDepth: number): PathProblem | null {
  if (!Array.isArray(value)) return { at: '', message: `must be a path (an array of path segments), not ${describe(value)}` };
  for (let i = 0; i < value.length; i++) {
    const bad = segmentProblem(value[i]);
    if (bad !== null) return { at: `[${i}]${bad.at}`, message: bad.message };
    if (i > 0 && (value[i] as { kind: string }).kind === 'document') return { at: `[${i}].kind`, message: 'a document segment can only come first' };
  }
  const levels = pathDepth(value as { kind: string }[]);
  if (levels > maxDepth) return { at: '', message: `is ${levels} levels deep, deeper than ${maxDepth} (limits.maxDepth)`, depthLimit: true };
  return null;
}

/** The number of levels a valid path goes down in its document (its segments, the document segment aside). */
export function pathDepth(path: readonly { kind: string }[]): number {
  return path.length > 0 && path[0]!.kind === 'document' ? path.length - 1 : path.length;
}
