import fc from 'fast-check';

/** JSON data as the generators produce it (plain objects, arrays, scalars). */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Strings that a careless writer turns into another type or into broken YAML: booleans of
 * YAML 1.1, numbers, null, hex, indicators, comment markers, leading/trailing spaces, multi-line.
 */
export const TRICKY_STRINGS: readonly string[] = [
  'yes', 'no', 'on', 'off', 'true', 'False', 'null', 'NULL', '~', '',
  '1.0', '1', '-1', '007', '0x1F', '0o17', '1e3', '.inf', '-.nan', '2024-01-01',
  '  leading spaces', 'trailing space ', 'a: b', 'a #b', '# not a comment', '- dash', '[x]', '{y}',
  '*star', '&amp', '!tag', '%pct', '@at', '`tick', '"dq"', "'sq'", 'a,b', '?q', ': c', 'x:', '|', '>',
  'multi\nline', 'multi\nline\n', 'three\n\nlines\n', 'ends in blank\n\n', 'tab\there', 'ümlaut ✓',
];

export const WORDS: readonly string[] = [
  'orders', 'customer', 'team-a', 'team-b', 'production', 'experimental', 'string', 'int', 'decimal(10,2)',
  'TIMESTAMP', 'Customer identifier used by orders', 'https://example.com/docs', 'v1', 'pii', 'gdpr',
  'witboost.com/v2', 'backstage.io/v1alpha1', 'Component', 'urn:dmb:cmp:x', 'a b c',
];

export const KEYS: readonly string[] = [
  'apiVersion', 'kind', 'metadata', 'spec', 'name', 'title', 'description', 'owner', 'lifecycle',
  'annotations', 'labels', 'mesh', 'dataContract', 'specific', 'settings', 'system', 'domain',
  'version', 'enabled', 'retries', 'ratio', 'note', 'type', 'x_a', 'x-b', 'y1',
];

/** Keys under which the generators put lists of column-like mappings (unique `name`). */
export const COLUMN_KEYS: readonly string[] = ['columns', 'schema', 'fields', 'schemaColumns'];
/** Keys under which the generators put sets of unique strings. */
export const SET_KEYS: readonly string[] = ['tags', 'dependsOn', 'consumesApis', 'labelsList'];

export const COLUMN_NAMES: readonly string[] = [
  'id', 'customer_id', 'amount', 'created_at', 'status', 'yes', '1.0', 'col with space', 'col#1', 'null',
];
export const DATA_TYPES: readonly string[] = ['string', 'int', 'decimal(10,2)', 'TIMESTAMP', 'BOOLEAN', 'array<string>'];

export const stringArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.constantFrom(...TRICKY_STRINGS),
  fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/),
);

export const scalarArb: fc.Arbitrary<Json> = fc.oneof(
  { weight: 5, arbitrary: stringArb },
  { weight: 2, arbitrary: fc.integer({ min: -1000, max: 100000 }) },
  { weight: 1, arbitrary: fc.constantFrom(0.5, 2.25, -1.5, 3.14) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

export const columnArb: fc.Arbitrary<{ [key: string]: Json }> = fc.record(
  {
    name: fc.constantFrom(...COLUMN_NAMES),
    dataType: fc.constantFrom(...DATA_TYPES),
    description: stringArb,
    constraint: fc.constantFrom('PRIMARY_KEY', 'NOT_NULL', 'NULL'),
    ordinal: fc.integer({ min: 0, max: 50 }),
  },
  { requiredKeys: ['name', 'dataType'] },
);

export const columnsArb: fc.Arbitrary<Json[]> = fc.uniqueArray(columnArb, {
  selector: (c) => c['name'],
  minLength: 1,
  maxLength: 4,
});

export const setArb: fc.Arbitrary<Json[]> = fc.uniqueArray(stringArb, { minLength: 1, maxLength: 4 });

/**
 * A catalog-like mapping: identifier keys, nested mappings, column lists keyed by `name`,
 * sets of strings, empty collections and scalars (many of them strings that look like other types).
 */
export const catalogMappingArb: fc.Arbitrary<{ [key: string]: Json }> = fc.letrec<{
  node: Json;
  mapping: { [key: string]: Json };
}>((tie) => ({
  node: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'catalog' },
    { weight: 6, arbitrary: scalarArb },
    { weight: 3, arbitrary: tie('mapping') },
    { weight: 1, arbitrary: fc.constantFrom<Json>({}, []) },
  ),
  mapping: fc
    .tuple(
      fc.uniqueArray(fc.tuple(fc.constantFrom(...KEYS), tie('node')), { selector: (e) => e[0], maxLength: 4 }),
      fc.option(fc.tuple(fc.constantFrom(...COLUMN_KEYS), columnsArb), { nil: undefined }),
      fc.option(fc.tuple(fc.constantFrom(...SET_KEYS), setArb), { nil: undefined }),
    )
    .map(([entries, columns, set]) => {
      const out: { [key: string]: Json } = {};
      for (const [k, v] of entries) out[k] = v;
      if (columns) out[columns[0]] = columns[1];
      if (set) out[set[0]] = set[1];
      return out;
    }),
})).mapping;

/** One catalog entity document: `apiVersion`, `kind`, `metadata.name`, then generated content. */
export const entityArb: fc.Arbitrary<{ [key: string]: Json }> = fc
  .tuple(
    fc.constantFrom('Component', 'System', 'API'),
    fc.constantFrom('orders', 'billing', 'yes', 'shop-api'),
    catalogMappingArb,
    catalogMappingArb,
  )
  .map(([kind, name, metadata, spec]) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { ...metadata, name },
    spec,
  }));

/** Documents of one file: usually one; sometimes several entities with distinct identities. */
export const documentsArb: fc.Arbitrary<Json[]> = fc.oneof(
  { weight: 4, arbitrary: fc.oneof(catalogMappingArb.filter((m) => Object.keys(m).length > 0), entityArb).map((d) => [d]) },
  {
    weight: 1,
    arbitrary: fc.uniqueArray(entityArb, {
      selector: (e) => `${String((e as { kind: string }).kind)}/${String((e['metadata'] as { name: string }).name)}`,
      minLength: 2,
      maxLength: 3,
    }),
  },
);
