import { isEnumType, isInputObjectType, isObjectType, isScalarType, parse } from 'graphql';
import type { GraphQLNamedType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { defaultFields } from '../src/resolvers/defaultFields.js';
import { resolvers } from '../src/resolvers/index.js';
import { buildSchema, readSchemaSdl } from '../src/schema/loadSchema.js';

const schema = buildSchema();
const ours = Object.values(schema.getTypeMap()).filter((t) => !t.name.startsWith('__') && !['String', 'Int', 'Float', 'Boolean', 'ID'].includes(t.name));
const ROOTS = ['Query', 'Mutation', 'Subscription'];

describe('schema.graphql', () => {
  it('parses, and builds with the resolver map (no resolver for a missing field)', () => {
    expect(() => parse(readSchemaSdl())).not.toThrow();
    expect(schema.getQueryType()?.name).toBe('Query');
    expect(schema.getSubscriptionType()?.name).toBe('Subscription');
  });

  it('has a description on every type, field, argument, input field and enum value', () => {
    const missing: string[] = [];
    const need = (what: string, d: string | null | undefined): void => {
      if (!d || d.trim() === '') missing.push(what);
    };
    for (const t of ours as GraphQLNamedType[]) {
      need(t.name, t.description);
      if (isObjectType(t) || isInputObjectType(t)) {
        for (const f of Object.values(t.getFields())) {
          need(`${t.name}.${f.name}`, f.description);
          if ('args' in f) for (const a of f.args) if (!['id', 'ref', 'input', 'before', 'after', 'base', 'ours', 'theirs', 'source', 'updates'].includes(a.name)) need(`${t.name}.${f.name}(${a.name})`, a.description);
        }
      }
      if (isEnumType(t)) for (const v of t.getValues()) need(`${t.name}.${v.name}`, v.description);
    }
    expect(missing).toEqual([]);
  });

  it('serves every root field through a resolver', () => {
    for (const root of ROOTS) {
      const type = schema.getType(root);
      if (!isObjectType(type)) throw new Error(`${root} missing`);
      const map = (resolvers as unknown as Record<string, Record<string, unknown>>)[root] ?? {};
      expect(Object.keys(type.getFields()).sort(), root).toEqual(Object.keys(map).sort());
    }
  });

  it('serves every other object field through a resolver or a typed default (a model property), never both, never neither', () => {
    const problems: string[] = [];
    for (const t of ours) {
      if (!isObjectType(t) || ROOTS.includes(t.name)) continue;
      const explicit = Object.keys((resolvers as unknown as Record<string, Record<string, unknown>>)[t.name] ?? {});
      const defaults = defaultFields[t.name] ?? [];
      for (const f of Object.keys(t.getFields())) {
        const n = Number(explicit.includes(f)) + Number(defaults.includes(f));
        if (n !== 1) problems.push(`${t.name}.${f}: ${n === 0 ? 'no resolver and no default' : 'both a resolver and a default'}`);
      }
      for (const f of defaults) if (!(f in t.getFields())) problems.push(`${t.name}.${f}: default listed but not in the SDL`);
    }
    for (const name of Object.keys(defaultFields)) if (!schema.getType(name)) problems.push(`${name}: not in the SDL`);
    expect(problems).toEqual([]);
  });

  it('has a JSON scalar implemented by the resolver map (literals of any shape)', () => {
    const json = schema.getType('JSON');
    if (!isScalarType(json)) throw new Error('JSON is not a scalar');
    const doc = parse('{ f(a: {x: [1, "b", null, true, 2.5], __proto__: {y: $v}}) }');
    const op = doc.definitions[0];
    const field = op && 'selectionSet' in op ? op.selectionSet?.selections[0] : undefined;
    const arg = field && 'arguments' in field ? field.arguments?.[0] : undefined;
    if (!arg) throw new Error('no argument');
    const value = json.parseLiteral(arg.value, { v: 7 }) as Record<string, unknown>;
    expect(value.x).toEqual([1, 'b', null, true, 2.5]);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual({ y: 7 });
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });
});
