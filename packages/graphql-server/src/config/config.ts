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
  /** Base URL; `/v1/reverse-provisioning` is appended. May carry a prefix path. */
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

/** The resolved server configuration (every default filled in, paths absolute). */
export interface ServerConfig {
  /** HTTP port. Default 4000; 0 picks a free port. */
  port: number;
  /** Interface to listen on. Default `127.0.0.1`. */
  host: string;
  /** Where the operations database and the working clones live (absolute). */
  dataDir: string;
  repositories: RepositoryConfig[];
  techAdapters: TechAdapterConfig[];
  polling: {
    /** Delay between status polls of a 202 operation, in ms. Default 1000. */
    intervalMs: number;
    /** Overall time allowed to an adapter call (request + polls), in ms; past it the operation fails. Default 600000. */
    timeoutMs: number;
  };
  /** The web workbench at `/`. Default (absent): `{ enabled: true, dir: null }`. */
  web?: WebConfig;
  git: {
    /** Author and committer name of saves. Default `revprov`. */
    authorName: string;
    /** Author and committer email of saves. Default `revprov@localhost`. */
    authorEmail: string;
  };
}

/** One problem in a configuration file, located by key path and (when known) line/column. */
export interface ConfigIssue {
  path: string;
  message: string;
  line?: number;
  col?: number;
}
