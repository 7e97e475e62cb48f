import type { AuthorizationConfig } from '../config/securityConfig.js';
import { parseEntityRef, stringifyEntityRef } from '../validation/entityRef.js';
import type { Identity } from './identity.js';
import { configuredRefOf, groupRefOf, userRefOf } from './identityRefs.js';

/** What a component's access is decided on: its `spec.owner` and its namespace. */
export interface Owned {
  owner: string | null;
  namespace: string;
}

/** Read and write rights of a caller. Pure: no I/O, decided from the identity and the entity. */
export interface AccessPolicy {
  /** Admins have every right and read the audit log. Everyone is admin with `auth.mode: none`. */
  isAdmin(identity: Identity): boolean;
  canRead(identity: Identity, entity: Owned): boolean;
  canWrite(identity: Identity, entity: Owned): boolean;
  /** The caller's user and group refs, canonical (`user:default/alice`, `group:default/team-a`). */
  refsOf(identity: Identity): { user: string; groups: string[] };
}

/**
 * The authorization rules (docs/security.md): admins do everything; in `ownership` mode a caller
 * reads and writes a component when `spec.owner` (a `group:` or `user:` ref; kind `group` and the
 * component's namespace by default, as in Backstage) is the caller or one of the caller's groups;
 * `everyoneReads` opens reading to every authenticated caller; `authenticated` mode lets every
 * authenticated caller read and write. A component without an owner is for admins only. The
 * caller's refs never come from parsing its user id: `identityRefs.ts`.
 */
export function createAccessPolicy(config: AuthorizationConfig, authMode: 'none' | 'jwt' | 'proxy'): AccessPolicy {
  const adminUsers = new Set(config.admins.users.map((u) => configuredRefOf(u, 'user')));
  const adminGroups = new Set(config.admins.groups.map((g) => configuredRefOf(g, 'group')));
  const refsOf = (identity: Identity): { user: string; groups: string[] } => ({
    user: userRefOf(identity.user),
    groups: identity.groups.map(groupRefOf),
  });
  const isAdmin = (identity: Identity): boolean => {
    if (authMode === 'none' && identity.method === 'none') return true;
    const refs = refsOf(identity);
    return adminUsers.has(refs.user) || refs.groups.some((g) => adminGroups.has(g));
  };
  const owns = (identity: Identity, entity: Owned): boolean => {
    if (!entity.owner) return false;
    const parsed = parseEntityRef(entity.owner, { kind: 'group', namespace: entity.namespace });
    if (!parsed.ok) return false;
    const owner = stringifyEntityRef(parsed.ref);
    const refs = refsOf(identity);
    return owner === refs.user || refs.groups.includes(owner);
  };
  const canWrite = (identity: Identity, entity: Owned): boolean => isAdmin(identity) || config.mode === 'authenticated' || owns(identity, entity);
  return {
    isAdmin,
    canWrite,
    canRead: (identity, entity) => canWrite(identity, entity) || config.everyoneReads,
    refsOf,
  };
}
