import type { AuthConfig } from '../config/securityConfig.js';
import { createApiTokenLookup } from './apiTokens.js';
import type { Identity } from './identity.js';
import { LOCAL_IDENTITY } from './identity.js';
import { createJwtVerifier } from './jwtVerifier.js';
import { createProxyIdentity } from './proxyIdentity.js';

/**
 * The verdict on a request's credentials. `missing`: none were given (HTTP 401, the client should
 * sign in); `invalid`: they were given and refused (401); `unavailable`: they could not be checked
 * now (the issuer's keys are unreachable: 503).
 */
export type AuthResult = { ok: true; identity: Identity } | { ok: false; kind: 'missing' | 'invalid' | 'unavailable'; message: string };

/** Authenticates requests in the configured mode; API tokens are accepted in every mode. */
export interface Authenticator {
  readonly mode: AuthConfig['mode'];
  authenticate(headers: Headers): Promise<AuthResult>;
}

/** Builds the authenticator for `config` (resolved once at start). */
export function createAuthenticator(config: AuthConfig): Authenticator {
  const apiToken = createApiTokenLookup(config.apiTokens);
  const jwt = config.mode === 'jwt' && config.jwt ? createJwtVerifier(config.jwt) : null;
  const proxy = config.mode === 'proxy' && config.proxy ? createProxyIdentity(config.proxy) : null;
  return {
    mode: config.mode,
    async authenticate(headers) {
      if (config.mode === 'none') return { ok: true, identity: LOCAL_IDENTITY };
      const bearer = bearerToken(headers.get('authorization'));
      if (bearer) {
        const byToken = apiToken(bearer);
        if (byToken) return { ok: true, identity: byToken };
        if (jwt) {
          const verdict = await jwt(bearer);
          return verdict.ok ? verdict : { ok: false, kind: verdict.kind, message: verdict.message };
        }
      }
      if (proxy) {
        const identity = proxy(headers);
        if (identity) return { ok: true, identity };
        return { ok: false, kind: 'missing', message: 'sign in through the authenticating proxy, or send an API token' };
      }
      if (bearer) return { ok: false, kind: 'invalid', message: 'the bearer token is not accepted' };
      return { ok: false, kind: 'missing', message: 'authentication required: send Authorization: Bearer <token>' };
    },
  };
}

function bearerToken(header: string | null): string | null {
  const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return m?.[1] ?? null;
}
