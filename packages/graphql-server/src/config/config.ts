import type { LogLevelName } from '../observability/logger.js';
import type { SecurityConfig } from './securityConfig.js';

/**
 * The resolved server configuration. The file format, every default and every description are in
 * `config.schema.json` (the published JSON Schema); these types mirror it after defaults are
 * filled in and paths made absolute. Environment overrides: `envOverrides.ts`.
 */

/** A repository the server reads components and templates from, and saves to. */
export interface RepositoryConfig {
  /** Any URL the git CLI can clone and push (a bare repository path on disk works). */
  url: string;
  /** The branch read from and pushed to. */
  branch: string;
}

/** A tech adapter, chosen by the component's `spec.mesh.infrastructureTemplateId`. */
export interface TechAdapterConfig {
  /** Matched exactly against `spec.mesh.infrastructureTemplateId`. */
  infrastructureTemplateId: string;
  /** Base URL without trailing slash; `/v1/reverse-provisioning` is appended. May carry a prefix path. */
  url: string;
}

/** The web workbench (`@revprov/web`) served at `/`, on the same origin as `/graphql`. */
export interface WebConfig {
  /** Serve the workbench. Default true; with false, only `/graphql` is served. */
  enabled: boolean;
  /**
   * Folder of the built workbench (`index.html` and `assets/`), absolute. Default null: the `dist`
   * folder of the `@revprov/web` package when it is installed beside the server (else nothing is served).
   */
  dir: string | null;
}

/** Where operations are stored. */
export interface DatabaseConfig {
  /** PostgreSQL URL (a secret: it may carry a password). Default null: SQLite at `<dataDir>/revprov.sqlite`. */
  url: string | null;
  /** Maximum PostgreSQL connections of this instance. Default 10. */
  poolSize: number;
}

/** Several instances on one database (see config.schema.json `cluster`). */
export interface ClusterConfig {
  /** This instance's name in leases and logs. Default null: `<hostname>-<pid>-<random>`, new at every start. */
  instanceId: string | null;
  /** Lifetime of a lease without heartbeat, in ms (renewed every third). Default 15000. */
  leaseMs: number;
}

export interface ServerConfig {
  /** HTTP port. Default 4000; 0 picks a free port. */
  port: number;
  /** Interface to listen on. Default `127.0.0.1`. */
  host: string;
  /** This instance's folder: working clones and the SQLite database (absolute). Required. */
  dataDir: string;
  /** Required, at least one. */
  repositories: RepositoryConfig[];
  /** Default none. */
  techAdapters: TechAdapterConfig[];
  polling: {
    /** Delay between status polls of a 202 operation, in ms. Default 1000. */
    intervalMs: number;
    /** Time allowed to an operation from its start, in ms; past it the operation fails. Default 600000. */
    timeoutMs: number;
  };
  /** The web workbench at `/`. Default (absent): `{ enabled: true, dir: null }`. */
  web?: WebConfig;
  git: {
    /** Committer name of saves (and author name when the caller has no identity, `auth.mode: none`). Default `revprov`. */
    authorName: string;
    /** Committer email of saves (and author email when the caller has no identity). Default `revprov@localhost`. */
    authorEmail: string;
  };
  database: DatabaseConfig;
  /** Authentication, authorization, browser safety and limits (`securityConfig.ts`). Default (absent): `defaultSecurityConfig()` (loopback, `none`). */
  security?: SecurityConfig;
  cluster: ClusterConfig;
  shutdown: {
    /** Longest wait for in-flight HTTP requests at SIGTERM, in ms. Default 10000. */
    drainMs: number;
  };
  log: {
    /** Least severe level written (`fatal` … `trace`, or `silent`). Default `info`. */
    level: LogLevelName;
  };
  metrics: {
    /** Serve Prometheus metrics at `/metrics`. Default true. */
    enabled: boolean;
  };
}

/** One problem in a configuration, located by key path and line/column (file) or variable (environment). */
export interface ConfigIssue {
  path: string;
  message: string;
  line?: number;
  col?: number;
  /** The environment variable the offending value came from. */
  env?: string;
}
