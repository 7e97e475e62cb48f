import { Ajv } from 'ajv';
import type { CodeOptions, ErrorObject, ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';
import type { FormatsPlugin } from 'ajv-formats';
import { RE2JS } from 're2js';
import type { InputForm } from '../services/inputForm.js';

/** One parameter that fails the template: `path` is the key path inside the params object. */
export interface ParamIssue {
  path: string[];
  message: string;
}

/** The verdict on a run's parameters against its template. */
export type ParamsCheck =
  | { ok: true; params: Record<string, unknown>; secrets: unknown[] }
  | { ok: false; issues: ParamIssue[] }
  | { ok: false; templateError: string };

// ajv-formats is CommonJS: its default export is the module object under some loaders.
const addFormats = ((formatsModule as unknown as { default?: FormatsPlugin }).default ?? formatsModule) as unknown as FormatsPlugin;

// Secret values met while validating (the validation is synchronous, so one collector at a time).
let collecting: unknown[] | null = null;

/**
 * `pattern` and `patternProperties` run on RE2 (linear time in the input), not on JavaScript's
 * backtracking engine: a template's `"^(a+)+$"` cannot hold the server on a 30-character value.
 * RE2 has no lookaround or backreferences: a template using them is `INVALID_TEMPLATE`.
 */
const re2: NonNullable<CodeOptions['regExp']> = Object.assign((pattern: string) => RE2JS.compile(pattern), { code: 're2js' });

function createAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, useDefaults: true, verbose: true, logger: false, validateFormats: true, code: { regExp: re2 } });
  addFormats(ajv);
  // A secret is `ui:field: Secret` or `format: password` at any depth (through $ref, allOf, oneOf...).
  ajv.addKeyword({
    keyword: 'ui:field',
    schemaType: 'string',
    errors: false,
    validate: (field: string, data: unknown) => {
      if (field === 'Secret' && collecting) collecting.push(data);
      return true;
    },
  });
  ajv.addFormat('password', {
    type: 'string',
    validate: (value: string) => {
      collecting?.push(value);
      return true;
    },
  });
  return ajv;
}

const ajv = createAjv();
const compiled = new Map<string, ValidateFunction | string>();
const MAX_COMPILED = 256;

/** A page's validator (cached by the page's JSON), or why the page is not a valid schema. */
function compile(page: unknown): ValidateFunction | string {
  const key = JSON.stringify(page);
  let v = compiled.get(key);
  if (v === undefined) {
    try {
      v = ajv.compile(page as object);
    } catch (e) {
      v = (e as Error).message;
    }
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(key, v);
  }
  return v;
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** One ajv error as a user-facing issue (never quoting the value, which may be a secret). */
function toIssue(e: ErrorObject): ParamIssue {
  const path = e.instancePath.split('/').slice(1).map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return { path: [...path, String(p.missingProperty)], message: 'is required' };
    case 'additionalProperties':
      return { path: [...path, String(p.additionalProperty)], message: 'is not a parameter of this template' };
    case 'type':
      return { path, message: `must be of type ${String(p.type).split(',').join(' | ')}, got ${typeOf(e.data)}` };
    case 'minLength':
      return { path, message: `must be at least ${String(p.limit)} characters long` };
    case 'maxLength':
      return { path, message: `must be at most ${String(p.limit)} characters long` };
    case 'pattern':
      return { path, message: `must match the pattern ${String(p.pattern)}` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { path, message: `must be ${String(p.comparison)} ${String(p.limit)}` };
    case 'enum':
      return { path, message: `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
    case 'const':
      return { path, message: `must be ${JSON.stringify(p.allowedValue)}` };
    case 'minItems':
      return { path, message: `must have at least ${String(p.limit)} items` };
    case 'maxItems':
      return { path, message: `must have at most ${String(p.limit)} items` };
    case 'format':
      return { path, message: `must be a valid ${String(p.format)}` };
    case 'oneOf':
      return { path, message: 'must match exactly one of the allowed forms (oneOf)' };
    case 'anyOf':
      return { path, message: 'must match at least one of the allowed forms (anyOf)' };
    default:
      return { path, message: e.message ?? `fails ${e.keyword}` };
  }
}

/** ajv reports every branch of a failed oneOf/anyOf; the user needs the summary, not the branches. */
function summarized(errors: readonly ErrorObject[]): ErrorObject[] {
  const branches = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => `${e.schemaPath}/`);
  return errors.filter((e) => !branches.some((b) => e.schemaPath.startsWith(b)));
}

/**
 * Validates `value` against one JSON Schema with ajv (+ ajv-formats): the full vocabulary
 * (`oneOf`, `allOf`, `$ref`, `format`, `additionalProperties`, ...). Returns every issue; an
 * invalid schema is one issue at the root. Unknown keywords (`ui:*` hints) are ignored.
 */
export function validateParams(schema: object, value: unknown): ParamIssue[] {
  const v = compile(schema);
  if (typeof v === 'string') return [{ path: [], message: `the schema is invalid: ${v}` }];
  return v(value) ? [] : summarized(v.errors ?? []).map(toIssue);
}

/**
 * Checks a run's parameters against the template's `spec.parameters`: each page (or the one
 * schema object) is validated against the whole params object, as Backstage's scaffolder does.
 * Empty strings and nulls count as absent (what a form sends for an empty field). Defaults of the
 * schemas fill in what the user left out. Also returns the values of secret parameters
 * (`ui:field: Secret`, `format: password`, at any depth), which must never be stored or shown.
 */
export function checkTemplateParams(form: InputForm, params: Record<string, unknown>): ParamsCheck {
  const pages = Array.isArray(form.raw) ? form.raw : form.raw === null ? [] : [form.raw];
  const filled: Record<string, unknown> = Object.fromEntries(Object.entries(structuredClone(params)).filter(([, v]) => v !== '' && v !== null));
  const issues: ParamIssue[] = [];
  const secrets: unknown[] = form.secretFields.map((k) => params[k]);
  for (const [i, page] of pages.entries()) {
    if (page === null || typeof page !== 'object' || Array.isArray(page)) continue;
    const v = compile(page);
    if (typeof v === 'string') return { ok: false, templateError: `spec.parameters${pages.length > 1 || Array.isArray(form.raw) ? `[${i}]` : ''} is not a valid JSON Schema: ${v}` };
    collecting = secrets;
    try {
      if (!v(filled)) issues.push(...summarized(v.errors ?? []).map(toIssue));
    } finally {
      collecting = null;
    }
  }
  if (issues.length > 0) return { ok: false, issues: dedupe(issues) };
  const withDefaults: Record<string, unknown> = { ...params };
  for (const [k, v] of Object.entries(filled)) if (withDefaults[k] === undefined) withDefaults[k] = v;
  return { ok: true, params: withDefaults, secrets };
}

function dedupe(issues: ParamIssue[]): ParamIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path.join('\u0000')}\u0001${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
