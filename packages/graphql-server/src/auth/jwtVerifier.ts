import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import type { JWTPayload } from 'jose';
import type { JwtAuthConfig } from '../config/securityConfig.js';
import type { Identity } from './identity.js';

/** A bearer token's verdict: the identity, or why not (`unavailable`: the issuer's keys could not be read). */
export type JwtVerdict = { ok: true; identity: Identity } | { ok: false; kind: 'invalid' | 'unavailable'; message: string };

/** How long a failed key set discovery is remembered before the issuer is asked again. */
export const DISCOVERY_RETRY_MS = 30_000;

/**
 * Verifies bearer JWTs against the issuer's JWKS (signature, `iss`, `aud`, `exp`, `nbf`, the
 * configured algorithms only). Keys are fetched on first use and re-fetched when a token names an
 * unknown key id (jose's remote key set: cached, rate-limited). Without `jwksUrl`, the key set URL
 * is discovered from `<issuer>/.well-known/openid-configuration`; a failed discovery is not
 * retried for `retryMs` (requests meanwhile get `unavailable` at once), so a down issuer is asked
 * once per `retryMs`, not once per request. The email is taken only when the `emailVerified`
 * claim is true (unless that claim is configured as null).
 */
export function createJwtVerifier(
  config: JwtAuthConfig,
  options: { retryMs?: number; now?: () => number } = {},
): (token: string) => Promise<JwtVerdict> {
  const retryMs = options.retryMs ?? DISCOVERY_RETRY_MS;
  const now = options.now ?? Date.now;
  let keys: Promise<ReturnType<typeof createRemoteJWKSet>> | null = null;
  let failedAt: number | null = null;
  const keySet = (): Promise<ReturnType<typeof createRemoteJWKSet>> => {
    if (!keys) {
      if (failedAt !== null && now() - failedAt < retryMs) return Promise.reject(new DiscoveryError('discovery failed recently'));
      const p = (async () => createRemoteJWKSet(new URL(config.jwksUrl ?? (await discoverJwksUrl(config.issuer))), { timeoutDuration: 5000, cooldownDuration: 30_000 }))();
      keys = p;
      p.then(
        () => (failedAt = null),
        () => {
          failedAt = now();
          if (keys === p) keys = null;
        },
      );
    }
    return keys;
  };
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, await keySet(), {
        issuer: config.issuer,
        audience: config.audience,
        algorithms: config.algorithms,
        clockTolerance: config.clockToleranceSeconds,
      }));
    } catch (e) {
      return verdictOf(e);
    }
    const user = claimString(payload, config.claims.user);
    if (!user) return { ok: false, kind: 'invalid', message: `the token has no "${config.claims.user}" claim` };
    const verified = config.claims.emailVerified === null || isTrue(claim(payload, config.claims.emailVerified));
    return {
      ok: true,
      identity: {
        user,
        name: claimString(payload, config.claims.name),
        email: verified ? claimString(payload, config.claims.email) : null,
        groups: claimList(payload, config.claims.groups),
        method: 'jwt',
        tokenName: null,
      },
    };
  };
}

/** `true`, or the text "true" (some issuers send claims as strings). */
function isTrue(v: unknown): boolean {
  return v === true || v === 'true';
}

async function discoverJwksUrl(issuer: string): Promise<string> {
  const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  const res = await fetch(url, { signal: AbortSignal.timeout(5000), headers: { accept: 'application/json' } });
  if (!res.ok) throw new DiscoveryError(`${url} answered HTTP ${res.status}`);
  const body = (await res.json()) as { jwks_uri?: unknown };
  if (typeof body.jwks_uri !== 'string') throw new DiscoveryError(`${url} has no jwks_uri`);
  return body.jwks_uri;
}

class DiscoveryError extends Error {}

function verdictOf(e: unknown): JwtVerdict {
  if (e instanceof DiscoveryError || e instanceof errors.JWKSTimeout || e instanceof errors.JWKSInvalid) {
    return { ok: false, kind: 'unavailable', message: "the issuer's signing keys cannot be read right now" };
  }
  if (e instanceof errors.JWTExpired) return { ok: false, kind: 'invalid', message: 'the token has expired' };
  if (e instanceof errors.JWTClaimValidationFailed) return { ok: false, kind: 'invalid', message: `the token's "${e.claim}" claim is not accepted` };
  if (e instanceof errors.JOSEError) return { ok: false, kind: 'invalid', message: 'the token is not valid (signature, format or algorithm)' };
  if (e instanceof TypeError || (e instanceof Error && e.name === 'AbortError')) {
    return { ok: false, kind: 'unavailable', message: "the issuer's signing keys cannot be read right now" };
  }
  return { ok: false, kind: 'invalid', message: 'the token is not valid' };
}

function claim(payload: JWTPayload, path: string): unknown {
  let cur: unknown = payload;
  for (const k of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, k)) return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

function claimString(payload: JWTPayload, path: string): string | null {
  const v = claim(payload, path);
  return typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null;
}

function claimList(payload: JWTPayload, path: string): string[] {
  const v = claim(payload, path);
  const list = Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : [];
  return list.filter((g): g is string => typeof g === 'string').map((g) => g.trim()).filter((g) => g !== '');
}
