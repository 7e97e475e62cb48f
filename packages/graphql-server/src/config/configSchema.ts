import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';

/** The published JSON Schema of the configuration file (at the package root, beside `dist/`). */
export const configSchemaUrl = new URL('../../config.schema.json', import.meta.url);

/** A JSON Schema node, as far as the configuration tooling reads it. */
export interface SchemaNode {
  type?: string;
  description?: string;
  default?: unknown;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  writeOnly?: boolean;
  'x-pattern-message'?: string;
  [keyword: string]: unknown;
}

/** A schema violation at a key path (array indexes as numbers). */
export interface SchemaIssue {
  keys: (string | number)[];
  message: string;
}

let compiled: { schema: SchemaNode; validate: ValidateFunction } | null = null;

/** The configuration schema, parsed once. */
export function configSchema(): SchemaNode {
  return compiledSchema().schema;
}

function compiledSchema(): { schema: SchemaNode; validate: ValidateFunction } {
  if (!compiled) {
    const schema = JSON.parse(readFileSync(configSchemaUrl, 'utf8')) as SchemaNode;
    const ajv = new Ajv({ allErrors: true, useDefaults: true, verbose: true, strict: true });
    ajv.addKeyword('x-pattern-message');
    compiled = { schema, validate: ajv.compile(schema) };
  }
  return compiled;
}

/**
 * Validates `raw` against the schema and fills in every default (mutating `raw`). Returns the
 * violations, each with its key path and a message that never shows a `writeOnly` (secret) value.
 */
export function validateConfigSchema(raw: Record<string, unknown>): SchemaIssue[] {
  const { validate } = compiledSchema();
  if (validate(raw)) return [];
  return (validate.errors ?? []).map(describe);
}

function describe(e: ErrorObject): SchemaIssue {
  const keys = e.instancePath
    .split('/')
    .slice(1)
    .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((k) => (/^\d+$/.test(k) ? Number(k) : k));
  const node = (e.parentSchema ?? {}) as SchemaNode;
  const got = node.writeOnly ? '' : `, got ${JSON.stringify(e.data)}`;
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return { keys: [...keys, String(params.missingProperty)], message: 'required' };
    case 'additionalProperties': {
      const allowed = Object.keys(node.properties ?? {}).join(', ');
      const key = String(params.additionalProperty);
      return { keys: [...keys, key], message: `unknown key "${key}" (expected one of ${allowed})` };
    }
    case 'pattern':
      return { keys, message: `${node['x-pattern-message'] ?? `must match ${String(params.pattern)}`}${got}` };
    case 'type':
      return { keys, message: `must be ${String(params.type).split(',').map(article).join(' or ')}${got}` };
    case 'minimum':
    case 'maximum': {
      const range = typeof node.minimum === 'number' && typeof node.maximum === 'number' ? `from ${node.minimum} to ${node.maximum}` : `${e.keyword === 'minimum' ? '>=' : '<='} ${String(params.limit)}`;
      return { keys, message: `must be ${node.type === 'integer' ? 'an integer' : 'a number'} ${range}${got}` };
    }
    case 'minLength':
      return { keys, message: `must be a non-empty string${got}` };
    case 'minItems':
      return { keys, message: `must list at least ${String(params.limit)} item(s)` };
    case 'enum':
      return { keys, message: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}${got}` };
    default:
      return { keys, message: `${e.message ?? 'is invalid'}${got}` };
  }
}

function article(type: string): string {
  if (type === 'integer') return 'an integer';
  if (type === 'boolean') return 'true or false';
  if (type === 'null') return 'null';
  if (type === 'object') return 'a mapping';
  if (type === 'array') return 'a list';
  return `a ${type}`;
}
