import { createHash } from 'node:crypto';
import type { ApiTokenConfig } from '../config/securityConfig.js';
import type { Identity } from './identity.js';

/** SHA-256 (hex) of a token, as stored in `auth.apiTokens[].sha256`. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Looks a bearer token up among the configured API tokens by its hash. The lookup is on the hash,
 * so timing tells nothing about a stored token; tokens are meant to be long random strings
 * (`revprov-server hash-token` makes one), for which SHA-256 is the right hash.
 */
export function createApiTokenLookup(tokens: readonly ApiTokenConfig[]): (token: string) => Identity | null {
  const byHash = new Map(tokens.map((t) => [t.sha256.toLowerCase(), t]));
  return (token) => {
    const t = byHash.get(hashToken(token));
    if (!t) return null;
    return { user: t.user, name: t.name, email: t.email, groups: [...t.groups], method: 'token', tokenName: t.name };
  };
}
