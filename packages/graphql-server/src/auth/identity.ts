/** How a caller was authenticated. */
export type AuthMethod = 'none' | 'jwt' | 'proxy' | 'token';

/**
 * Who is calling: from a verified JWT, the authenticating proxy's headers, a static API token, or
 * (with `auth.mode: none`) the local user. Never carries a credential.
 */
export interface Identity {
  /** The user id (`sub` claim, proxy user header, the token's user, or `local`). */
  user: string;
  /** Display name, when known. */
  name: string | null;
  /** Email, when known. */
  email: string | null;
  /** Group names or refs as the identity provider gave them. */
  groups: string[];
  method: AuthMethod;
  /** The API token's configured name (method `token`). */
  tokenName: string | null;
}

/** The caller of `auth.mode: none` (loopback only): the person at this machine, with every right. */
export const LOCAL_IDENTITY: Identity = { user: 'local', name: null, email: null, groups: [], method: 'none', tokenName: null };

/** A one-line label for logs and the audit log: `jwt:alice`, `token:ci`, `none:local`. */
export function describeIdentity(identity: Identity): string {
  return identity.method === 'token' ? `token:${identity.tokenName ?? identity.user}` : `${identity.method}:${identity.user}`;
}
