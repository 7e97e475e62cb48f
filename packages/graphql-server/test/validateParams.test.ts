import { describe, expect, it } from 'vitest';
import { normalizeInputForm } from '../src/services/inputForm.js';
import { validateParams } from '../src/validation/templateParams.js';

const schema = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 2, maxLength: 5, pattern: '^[a-z]+$' },
    size: { type: 'integer', minimum: 1, maximum: 10 },
    ratio: { type: 'number', exclusiveMaximum: 1 },
    kind: { enum: ['a', 'b'] },
    tags: { type: 'array', maxItems: 2, items: { type: 'string', minLength: 1 } },
    flag: { type: ['boolean', 'null'] },
  },
};

const cases: { name: string; value: unknown; issues: { path: string[]; message: string }[] }[] = [
  { name: 'valid', value: { name: 'abc', size: 3, ratio: 0.5, kind: 'a', tags: ['x'], flag: null }, issues: [] },
  { name: 'missing required', value: {}, issues: [{ path: ['name'], message: 'is required' }] },
  { name: 'an empty string is a value for one schema (forms drop it first: checkTemplateParams)', value: { name: '' }, issues: [{ path: ['name'], message: 'must be at least 2 characters long' }, { path: ['name'], message: 'must match the pattern ^[a-z]+$' }] },
  { name: 'wrong type', value: { name: 3 }, issues: [{ path: ['name'], message: 'must be of type string, got integer' }] },
  { name: 'too short, bad pattern', value: { name: 'A' }, issues: [{ path: ['name'], message: 'must be at least 2 characters long' }, { path: ['name'], message: 'must match the pattern ^[a-z]+$' }] },
  { name: 'too long', value: { name: 'abcdef' }, issues: [{ path: ['name'], message: 'must be at most 5 characters long' }] },
  { name: 'integer bounds', value: { name: 'ab', size: 11 }, issues: [{ path: ['size'], message: 'must be <= 10' }] },
  { name: 'integer type', value: { name: 'ab', size: 1.5 }, issues: [{ path: ['size'], message: 'must be of type integer, got number' }] },
  { name: 'exclusive maximum', value: { name: 'ab', ratio: 1 }, issues: [{ path: ['ratio'], message: 'must be < 1' }] },
  { name: 'enum', value: { name: 'ab', kind: 'c' }, issues: [{ path: ['kind'], message: 'must be one of "a", "b"' }] },
  { name: 'items and maxItems', value: { name: 'ab', tags: ['', 'x', 'y'] }, issues: [{ path: ['tags'], message: 'must have at most 2 items' }, { path: ['tags', '0'], message: 'must be at least 1 characters long' }] },
  { name: 'type list', value: { name: 'ab', flag: 'yes' }, issues: [{ path: ['flag'], message: 'must be of type boolean | null, got string' }] },
  { name: 'not an object', value: [1], issues: [{ path: [], message: 'must be of type object, got array' }] },
];

describe('validateParams (ajv, the whole JSON Schema)', () => {
  for (const c of cases) {
    it(c.name, () => expect(validateParams(schema, c.value)).toEqual(c.issues));
  }
  it('reports a malformed schema (a bad pattern) as one issue instead of throwing', () => {
    expect(validateParams({ type: 'string', pattern: '(' }, 'x')).toEqual([{ path: [], message: expect.stringMatching(/^the schema is invalid: error parsing regexp/i) }]);
  });
});

describe('normalizeInputForm', () => {
  it('merges pages into one schema and finds secret fields', () => {
    const form = normalizeInputForm([
      { title: 'A', required: ['x'], properties: { x: { type: 'string' }, pw: { type: 'string', format: 'password' } } },
      { title: 'B', required: ['y'], properties: { y: { type: 'string', 'ui:field': 'Secret' } } },
    ]);
    expect(form.schema).toEqual({ type: 'object', properties: { x: { type: 'string' }, pw: { type: 'string', format: 'password' }, y: { type: 'string', 'ui:field': 'Secret' } }, required: ['x', 'y'] });
    expect(form.pages.map((p) => p.title)).toEqual(['A', 'B']);
    expect(form.secretFields).toEqual(['pw', 'y']);
  });
  it('takes a plain schema object as one untitled page, and nothing as an empty form', () => {
    expect(normalizeInputForm({ required: ['t'], properties: { t: { type: 'string' } } }).pages).toEqual([{ title: null, required: ['t'], properties: { t: { type: 'string' } } }]);
    expect(normalizeInputForm(undefined).schema).toEqual({ type: 'object', properties: {}, required: [] });
  });
});
