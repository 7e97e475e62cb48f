/**
 * The security sections of the configuration file: who may call the server (`auth`), what each
 * caller may do (`authorization`), what a browser may do (`cors`, `hosts`, `graphiql`,
 * `introspection`, `production`) and how big a request may be (`limits`). Every field has its
 * default here; `docs/security.md` explains each one.
 */

/** How callers prove who they are. */
export type AuthMode = 'none' | 'jwt' | 'proxy';

/** Bearer tokens (JWT) checked against an OIDC issuer's keys. */
export interface JwtAuthConfig {
  /** The `iss` every token must carry (exact match). Required. */
  issuer: string;
  /** Accepted `aud` values (a token needs one of them). Required. */
  audience: string[];
  /** Where the issuer publishes its keys. Default: `jwks_uri` from `<issuer>/.well-known/openid-configuration`. */
  jwksUrl: string | null;
  /** Accepted signature algorithms. Default `RS256, ES256, PS256, EdDSA` (never `none`, never HMAC). */
  algorithms: string[];
  /** Clock skew allowed on `exp`/`nbf`, in seconds. Default 30. */
  clockToleranceSeconds: number;
  /** Claims the identity is read from (dot paths into the token's payload). */
  claims: {
    /** The user id, matched against `user:` owners. Default `sub`. */
    user: string;
    /** Display name, used as the commit author name. Default `name`. */
    name: string;
    /** Email, used as the commit author email when verified. Default `email`. */
    email: string;
    /**
     * A boolean claim saying the email was verified by the issuer: the email is used only when it
     * is true. Default `email_verified`; null trusts the email claim as is (issuers that only
     * issue verified emails).
     */
    emailVerified: string | null;
    /** A list (or a comma-separated string) of group names, matched against `group:` owners. Default `groups`. */
    groups: string;
  };
}

/** Identity from headers set by an authenticating reverse proxy (e.g. oauth2-proxy). */
export interface ProxyAuthConfig {
  /** Header carrying the shared secret the proxy adds. Default `x-revprov-proxy-secret`. */
  secretHeader: string;
  /** SHA-256 (hex) of the shared secret; the secret itself is never in the configuration. Required. */
  secretSha256: string;
  /** Header with the user id. Default `x-forwarded-user`. */
  userHeader: string;
  /** Header with the email. Default `x-forwarded-email`. */
  emailHeader: string;
  /** Header with the display name. Default `x-forwarded-preferred-username`. */
  nameHeader: string;
  /** Header with the groups, comma-separated. Default `x-forwarded-groups`. */
  groupsHeader: string;
}

/** A static API token for scripts and CI, stored as its SHA-256. */
export interface ApiTokenConfig {
  /** A label for the audit log. Required, unique. */
  name: string;
  /** SHA-256 (hex) of the token (`revprov-server hash-token`). Required. */
  sha256: string;
  /** The identity the token acts as. Default: `token:<name>`. */
  user: string;
  /** Commit author email. Default: none (`<user>@revprov.invalid`). */
  email: string | null;
  /** Groups of that identity. Default `[]`. */
  groups: string[];
}

export interface AuthConfig {
  /** Default `none`, which is only accepted when `host` is a loopback address. */
  mode: AuthMode;
  /** Required when `mode: jwt`. */
  jwt: JwtAuthConfig | null;
  /** Required when `mode: proxy`. */
  proxy: ProxyAuthConfig | null;
  /** Accepted in every mode as `Authorization: Bearer <token>`. Default `[]`. */
  apiTokens: ApiTokenConfig[];
  /**
   * Commit author email of a caller without a (verified) email: `<user>@<this domain>`. Default
   * `revprov.invalid` (a reserved domain: clearly not an address).
   */
  fallbackEmailDomain: string;
}

export interface AuthorizationConfig {
  /**
   * `ownership` (default): a caller reads and writes the components whose `spec.owner` is the
   * caller (`user:`) or one of the caller's groups (`group:`); `authenticated`: every
   * authenticated caller reads and writes everything (small installations).
   */
  mode: 'ownership' | 'authenticated';
  /** In `ownership` mode, let every authenticated caller read (not write) every component. Default false. */
  everyoneReads: boolean;
  /** Callers with every right, and the only readers of the audit log. Default: none. */
  admins: { users: string[]; groups: string[] };
}

/** Size and shape limits. Each one is a typed error when exceeded, never a crash. */
export interface Limits {
  /** Largest HTTP request body, in bytes. Default 4 MiB. */
  maxBodyBytes: number;
  /** Largest `params` of a run (as JSON), in bytes. Default 64 KiB. */
  maxParamsBytes: number;
  /** Deepest JSON value accepted anywhere (params, updates, adapter answers). Default 64. */
  maxJsonDepth: number;
  /** Longest commit message (one subject line), in characters. Default 200. */
  maxCommitMessageChars: number;
  /** Largest tech adapter answer, in bytes. Default 8 MiB. */
  maxAdapterAnswerBytes: number;
  /** graphql-armor: aliases per operation. Default 15. */
  maxAliases: number;
  /** graphql-armor: selection depth. Default 8. */
  maxDepth: number;
  /** graphql-armor: query cost. Default 5000. */
  maxCost: number;
  /** graphql-armor: tokens per document. Default 2000. */
  maxTokens: number;
  /** graphql-armor: directives per operation. Default 20. */
  maxDirectives: number;
  /** How long a fetched branch head is reused before fetching again, in ms (0 = coalesce only). Default 1000. */
  gitFreshnessMs: number;
  /** Characters of text the engine queries (`diff`, `merge3`, `applyUpdates`) of one request may take in, all fields together. Default 2 Mi. */
  maxEngineInputChars: number;
  /** Longest an engine query may compute (on a worker thread) before it is stopped, in ms. Default 10000. */
  engineTimeoutMs: number;
  /** Worker threads running the engine queries. Default 1. */
  engineWorkers: number;
  /** Operations one caller may have running at once (on this instance). Default 10. */
  maxRunningOperationsPerCaller: number;
  /** Operations one component may have running at once (on this instance). Default 5. */
  maxRunningOperationsPerComponent: number;
  /** Operations running at once on this instance, all callers together. Default 100. */
  maxRunningOperations: number;
  /** Time allowed to receive a request's headers, in ms (slow clients are disconnected). Default 20000. */
  headersTimeoutMs: number;
  /** Time allowed to receive a whole request (headers and body), in ms. Default 60000. */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open, in ms. Default 5000. */
  keepAliveTimeoutMs: number;
}

export interface SecurityConfig {
  /** Production mode: GraphiQL and introspection default to off. Default false. */
  production: boolean;
  auth: AuthConfig;
  authorization: AuthorizationConfig;
  /** Origins (e.g. `https://portal.example.com`) allowed to call the API from a browser besides the server's own. Default `[]`. */
  cors: { origins: string[] };
  /**
   * Accepted `Host` header names (a name, or `name:port`; `*` accepts any). Default: the loopback
   * names (`localhost`, `127.0.0.1`, `[::1]`) when listening on loopback; required otherwise.
   */
  hosts: string[];
  /** Serve GraphiQL at `/graphql` (assets served locally). Default: not `production`. */
  graphiql: boolean;
  /** Answer introspection queries. Default: not `production`. */
  introspection: boolean;
  limits: Limits;
}

export const DEFAULT_LIMITS: Limits = {
  maxBodyBytes: 4 * 1024 * 1024,
  maxParamsBytes: 64 * 1024,
  maxJsonDepth: 64,
  maxCommitMessageChars: 200,
  maxAdapterAnswerBytes: 8 * 1024 * 1024,
  maxAliases: 15,
  maxDepth: 8,
  maxCost: 5000,
  maxTokens: 2000,
  maxDirectives: 20,
  gitFreshnessMs: 1000,
  maxEngineInputChars: 2 * 1024 * 1024,
  engineTimeoutMs: 10_000,
  engineWorkers: 1,
  maxRunningOperationsPerCaller: 10,
  maxRunningOperationsPerComponent: 5,
  maxRunningOperations: 100,
  headersTimeoutMs: 20_000,
  requestTimeoutMs: 60_000,
  keepAliveTimeoutMs: 5_000,
};

/** Host names accepted by default on a loopback listener. */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** True for 127.0.0.0/8, ::1 and `localhost`. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** The defaults: `none` on loopback, ownership, same origin only, every limit at its default. */
export function defaultSecurityConfig(overrides: Partial<SecurityConfig> = {}): SecurityConfig {
  const production = overrides.production ?? false;
  return {
    production,
    auth: { mode: 'none', jwt: null, proxy: null, apiTokens: [], fallbackEmailDomain: 'revprov.invalid' },
    authorization: { mode: 'ownership', everyoneReads: false, admins: { users: [], groups: [] } },
    cors: { origins: [] },
    hosts: LOOPBACK_HOSTS,
    graphiql: !production,
    introspection: !production,
    ...overrides,
    limits: { ...DEFAULT_LIMITS, ...overrides.limits },
  };
}
