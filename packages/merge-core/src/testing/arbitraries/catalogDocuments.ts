import fc from 'fast-check';
import type { JsonObject, JsonValue } from '../../model/json.js';
import { COLUMN_KEYS, COLUMN_NAMES, DATA_TYPES, KEYS, SET_KEYS, TRICKY_STRINGS, WORDS } from './vocabulary.js';

const stringArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.constantFrom(...TRICKY_STRINGS),
  fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/),
);

const scalarArb: fc.Arbitrary<JsonValue> = fc.oneof(
  { weight: 5, arbitrary: stringArb },
  { weight: 2, arbitrary: fc.integer({ min: -1000, max: 100000 }) },
  { weight: 1, arbitrary: fc.constantFrom(0.5, 2.25, -1.5, 3.14) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

const columnArb: fc.Arbitrary<JsonObject> = fc.record(
  {
    name: fc.constantFrom(...COLUMN_NAMES),
    dataType: fc.constantFrom(...DATA_TYPES),
    description: stringArb,
    constraint: fc.constantFrom('PRIMARY_KEY', 'NOT_NULL', 'NULL'),
    ordinal: fc.integer({ min: 0, max: 50 }),
  },
  { requiredKeys: ['name', 'dataType'] },
);

const columnsArb: fc.Arbitrary<JsonValue[]> = fc.uniqueArray(columnArb, { selector: (c) => c['name'], minLength: 1, maxLength: 4 });

const setArb: fc.Arbitrary<JsonValue[]> = fc.uniqueArray(stringArb, { minLength: 1, maxLength: 4 });

/**
 * A catalog-like mapping, up to 3 levels deep: catalog keys, nested mappings, column lists keyed by
 * `name`, sets of strings, empty collections and scalars (many of them strings that look like
 * other types). Dense in the shapes a merge engine has to handle, not in realism: see
 * {@link catalogEntity} for realistic entities.
 */
export function catalogMapping(): fc.Arbitrary<JsonObject> {
  return fc.letrec<{ node: JsonValue; mapping: JsonObject }>((tie) => ({
    node: fc.oneof(
      { maxDepth: 3, depthIdentifier: 'catalog' },
      { weight: 6, arbitrary: scalarArb },
      { weight: 3, arbitrary: tie('mapping') },
      { weight: 1, arbitrary: fc.constantFrom<JsonValue>({}, []) },
    ),
    mapping: fc
      .tuple(
        fc.uniqueArray(fc.tuple(fc.constantFrom(...KEYS), tie('node')), { selector: (e) => e[0], maxLength: 4 }),
        fc.option(fc.tuple(fc.constantFrom(...COLUMN_KEYS), columnsArb), { nil: undefined }),
        fc.option(fc.tuple(fc.constantFrom(...SET_KEYS), setArb), { nil: undefined }),
      )
      .map(([entries, columns, set]) => {
        const out: JsonObject = {};
        for (const [k, v] of entries) out[k] = v;
        if (columns) out[columns[0]] = columns[1];
        if (set) out[set[0]] = set[1];
        return out;
      }),
  })).mapping;
}

function entityArb(): fc.Arbitrary<JsonObject> {
  return fc
    .tuple(fc.constantFrom('Component', 'System', 'API'), fc.constantFrom('orders', 'billing', 'yes', 'shop-api'), catalogMapping(), catalogMapping())
    .map(([kind, name, metadata, spec]) => ({ apiVersion: 'backstage.io/v1alpha1', kind, metadata: { ...metadata, name }, spec }));
}

/** `kind/name` of a generated entity: distinct per file. */
function identity(e: JsonObject): string {
  return `${String(e['kind'])}/${String((e['metadata'] as JsonObject)['name'])}`;
}

/**
 * The documents of one file, one JSON value each: usually a single non-empty
 * {@link catalogMapping} or entity (`apiVersion`, `kind`, `metadata.name`, generated content);
 * sometimes 2–3 entities with distinct `kind`/`metadata.name`.
 */
export function catalogDocuments(): fc.Arbitrary<JsonValue[]> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.oneof(catalogMapping().filter((m) => Object.keys(m).length > 0), entityArb()).map((d): JsonValue[] => [d]) },
    { weight: 1, arbitrary: fc.uniqueArray(entityArb(), { selector: identity, minLength: 2, maxLength: 3 }) },
  );
}
