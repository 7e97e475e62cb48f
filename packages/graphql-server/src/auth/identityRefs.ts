import { parseEntityRef, stringifyEntityRef } from '../validation/entityRef.js';

/**
 * A name from an identity provider, as the name part of a ref: lower-case (refs compare
 * case-insensitively), with `%`, `:` and `/` percent-encoded. The value is never parsed as a
 * ref, so it cannot choose a kind or a namespace: a user called `group:team-b` is
 * `user:default/group%3ateam-b`, which no owner in a catalog can name (Backstage names have no `%`).
 */
function escapedName(value: string): string {
  return value.trim().toLowerCase().replace(/%/g, '%25').replace(/:/g, '%3a').replace(/\//g, '%2f');
}

/** The ref of a user id from the identity (JWT claim, proxy header, API token): always `user:default/<id>`. */
export function userRefOf(user: string): string {
  return `user:default/${escapedName(user)}`;
}

/**
 * The ref of a group from the identity: a value written as a `group:` ref (`group:sales/team-a`,
 * as Backstage-aware providers send) keeps its namespace; anything else is a group name in the
 * default namespace (`team-a` → `group:default/team-a`; `user:bob` → `group:default/user%3abob`).
 * Always of kind group.
 */
export function groupRefOf(group: string): string {
  const text = group.trim();
  if (/^group:/i.test(text)) {
    const parsed = parseEntityRef(text);
    if (parsed.ok) return stringifyEntityRef(parsed.ref);
  }
  return `group:default/${escapedName(text)}`;
}

/**
 * An entry of `authorization.admins` (written by the operator): a `user:` / `group:` ref as
 * written, else an id or name treated as the identity's are.
 */
export function configuredRefOf(value: string, kind: 'user' | 'group'): string {
  const parsed = parseEntityRef(value.trim(), { kind, namespace: 'default' });
  if (parsed.ok && parsed.ref.kind.toLowerCase() === kind && value.includes(':')) return stringifyEntityRef(parsed.ref);
  return kind === 'user' ? userRefOf(value) : groupRefOf(value);
}
