import { isDeepStrictEqual } from 'node:util';
import { parseDocument } from 'yaml';
import type { Workload } from './workload/workload.js';

/**
 * Whether `text` is the correct full merge of a workload: it parses without errors, its columns
 * equal the expected columns (theirs' types, removals, additions and order, ours' descriptions),
 * and everything else equals ours. Returns the first problem found, or `undefined` when correct.
 */
export function checkMerged(text: string, workload: Workload): string | undefined {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) return `does not parse: ${doc.errors[0]?.message ?? ''}`;
  const value = doc.toJS({ maxAliasCount: -1 }) as Record<string, unknown>;
  const columns = (((value['spec'] as Record<string, unknown>)?.['mesh'] as Record<string, unknown>)?.['dataContract'] as
    | Record<string, unknown>
    | undefined)?.['schema'];
  if (!Array.isArray(columns)) return 'spec.mesh.dataContract.schema is not a list';
  if (columns.length !== workload.expectedColumns.length) {
    return `expected ${workload.expectedColumns.length} columns, got ${columns.length}`;
  }
  for (let i = 0; i < columns.length; i++) {
    if (!isDeepStrictEqual(columns[i], workload.expectedColumns[i])) {
      return `column ${i}: expected ${JSON.stringify(workload.expectedColumns[i])}, got ${JSON.stringify(columns[i])}`;
    }
  }
  const ours = parseDocument(workload.ours).toJS() as Record<string, unknown>;
  const strip = (v: Record<string, unknown>): unknown => {
    const copy = structuredClone(v) as { spec: { mesh: { dataContract: { schema?: unknown } } } };
    delete copy.spec.mesh.dataContract.schema;
    return copy;
  };
  return isDeepStrictEqual(strip(value), strip(ours)) ? undefined : 'fields outside the schema differ from ours';
}
