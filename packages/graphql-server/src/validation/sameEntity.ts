import { parseAllDocuments } from 'yaml';

/**
 * Checks that a free-form text still holds the entity an operation is about: a YAML document of
 * kind Component (any case) with the same `metadata.namespace` (default `default`) and
 * `metadata.name`, compared case-insensitively as Backstage compares refs. Returns why not, or
 * null. A text that is not valid YAML is reported by the caller's parser first.
 */
export function missingEntity(text: string, entity: { namespace: string; name: string }): string | null {
  const docs = parseAllDocuments(text);
  const list = Array.isArray(docs) ? docs : [];
  const wanted = `${entity.namespace}/${entity.name}`.toLowerCase();
  const found: string[] = [];
  for (const d of list) {
    let v: unknown;
    try {
      v = d.toJS({ maxAliasCount: 100 });
    } catch {
      continue;
    }
    if (v === null || typeof v !== 'object' || Array.isArray(v)) continue;
    const doc = v as { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } };
    const kind = typeof doc.kind === 'string' ? doc.kind : '(no kind)';
    const name = typeof doc.metadata?.name === 'string' ? doc.metadata.name : '(no name)';
    const namespace = typeof doc.metadata?.namespace === 'string' ? doc.metadata.namespace : 'default';
    if (kind.toLowerCase() === 'component' && `${namespace}/${name}`.toLowerCase() === wanted) return null;
    found.push(`${kind} ${namespace}/${name}`);
  }
  const what = found.length > 0 ? `it holds ${found.join(', ')}` : 'it holds no entity';
  return `the text must still describe component:${entity.namespace}/${entity.name} (same kind, namespace and name): ${what}. Nothing was written.`;
}
