import { getOwn, isJsonObject, type JsonValue } from '../model/json.js';

/**
 * Identity of a document in a multi-document file: `kind:namespace/name` (kind lower-cased,
 * namespace `default` when absent) for entity documents, otherwise its position as text.
 * Duplicate identities fall back to the position, so ids are unique within a file.
 */
export function documentIds(values: readonly JsonValue[]): string[] {
  const ids = values.map((v, i) => entityRef(v) ?? String(i));
  const seen = new Map<string, number>();
  for (const id of ids) seen.set(id, (seen.get(id) ?? 0) + 1);
  return ids.map((id, i) => ((seen.get(id) ?? 0) > 1 ? String(i) : id));
}

/** True for an entity identity, false for a position (`"2"`), which identifies nothing across versions. */
export function isEntityId(id: string): boolean {
  return !/^[0-9]+$/.test(id);
}

/** The parts of a catalog entity's identity (kind lower-cased, namespace `default` when absent). */
export interface EntityIdentity {
  kind: string;
  namespace: string;
  name: string;
}

/** The identity of a catalog entity value, else `null`. */
export function entityIdentity(value: JsonValue): EntityIdentity | null {
  if (!isJsonObject(value)) return null;
  const kind = getOwn(value, 'kind');
  const metadata = getOwn(value, 'metadata');
  if (typeof kind !== 'string' || !isJsonObject(metadata)) return null;
  const name = getOwn(metadata, 'name');
  if (typeof name !== 'string' || name === '') return null;
  const namespace = getOwn(metadata, 'namespace');
  return { kind: kind.toLowerCase(), namespace: typeof namespace === 'string' && namespace !== '' ? namespace : 'default', name };
}

/** `kind:namespace/name` for a catalog entity value, else `null`. */
export function entityRef(value: JsonValue): string | null {
  const id = entityIdentity(value);
  return id === null ? null : `${id.kind}:${id.namespace}/${id.name}`;
}
