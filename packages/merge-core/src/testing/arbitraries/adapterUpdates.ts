import fc from 'fast-check';
import { isJsonObject, type JsonObject, type JsonValue } from '../../model/json.js';
import { COLUMN_TYPES, TABLE_COLUMNS, tagLabel } from './catalogColumns.js';
import type { Updates } from './catalogUpdates.js';

type Entry = fc.Arbitrary<[string, JsonValue]>;

function getIn(value: JsonValue, dotPath: string): JsonValue | undefined {
  let cur: JsonValue | undefined = value;
  for (const key of dotPath.split('.')) cur = isJsonObject(cur) && Object.prototype.hasOwnProperty.call(cur, key) ? cur[key] : undefined;
  return cur;
}

/**
 * The table as the adapter reads it back: the current columns, some gone, some retyped, new ones
 * added, attributes the adapter cannot read (descriptions, tags, constraints) usually dropped,
 * sometimes in the database's order (by name).
 */
function columnsReadBack(current: JsonObject[]): fc.Arbitrary<JsonValue> {
  const n = current.length;
  const taken = new Set(current.map((c) => String(c['name'])));
  const fresh = TABLE_COLUMNS.filter((name) => !taken.has(name)).concat(['new_col', 'loaded_at']);
  return fc
    .record({
      keep: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      retype: fc.array(fc.option(fc.constantFrom(...COLUMN_TYPES), { nil: undefined, freq: 3 }), { minLength: n, maxLength: n }),
      dropAttributes: fc.boolean(),
      added: fc.uniqueArray(fc.constantFrom(...fresh), { maxLength: 2 }),
      addedTypes: fc.array(fc.constantFrom(...COLUMN_TYPES), { minLength: 2, maxLength: 2 }),
      byName: fc.boolean(),
    })
    .map(({ keep, retype, dropAttributes, added, addedTypes, byName }) => {
      const cols: JsonObject[] = [];
      current.forEach((c, i) => {
        if (!keep[i] && keep.some(Boolean)) return;
        const read: JsonObject = dropAttributes ? { name: c['name']!, dataType: c['dataType']! } : { ...c };
        if (retype[i] !== undefined) read['dataType'] = retype[i]!;
        cols.push(read);
      });
      added.forEach((name, i) => cols.push({ name, dataType: addedTypes[i]! }));
      if (byName) cols.sort((a, b) => String(a['name']).localeCompare(String(b['name'])));
      return cols;
    });
}

/**
 * Realistic reverse-provisioning `updates` for a catalog entity (see {@link catalogEntity}), as tech
 * adapters send them (reverse-provisioning.md §3): lists sent whole (a data contract schema read
 * back from the table, with columns gone, retyped, added, attributes dropped; the mesh tags; the
 * metadata tags and links), nested dot paths to scalars (`spec.mesh.dataContract.SLA.upTime`), a
 * mapping together with a path inside it (`spec.mesh.specific` and `spec.mesh.specific.tableName`),
 * new keys and new nested mappings whose own keys hold dots (`{"spark.executor.memory": "4g"}`),
 * `null`. 1 to 6 keys, in any order.
 */
export function adapterUpdates(entity: JsonValue): fc.Arbitrary<Updates> {
  const entries: Entry[] = [
    fc.constantFrom('Value A', 'yes', '2024-08-02').map((v): [string, JsonValue] => ['metadata.fieldA', v]),
    fc.constantFrom('experimental', 'production').map((v): [string, JsonValue] => ['spec.lifecycle', v]),
    fc.constantFrom('2024-08-02T13:03:18.045Z', '2025-01-01').map((v): [string, JsonValue] => ['metadata.annotations', { 'witboost.com/last-reverse-provisioning': v }]),
  ];
  const tags = getIn(entity, 'metadata.tags');
  if (Array.isArray(tags)) entries.push(fc.uniqueArray(fc.constantFrom(...tags, 'reverse-provisioned', 'pii'), { maxLength: 4 }).map((t): [string, JsonValue] => ['metadata.tags', t]));
  const links = getIn(entity, 'metadata.links');
  if (Array.isArray(links)) {
    const withoutIcons = links.map((l) => (isJsonObject(l) ? { url: l['url']!, title: l['title']! } : l));
    entries.push(fc.constant<[string, JsonValue]>(['metadata.links', withoutIcons]));
  }
  const mesh = getIn(entity, 'spec.mesh');
  if (isJsonObject(mesh)) {
    const schema = getIn(mesh, 'dataContract.schema');
    if (Array.isArray(schema) && schema.every(isJsonObject)) {
      entries.push(columnsReadBack(schema).map((cols): [string, JsonValue] => ['spec.mesh.dataContract.schema', cols]));
    }
    entries.push(
      fc.uniqueArray(tagLabel(), { selector: (t) => t['tagFQN'], maxLength: 2 }).map((t): [string, JsonValue] => ['spec.mesh.tags', t]),
      fc.constantFrom<JsonValue>('99.95%', null).map((v): [string, JsonValue] => ['spec.mesh.dataContract.SLA.upTime', v]),
      fc.constant<[string, JsonValue]>(['spec.mesh.specific', { database: 'ANALYTICS', schema: 'PUBLIC', tableName: 'orders_v2' }]),
      fc.constantFrom('ORDERS_V2', 'orders').map((v): [string, JsonValue] => ['spec.mesh.specific.tableName', v]),
      fc.constant<[string, JsonValue]>(['spec.mesh.specific.settings', { 'spark.executor.memory': '4g', retries: 3 }]),
      fc.constant<[string, JsonValue]>(['spec.mesh.fullyQualifiedName', null]),
    );
  }
  return fc
    .shuffledSubarray(entries, { minLength: 1, maxLength: Math.min(6, entries.length) })
    .chain((chosen) => fc.tuple(...chosen))
    .map((pairs) => Object.fromEntries(pairs));
}
