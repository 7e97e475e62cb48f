import { parseAllDocuments } from 'yaml';
import type { JsonValue } from '../../model/json.js';

/**
 * Parses every document of a text as an independent reader would (the `yaml` library, YAML 1.2
 * core schema, duplicate keys rejected, aliases resolved without a limit): one value per document.
 * Throws an `Error` listing the problems when the text is not valid YAML; laws report it as a
 * violation.
 */
export function parseDocuments(text: string): JsonValue[] {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) throw new Error('not YAML documents');
  for (const d of docs) if (d.errors.length > 0) throw new Error(d.errors.map((e) => `${e.code}: ${e.message}`).join('\n'));
  return docs.map((d) => d.toJS({ maxAliasCount: -1 }) as JsonValue);
}
