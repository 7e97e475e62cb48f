import { MergeError } from './errors.js';

/**
 * List rules: how the elements of a sequence are matched between versions.
 * - `keyed`: elements are mappings identified by the first of `fields` they carry (`name`);
 * - `set`: scalars, matched by value, order-insensitive (order changes become a `move`);
 * - `atomic`: the whole list is one value (one `replace` change);
 * - `ordered`: positional, matched by index.
 */
export type ListRule =
  | { type: 'keyed'; fields: string[] }
  | { type: 'set' }
  | { type: 'atomic' }
  | { type: 'ordered' };

/**
 * A rule for the sequences whose path matches `path`. Patterns are path texts where `*` matches
 * one segment (key or element) and `**` any number of segments:
 * `spec.mesh.dataContract.schema`, `**.columns`, `spec.mesh.dataContract.schema[*].tags`.
 */
export interface ListRuleEntry {
  path: string;
  rule: ListRule;
}

/** Resource limits, checked before any work; exceeding one is a typed error, never a hang. */
export interface Limits {
  /** Largest accepted input, in UTF-16 code units. Default 32 MiB (32 * 1024 * 1024). */
  maxBytes?: number;
  /** Most alias expansions allowed per document (alias-bomb guard). Default 1000. */
  maxAliasCount?: number;
  /** Deepest nesting of collections accepted. Default 256. */
  maxDepth?: number;
}

export interface MergeOptions {
  /** Extra list rules; they take precedence over the defaults. Default `[]`. */
  listRules?: ListRuleEntry[];
  /** Use the built-in rules for catalog entity files (see `DEFAULT_LIST_RULES`). Default `true`. */
  defaultListRules?: boolean;
  /** Resource limits. */
  limits?: Limits;
  /**
   * Re-parse every output and compare it with the intended value before returning it (fidelity
   * contract 2 and 3). Default `true`. Turning it off saves one full parse per written text and
   * gives up the guarantee that a wrong file is never returned; meant for measurements and for
   * callers that verify themselves.
   */
  verify?: boolean;
}

export interface ResolvedLimits {
  maxBytes: number;
  maxAliasCount: number;
  maxDepth: number;
}

export const DEFAULT_LIMITS: ResolvedLimits = {
  maxBytes: 32 * 1024 * 1024,
  maxAliasCount: 1000,
  maxDepth: 256,
};

/**
 * Built-in rules for catalog entity files (Backstage / Witboost). They apply only where the data
 * fits (a `set` rule on a list of mappings falls back to inference).
 */
export const DEFAULT_LIST_RULES: readonly ListRuleEntry[] = [
  { path: 'metadata.links', rule: { type: 'keyed', fields: ['url', 'title'] } },
  { path: 'metadata.tags', rule: { type: 'set' } },
  { path: 'spec.mesh.tags', rule: { type: 'set' } },
  { path: 'spec.dependsOn', rule: { type: 'set' } },
  { path: 'spec.providesApis', rule: { type: 'set' } },
  { path: 'spec.consumesApis', rule: { type: 'set' } },
  { path: '**.dataContract.schema', rule: { type: 'keyed', fields: ['name'] } },
  { path: '**.schemaColumns', rule: { type: 'keyed', fields: ['name'] } },
  { path: '**.columns', rule: { type: 'keyed', fields: ['name'] } },
  { path: '**.fields', rule: { type: 'keyed', fields: ['name'] } },
  { path: '**.tags', rule: { type: 'keyed', fields: ['tagFQN'] } },
];

/** Fields tried, in order, when inferring a keyed list. */
export const IDENTITY_FIELDS: readonly string[] = ['name', 'id', 'key', 'tagFQN', 'url'];

export interface ResolvedOptions {
  listRules: ListRuleEntry[];
  limits: ResolvedLimits;
  verify: boolean;
}

/**
 * The options with their defaults, resolved once at an entry point; a malformed option (a limit
 * that is not a positive number, a list rule without a `path` or a known `rule.type`, a flag
 * that is not a boolean) is an `INVALID_ARGUMENT` error naming it (`options.limits.maxDepth`),
 * never an exception. `null` counts as no options.
 */
export function resolveOptions(options: MergeOptions | null = {}): ResolvedOptions | MergeError {
  const fail = (where: string, message: string) => new MergeError('INVALID_ARGUMENT', `options${where} ${message}`, { path: `options${where}` });
  if (options === null) options = {};
  if (typeof options !== 'object' || Array.isArray(options)) return fail('', 'must be an object');
  const given: unknown = options.limits;
  if (given !== undefined && (typeof given !== 'object' || given === null || Array.isArray(given))) return fail('.limits', 'must be an object');
  const limits = { ...DEFAULT_LIMITS };
  for (const k of Object.keys(DEFAULT_LIMITS) as (keyof ResolvedLimits)[]) {
    const v: unknown = options.limits?.[k];
    if (v !== undefined) {
      if (typeof v !== 'number' || !(v > 0)) return fail(`.limits.${k}`, 'must be a positive number');
      limits[k] = v;
    }
  }
  for (const flag of ['defaultListRules', 'verify'] as const) {
    const v: unknown = options[flag];
    if (v !== undefined && typeof v !== 'boolean') return fail(`.${flag}`, 'must be true or false');
  }
  const extra: unknown = options.listRules ?? [];
  if (!Array.isArray(extra)) return fail('.listRules', 'must be an array of { path, rule }');
  for (let i = 0; i < extra.length; i++) {
    const problem = listRuleProblem(extra[i], limits.maxDepth);
    if (problem !== null) return fail(`.listRules[${i}]${problem.at}`, problem.message);
  }
  const listRules = [...(extra as ListRuleEntry[]), ...(options.defaultListRules === false ? [] : DEFAULT_LIST_RULES)];
  return { listRules, limits, verify: options.verify !== false };
}

/** What is wrong with one list rule entry, or `null`. */
function listRuleProblem(entry: unknown, maxDepth: number): { at: string; message: string } | null {
  if (typeof entry !== 'object' || entry === null) return { at: '', message: 'must be an object { path, rule }' };
  const { path, rule } = entry as { path?: unknown; rule?: unknown };
  if (typeof path !== 'string' || path === '') return { at: '.path', message: 'must be a non-empty path pattern' };
  if (path.split('.').length > maxDepth) return { at: '.path', message: `has more than ${maxDepth} segments (limits.maxDepth)` };
  if (typeof rule !== 'object' || rule === null) return { at: '.rule', message: 'must be an object { type }' };
  const { type, fields } = rule as { type?: unknown; fields?: unknown };
  if (type !== 'keyed' && type !== 'set' && type !== 'atomic' && type !== 'ordered') {
    return { at: '.rule.type', message: 'must be "keyed", "set", "atomic" or "ordered"' };
  }
  if (type === 'keyed' && !(Array.isArray(fields) && fields.length > 0 && fields.every((f) => typeof f === 'string'))) {
    return { at: '.rule.fields', message: 'must be a non-empty array of field names for a keyed rule' };
  }
  return null;
}
