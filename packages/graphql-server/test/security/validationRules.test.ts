import { describe, expect, it } from 'vitest';
import { normalizeInputForm } from '../../src/services/inputForm.js';
import { checkJsonShape } from '../../src/security/jsonShape.js';
import { WITHHELD, secretValues } from '../../src/security/secretValues.js';
import { sanitizeCommitMessage } from '../../src/validation/commitMessage.js';
import { parseComponentRef, parseEntityRef, stringifyEntityRef } from '../../src/validation/entityRef.js';
import { savedEntitiesProblem } from '../../src/validation/savedEntities.js';
import { documentNesting } from '../../src/security/armor.js';
import fc from 'fast-check';
import { Lexer, Source, TokenKind } from 'graphql';
import { checkTemplateParams } from '../../src/validation/templateParams.js';

describe('entity refs, parsed as Backstage does', () => {
  const cases: { ref: string; expected: string | RegExp }[] = [
    { ref: 'orders', expected: 'component:default/orders' },
    { ref: 'Sales/Orders', expected: 'component:sales/orders' },
    { ref: 'Component:default/Orders-Port', expected: 'component:default/orders-port' },
    { ref: 'COMPONENT:orders', expected: 'component:default/orders' },
    { ref: '  orders  ', expected: 'component:default/orders' },
    { ref: 'api:default/orders', expected: /is of kind "api": reverse provisioning works on components/ },
    { ref: 'group:team', expected: /is of kind "group"/ },
    { ref: 'component:', expected: /the name is empty/ },
    { ref: ':orders', expected: /the kind is empty/ },
    { ref: 'component:/orders', expected: /the namespace is empty/ },
    { ref: 'component:default/or ders', expected: /"or ders" is not a valid name/ },
    { ref: 'component:default/a/b', expected: /"a\/b" is not a valid name/ },
    { ref: '', expected: /the name is empty/ },
  ];
  for (const c of cases) {
    it(JSON.stringify(c.ref), () => {
      const r = parseComponentRef(c.ref);
      if (typeof c.expected === 'string') expect(r.ok && stringifyEntityRef(r.ref)).toBe(c.expected);
      else expect(!r.ok && r.message).toMatch(c.expected);
    });
  }
  it('a slash before the colon makes the prefix a namespace (Backstage)', () => {
    const r = parseEntityRef('ns/a:b', { kind: 'group' });
    expect(r).toEqual({ ok: false, message: expect.stringContaining('"a:b" is not a valid name') });
  });
});

describe('commit messages: one subject line', () => {
  const cases: { name: string; text: string; expected: string | RegExp }[] = [
    { name: 'kept as is', text: 'Reverse provisioning: amount is DECIMAL', expected: 'Reverse provisioning: amount is DECIMAL' },
    { name: 'forged trailer joins the subject', text: 'fix\n\nSigned-off-by: Linus Torvalds <torvalds@example.org>', expected: 'fix Signed-off-by: Linus Torvalds <torvalds@example.org>' },
    { name: 'control characters and ANSI escapes removed', text: 'a\u0000b\u001b[31mc\u0007', expected: 'ab[31mc' },
    { name: 'bidi override removed', text: 'safe\u202etxt.exe', expected: 'safetxt.exe' },
    { name: 'whitespace collapsed, trimmed', text: '  a \t\t b  \r\n', expected: 'a b' },
    { name: 'empty refused', text: ' \n\t ', expected: /a commit message is required/ },
    { name: 'too long refused, not truncated', text: 'x'.repeat(201), expected: /201 characters long; the limit is 200/ },
    { name: 'length in characters, not bytes', text: '€'.repeat(200), expected: '€'.repeat(200) },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = sanitizeCommitMessage(c.text, 200);
      if (typeof c.expected === 'string') expect(r).toEqual({ ok: true, message: c.expected });
      else expect(!r.ok && r.reason).toMatch(c.expected);
    });
  }
});

describe('secret values match whole values only', () => {
  it('a one-letter secret withholds every line holding it, whole: never a masked letter, so neither length nor position shows', () => {
    const s = secretValues(['q']);
    expect(s.redact('reading table orders with 4 columns')).toBe('reading table orders with 4 columns');
    expect(s.redact('token is q')).toBe(WITHHELD);
    expect(s.redact('quota')).toBe(WITHHELD);
    expect(s.findIn({ 'spec.x': 'banana', 'spec.y': ['q'], 'spec.z': 'quota' }, 'updates')).toEqual(['updates["spec.y"][0]', 'updates["spec.z"]']);
  });
  it('finds a secret anywhere: inside a value, glued to a word, as a key (named by position), or as a number', () => {
    const s = secretValues(['s3cr3t-Token', 4242, '']);
    expect(s.redact('connecting with password=s3cr3t-Token;host=db')).toBe(WITHHELD);
    expect(s.redact('s3cr3t-Tokens are glued')).toBe(WITHHELD);
    expect(s.redact('no secret here')).toBe('no secret here');
    const places = s.findIn({ a: { 's3cr3t-Token': 1 }, b: 4242, c: 'pin 4242' }, 'updates');
    expect(places).toEqual(['updates["a"][key 0] (a key)', 'updates["b"]', 'updates["c"]']);
    expect(places.join()).not.toContain('s3cr3t');
    expect(secretValues(['', null]).none).toBe(true);
  });
});

describe('JSON shape limits', () => {
  it('measures depth without recursion, then size', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(checkJsonShape(deep, { maxDepth: 64 }, 'params')).toEqual({ kind: 'depth', message: 'params is nested more than 64 levels deep (limits.maxJsonDepth)' });
    expect(checkJsonShape({ a: 'x'.repeat(100) }, { maxDepth: 64, maxBytes: 50 }, 'params')).toEqual({ kind: 'size', message: 'params is 108 bytes as JSON, more than the limit of 50' });
    expect(checkJsonShape({ a: [{ b: 1 }] }, { maxDepth: 3, maxBytes: 50 }, 'params')).toBeNull();
    expect(checkJsonShape({ a: [{ b: {} }] }, { maxDepth: 3 }, 'params')?.kind).toBe('depth');
  });
});

describe('template parameters: full JSON Schema with ajv', () => {
  const form = normalizeInputForm([
    {
      title: 'Source',
      required: ['tableName', 'connection'],
      properties: {
        tableName: { type: 'string', pattern: '^[a-z_]+$' },
        owner: { type: 'string', format: 'email' },
        connection: { $ref: '#/$defs/connection' },
        mode: { oneOf: [{ const: 'full' }, { const: 'incremental' }], default: 'full' },
      },
      $defs: {
        connection: {
          type: 'object',
          additionalProperties: false,
          required: ['host'],
          properties: { host: { type: 'string', format: 'hostname' }, password: { type: 'string', format: 'password' } },
        },
      },
    },
    {
      title: 'Credentials',
      allOf: [{ properties: { apiToken: { type: 'string', 'ui:field': 'Secret', minLength: 4 } } }],
    },
  ]);
  it('accepts valid params, fills defaults, collects nested secrets', () => {
    const r = checkTemplateParams(form, { tableName: 'orders', connection: { host: 'db.example.com', password: 'p4ss' }, apiToken: 'tok-1234' });
    expect(r).toEqual({
      ok: true,
      params: { tableName: 'orders', connection: { host: 'db.example.com', password: 'p4ss' }, apiToken: 'tok-1234', mode: 'full' },
      secrets: expect.arrayContaining(['p4ss', 'tok-1234']),
    });
  });
  it('reports $ref, format, additionalProperties, oneOf and allOf failures with their paths, never the values', () => {
    const r = checkTemplateParams(form, { tableName: '', owner: 'not-an-email', connection: { host: 'db', extra: 1 }, mode: 'sometimes', apiToken: 'x' });
    expect(r).toEqual({
      ok: false,
      issues: expect.arrayContaining([
        { path: ['tableName'], message: 'is required' },
        { path: ['owner'], message: 'must be a valid email' },
        { path: ['connection', 'extra'], message: 'is not a parameter of this template' },
        { path: ['mode'], message: 'must match exactly one of the allowed forms (oneOf)' },
        { path: ['apiToken'], message: 'must be at least 4 characters long' },
      ]),
    });
    expect(JSON.stringify(r)).not.toContain('not-an-email');
  });
  it('an invalid template schema is the template\'s error, not the user\'s', () => {
    const r = checkTemplateParams(normalizeInputForm({ properties: { a: { type: 'strin' } } }), { a: 'x' });
    expect(r).toEqual({ ok: false, templateError: expect.stringMatching(/^spec.parameters is not a valid JSON Schema: /) });
  });
});

describe('a save keeps its entity and touches no other', () => {
  const entity = { namespace: 'default', name: 'orders-port' };
  const mine = 'apiVersion: v1\nkind: Component\nmetadata:\n  name: orders-port\nspec:\n  owner: team-a\n';
  const api = 'kind: API\nmetadata:\n  name: orders-api\nspec:\n  owner: team-b\n';
  const template = 'kind: ReverseProvisioningTemplate\nmetadata:\n  name: evil\n';
  it.each([
    ['the same entity, edited', mine, `${mine.replace('team-a', 'team-c')}# a comment\n`, null],
    ['kind and names compared case-insensitively', mine, 'kind: component\nmetadata:\n  name: Orders-Port\n  namespace: DEFAULT\n', null],
    ['another entity of the file, unchanged and moved', `${mine}---\n${api}`, `${api}---\n${mine.replace('team-a', 'x')}`, null],
    ['no entity any more', mine, 'foo: bar\n', 'must still describe component:default/orders-port (same kind, namespace and name): it holds (no kind) default/(no name)'],
    ['another kind', mine, 'kind: API\nmetadata:\n  name: orders-port\n', 'it holds API default/orders-port'],
    ['renamed', mine, 'kind: Component\nmetadata:\n  name: other\n', 'it holds Component default/other'],
    ['only a comment', mine, '# only a comment\n', 'it holds no entity'],
    ['the entity twice', mine, `${mine}---\n${mine}`, 'must describe component:default/orders-port once, not 2 times'],
    ['a second component (another team\'s name)', mine, `${mine}---\n${mine.replace('orders-port', 'billing-port')}`, 'this one adds Component default/billing-port'],
    ['a template added', mine, `${mine}---\n${template}`, 'this one adds ReverseProvisioningTemplate default/evil'],
    ['another entity changed', `${mine}---\n${api}`, `${mine}---\n${api.replace('team-b', 'team-a')}`, 'this one changes API default/orders-api'],
    ['another entity removed', `${mine}---\n${api}`, mine, 'this one removes API default/orders-api'],
  ])('%s', (_name, before, after, expected) => {
    const r = savedEntitiesProblem(before, after, entity);
    if (expected === null) expect(r).toBeNull();
    else expect(r).toContain(expected);
  });
});

/** The deepest bracket nesting graphql-js's own lexer sees, up to its first error (where parsing stops). */
function lexerNesting(source: string): number {
  const lexer = new Lexer(new Source(source));
  let depth = 0;
  let max = 0;
  try {
    for (let t = lexer.advance(); t.kind !== TokenKind.EOF; t = lexer.advance()) {
      if (t.kind === TokenKind.BRACE_L || t.kind === TokenKind.BRACKET_L || t.kind === TokenKind.PAREN_L) max = Math.max(max, ++depth);
      if (t.kind === TokenKind.BRACE_R || t.kind === TokenKind.BRACKET_R || t.kind === TokenKind.PAREN_R) depth--;
    }
  } catch {
    // a syntax error: graphql-js reads no further
  }
  return max;
}

describe('the bracket pre-check skips exactly what GraphQL skips', () => {
  it.each([
    '{ a { b } }',
    '# [[[[\n{ a }',
    '# [[[[\r{ a(x: [[1]]) }',
    '# [[[[\r\n{ a(x: [1]) }',
    '{ a(x: "[[[[") }',
    '{ a(x: "\\"[[") }',
    '{ a(x: """ [[[ \n [[ """) }',
    '{ a(x: """ \\""" [[[ """) }',
    '{ a(x: """ \\\\""" [[[ """) }',
    '{ a(x: """ \\" [[ """, y: [[1]]) }',
  ])('%j: as the lexer', (source) => {
    expect(documentNesting(source)).toBe(lexerNesting(source));
  });
  it('never sees less nesting than the lexer, whatever the text (law)', () => {
    const piece = fc.constantFrom('{', '[', '(', ')', ']', '}', '#', '"', '"""', '\\', '\\"', '\n', '\r', ' ', 'a', ':');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const source = pieces.join('');
        expect(documentNesting(source)).toBeGreaterThanOrEqual(lexerNesting(source));
      }),
      // the suite's law seed (merge-core's lawParameters: REVPROV_LAW_SEED / REVPROV_LAW_RUNS, fixed by default)
      { seed: Number(process.env.REVPROV_LAW_SEED) || 20261129, numRuns: Number(process.env.REVPROV_LAW_RUNS) || 2000 },
    );
  });
});
