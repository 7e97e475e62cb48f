/**
 * Backstage entity references: `[<kind>:][<namespace>/]<name>`, compared case-insensitively
 * (Backstage's `parseEntityRef` / `stringifyEntityRef` rules). Parsing returns a value or a
 * reason, never throws.
 */
export interface EntityRef {
  kind: string;
  namespace: string;
  name: string;
}

export type ParsedRef = { ok: true; ref: EntityRef } | { ok: false; message: string };

const PART = /^[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*$/;

/**
 * Parses `text` with the given defaults. A `/` before the first `:` makes the whole prefix a
 * namespace (`ns/a:b` is namespace `ns`, name `a:b`), as in Backstage. Each part must be a
 * Backstage name (letters, digits, separated by `-`, `_` or `.`; at most 253 characters, 63
 * for the name).
 */
export function parseEntityRef(text: string, defaults: { kind?: string; namespace?: string } = {}): ParsedRef {
  const ref = text.trim();
  let colon = ref.indexOf(':');
  const slash = ref.indexOf('/');
  if (slash !== -1 && slash < colon) colon = -1;
  const kind = colon === -1 ? defaults.kind : ref.slice(0, colon);
  const namespace = slash === -1 ? (defaults.namespace ?? 'default') : ref.slice(colon + 1, slash);
  const name = ref.slice(Math.max(colon + 1, slash + 1));
  const form = `entity ref ${JSON.stringify(text)} is not of the form [<kind>:][<namespace>/]<name>`;
  if (kind === undefined) return { ok: false, message: `${form}: the kind is missing` };
  for (const [what, part, max] of [['kind', kind, 253], ['namespace', namespace, 63], ['name', name, 63]] as const) {
    if (part === '') return { ok: false, message: `${form}: the ${what} is empty` };
    if (part.length > max || !PART.test(part)) return { ok: false, message: `${form}: ${JSON.stringify(part)} is not a valid ${what}` };
  }
  return { ok: true, ref: { kind, namespace, name } };
}

/** The canonical form: `kind:namespace/name`, all lower-case (Backstage's `stringifyEntityRef`). */
export function stringifyEntityRef(ref: EntityRef): string {
  return `${ref.kind.toLowerCase()}:${ref.namespace.toLowerCase()}/${ref.name.toLowerCase()}`;
}

/**
 * Parses what a user typed as a component ref (`name`, `ns/name`, `component:ns/name`, any
 * case). A ref of another kind is refused with a message naming the kind.
 */
export function parseComponentRef(text: string): ParsedRef {
  const parsed = parseEntityRef(text, { kind: 'component', namespace: 'default' });
  if (!parsed.ok) return parsed;
  if (parsed.ref.kind.toLowerCase() !== 'component') {
    return { ok: false, message: `entity ref ${JSON.stringify(text)} is of kind ${JSON.stringify(parsed.ref.kind)}: reverse provisioning works on components (component:<namespace>/<name>)` };
  }
  return parsed;
}
