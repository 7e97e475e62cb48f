import { parseAllDocuments } from 'yaml';

/** One YAML document of a catalog file: who it is (`Kind namespace/name`, as written) and its value. */
interface EntityDocument {
  /** `Component default/orders-port`; `(no kind)` / `(no name)` where missing. */
  label: string;
  /** The label lower-cased: entity identities compare case-insensitively, as Backstage refs. */
  identity: string;
  /** The document's value as canonical JSON (keys sorted): equal texts mean equal documents. */
  value: string;
}

function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
}

/** The documents of a text that hold a value (a comment-only or empty document is none). */
function entityDocuments(text: string): EntityDocument[] {
  const docs = parseAllDocuments(text);
  const out: EntityDocument[] = [];
  for (const d of Array.isArray(docs) ? docs : []) {
    let v: unknown;
    try {
      v = d.toJS({ maxAliasCount: 100 });
    } catch {
      v = '(unreadable document)';
    }
    if (v === null || v === undefined) continue;
    const doc = (typeof v === 'object' && !Array.isArray(v) ? v : {}) as { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } };
    const kind = typeof doc.kind === 'string' ? doc.kind : '(no kind)';
    const name = typeof doc.metadata?.name === 'string' ? doc.metadata.name : '(no name)';
    const namespace = typeof doc.metadata?.namespace === 'string' ? doc.metadata.namespace : 'default';
    const label = `${kind} ${namespace}/${name}`;
    out.push({ label, identity: label.toLowerCase(), value: canonical(v) });
  }
  return out;
}

/**
 * Why a save of `after` over `before` (the file on the branch head) is refused, or null. A save
 * is about one entity, the operation's component: `after` must hold it exactly once (a
 * `Component` with the same namespace and name, any case), and every other document must be
 * exactly one of `before`'s, unchanged. So no save, free-form or of selected changes, can rename
 * the entity or change its kind, add a second entity (say, another team's component name or a
 * `ReverseProvisioningTemplate`), or change or remove an entity of someone else that shares the
 * file. Texts are compared as parsed values, so formatting and comments are free.
 */
export function savedEntitiesProblem(before: string, after: string, entity: { namespace: string; name: string }): string | null {
  const target = `component ${entity.namespace}/${entity.name}`.toLowerCase();
  const wanted = `component:${entity.namespace}/${entity.name}`;
  const next = entityDocuments(after);
  const mine = next.filter((d) => d.identity === target);
  if (mine.length !== 1) {
    const held = next.length > 0 ? `it holds ${next.map((d) => d.label).join(', ')}` : 'it holds no entity';
    const why = mine.length === 0 ? `must still describe ${wanted} (same kind, namespace and name)` : `must describe ${wanted} once, not ${mine.length} times`;
    return `the saved file ${why}: ${held}. Nothing was written.`;
  }
  const others = [...entityDocuments(before).filter((d) => d.identity !== target)];
  const changed: string[] = [];
  for (const d of next.filter((x) => x.identity !== target)) {
    const i = others.findIndex((o) => o.value === d.value);
    if (i === -1) changed.push(others.some((o) => o.identity === d.identity) ? `changes ${d.label}` : `adds ${d.label}`);
    else others.splice(i, 1);
  }
  for (const o of others) if (!changed.some((c) => c.endsWith(o.label))) changed.push(`removes ${o.label}`);
  if (changed.length === 0) return null;
  return `a save may change only ${wanted}, but this one ${changed.join(', ')}: other entities of the file belong to their own owners. Nothing was written.`;
}
