import type { JsonObject } from '@revprov/merge-core';

/** One parameter that fails the schema: `path` is the key path inside the params object. */
export interface ParamIssue {
  path: string[];
  message: string;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function matchesType(v: unknown, type: string): boolean {
  const t = typeOf(v);
  return t === type || (type === 'number' && t === 'integer');
}

/**
 * Validates `value` against the JSON Schema subset used by reverse provisioning forms: `type`
 * (single or list), `required`, `properties`, `enum`, `const`, `pattern`, `minLength`/`maxLength`,
 * `minimum`/`maximum`, `exclusiveMinimum`/`exclusiveMaximum`, `items`, `minItems`/`maxItems`.
 * Other keywords (`ui:*` hints, `format`, `title`, ...) are ignored. Returns every issue; an empty
 * list means valid. Never throws on a malformed schema (bad keywords are ignored).
 */
export function validateParams(schema: JsonObject, value: unknown, at: string[] = []): ParamIssue[] {
  const issues: ParamIssue[] = [];
  const fail = (message: string, path = at): void => {
    issues.push({ path, message });
  };
  const types = typeof schema.type === 'string' ? [schema.type] : Array.isArray(schema.type) ? schema.type.filter((t) => typeof t === 'string') : [];
  if (types.length > 0 && !types.some((t) => matchesType(value, t as string))) {
    fail(`must be of type ${types.join(' | ')}, got ${typeOf(value)}`);
    return issues;
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) {
    fail(`must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}`);
  }
  if (schema.const !== undefined && JSON.stringify(schema.const) !== JSON.stringify(value)) fail(`must be ${JSON.stringify(schema.const)}`);
  if (typeof value === 'string') {
    const len = [...value].length;
    if (typeof schema.minLength === 'number' && len < schema.minLength) fail(`must be at least ${schema.minLength} characters long`);
    if (typeof schema.maxLength === 'number' && len > schema.maxLength) fail(`must be at most ${schema.maxLength} characters long`);
    if (typeof schema.pattern === 'string') {
      let re: RegExp | null;
      try {
        re = new RegExp(schema.pattern, 'u');
      } catch {
        re = null;
      }
      if (re && !re.test(value)) fail(`must match the pattern ${schema.pattern}`);
    }
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) fail(`must be >= ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) fail(`must be <= ${schema.maximum}`);
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) fail(`must be > ${schema.exclusiveMinimum}`);
    if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum) fail(`must be < ${schema.exclusiveMaximum}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) fail(`must have at least ${schema.minItems} items`);
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) fail(`must have at most ${schema.maxItems} items`);
    if (isObject(schema.items)) {
      const items = schema.items as JsonObject;
      value.forEach((v, i) => issues.push(...validateParams(items, v, [...at, String(i)])));
    }
  }
  if (isObject(value)) {
    const missing = new Set<string>();
    if (Array.isArray(schema.required)) {
      for (const r of schema.required) {
        if (typeof r === 'string' && (value[r] === undefined || value[r] === null || value[r] === '')) {
          missing.add(r);
          fail('is required', [...at, r]);
        }
      }
    }
    if (isObject(schema.properties)) {
      for (const [k, sub] of Object.entries(schema.properties)) {
        if (missing.has(k) || value[k] === undefined || value[k] === null) continue;
        if (isObject(sub)) issues.push(...validateParams(sub as JsonObject, value[k], [...at, k]));
      }
    }
  }
  return issues;
}

/** Fills in top-level `default` values of the schema's properties that the params leave out. */
export function withDefaults(schema: JsonObject, params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...params };
  if (isObject(schema.properties)) {
    for (const [k, sub] of Object.entries(schema.properties)) {
      if (out[k] === undefined && isObject(sub) && sub.default !== undefined) out[k] = sub.default;
    }
  }
  return out;
}
