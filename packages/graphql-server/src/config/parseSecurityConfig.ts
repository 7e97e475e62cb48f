import type { ApiTokenConfig, SecurityConfig } from './securityConfig.js';
import { DEFAULT_LIMITS, LOOPBACK_HOSTS, isLoopbackHost } from './securityConfig.js';

/** One problem, by key path (`['auth', 'jwt']`), so the caller can locate it in the file. */
export interface SecurityConfigIssue {
  keys: (string | number)[];
  message: string;
}

export type ParseSecurityResult = { ok: true; config: SecurityConfig } | { ok: false; issues: SecurityConfigIssue[] };

/** The top-level keys of the configuration file this module reads (their schema is in config.schema.json). */
export const SECURITY_KEYS = ['production', 'auth', 'authorization', 'cors', 'hosts', 'graphiql', 'introspection', 'limits'] as const;

/** The security sections as written, after `config.schema.json` validated them and filled its defaults. */
export interface RawSecurity {
  production?: boolean;
  auth?: {
    mode?: SecurityConfig['auth']['mode'];
    jwt?: { issuer: string; audience: string | string[]; jwksUrl?: string; algorithms?: string[]; clockToleranceSeconds?: number; claims?: Partial<Record<'user' | 'name' | 'email' | 'groups', string>> & { emailVerified?: string | null } };
    proxy?: { secretSha256: string } & Partial<Record<'secretHeader' | 'userHeader' | 'emailHeader' | 'nameHeader' | 'groupsHeader', string>>;
    apiTokens?: { name: string; sha256: string; user?: string; email?: string; groups?: string[] }[];
    fallbackEmailDomain?: string;
  };
  authorization?: { mode?: 'ownership' | 'authenticated'; everyoneReads?: boolean; admins?: { users?: string[]; groups?: string[] } };
  cors?: { origins?: string[] };
  hosts?: string[];
  graphiql?: boolean;
  introspection?: boolean;
  limits?: Partial<SecurityConfig['limits']>;
}

/**
 * Resolves the security sections into a `SecurityConfig`: the rules a schema cannot state (they
 * depend on `listenHost`, the configured `host`, or on each other) and the defaults that follow
 * from them. `auth.mode: none` is refused unless `listenHost` is a loopback address and every
 * `hosts` entry a loopback name (a local proxy forwarding a public name would expose it); `hosts` is
 * required when it is not; `jwt` / `proxy` are required by their mode; token names and hashes are
 * unique. Header names and hashes are lower-cased.
 */
export function parseSecurityConfig(raw: RawSecurity, listenHost: string): ParseSecurityResult {
  const issues: SecurityConfigIssue[] = [];
  const production = raw.production ?? false;
  const auth = raw.auth ?? {};
  const mode = auth.mode ?? 'none';
  if (mode === 'none' && !isLoopbackHost(listenHost)) {
    issues.push({ keys: ['auth', 'mode'], message: `"none" (no authentication) is only allowed when host is a loopback address; host is ${listenHost}: set auth.mode to jwt or proxy` });
  }
  if (mode === 'jwt' && !auth.jwt) issues.push({ keys: ['auth', 'jwt'], message: 'required when auth.mode is jwt: { issuer, audience }' });
  if (mode === 'proxy' && !auth.proxy) issues.push({ keys: ['auth', 'proxy'], message: 'required when auth.mode is proxy: { secretSha256 }' });
  const tokens: ApiTokenConfig[] = (auth.apiTokens ?? []).map((t) => ({
    name: t.name,
    sha256: t.sha256.toLowerCase(),
    user: t.user ?? `token:${t.name}`,
    email: t.email ?? null,
    groups: t.groups ?? [],
  }));
  tokens.forEach((t, i) => {
    if (tokens.findIndex((o) => o.name === t.name) !== i) issues.push({ keys: ['auth', 'apiTokens', i, 'name'], message: `duplicate token name "${t.name}"` });
    if (tokens.findIndex((o) => o.sha256 === t.sha256) !== i) issues.push({ keys: ['auth', 'apiTokens', i, 'sha256'], message: 'the same token hash is listed twice' });
  });
  const hosts = raw.hosts ?? (isLoopbackHost(listenHost) ? LOOPBACK_HOSTS : []);
  const publicHosts = hosts.filter((h) => h === '*' || !isLoopbackHost(h.replace(/:\d+$/, '')));
  if (mode === 'none' && publicHosts.length > 0) {
    issues.push({
      keys: ['hosts'],
      message: `auth.mode "none" (no authentication) only accepts loopback names, but hosts allows ${publicHosts.map((h) => JSON.stringify(h)).join(', ')}: a proxy forwarding those names would give every caller admin rights. Set auth.mode to jwt or proxy, or remove them`,
    });
  }
  if (hosts.length === 0) {
    issues.push({ keys: ['hosts'], message: `required when host is not a loopback address (${listenHost}): the names clients use to reach the server, e.g. [revprov.example.com]` });
  }
  if (issues.length > 0) return { ok: false, issues };

  const { jwt, proxy } = auth;
  const authorization = raw.authorization ?? {};
  return {
    ok: true,
    config: {
      production,
      auth: {
        mode,
        jwt: jwt
          ? {
              issuer: jwt.issuer,
              audience: Array.isArray(jwt.audience) ? jwt.audience : [jwt.audience],
              jwksUrl: jwt.jwksUrl ?? null,
              algorithms: jwt.algorithms ?? ['RS256', 'ES256', 'PS256', 'EdDSA'],
              clockToleranceSeconds: jwt.clockToleranceSeconds ?? 30,
              claims: { user: 'sub', name: 'name', email: 'email', groups: 'groups', emailVerified: 'email_verified', ...jwt.claims },
            }
          : null,
        proxy: proxy
          ? {
              secretHeader: (proxy.secretHeader ?? 'x-revprov-proxy-secret').toLowerCase(),
              secretSha256: proxy.secretSha256.toLowerCase(),
              userHeader: (proxy.userHeader ?? 'x-forwarded-user').toLowerCase(),
              emailHeader: (proxy.emailHeader ?? 'x-forwarded-email').toLowerCase(),
              nameHeader: (proxy.nameHeader ?? 'x-forwarded-preferred-username').toLowerCase(),
              groupsHeader: (proxy.groupsHeader ?? 'x-forwarded-groups').toLowerCase(),
            }
          : null,
        apiTokens: tokens,
        fallbackEmailDomain: auth.fallbackEmailDomain ?? 'revprov.invalid',
      },
      authorization: {
        mode: authorization.mode ?? 'ownership',
        everyoneReads: authorization.everyoneReads ?? false,
        admins: { users: authorization.admins?.users ?? [], groups: authorization.admins?.groups ?? [] },
      },
      cors: { origins: (raw.cors?.origins ?? []).map((o) => o.toLowerCase()) },
      hosts: hosts.map((h) => h.toLowerCase()),
      graphiql: raw.graphiql ?? !production,
      introspection: raw.introspection ?? !production,
      limits: { ...DEFAULT_LIMITS, ...raw.limits },
    },
  };
}
