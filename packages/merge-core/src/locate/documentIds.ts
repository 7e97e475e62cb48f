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

/** `kind:namespace/name` for a catalog entity value, else `null`. */
export function entityRef(value: JsonValue): string | null {
  if (!isJsonObject(value)) return null;
  const kind = getOwn(value, 'kind');
  const metadata = getOwn(value, 'metadata');
  if (typeof kind !== 'string' || !isJsonObject(metadata)) return null;
  const name = getOwn(metadata, 'name');
  if (typeof name !== 'string' || name === '') return null;
  const namespace = getOwn(metadata, 'namespace');
  return `${kind.toLowerCase()}:${typeof namespace === 'string' && namespace !== '' ? namespace : 'default'}/${name}`;
}
