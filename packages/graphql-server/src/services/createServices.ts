import type { AuditLog } from '../audit/auditLog.js';
import { createAuditLog } from '../audit/auditLog.js';
import type { AccessPolicy } from '../auth/accessPolicy.js';
import { createAccessPolicy } from '../auth/accessPolicy.js';
import type { Authenticator } from '../auth/authenticate.js';
import { createAuthenticator } from '../auth/authenticate.js';
import type { ServerConfig } from '../config/config.js';
import { openStore } from '../store/openStore.js';
import type { Store } from '../store/store.js';
import type { SecurityConfig } from '../config/securityConfig.js';
import { defaultSecurityConfig } from '../config/securityConfig.js';
import type { AdapterClient } from './adapterClient.js';
import { createAdapterClient } from './adapterClient.js';
import type { CatalogService } from './catalog.js';
import { createCatalogService } from './catalog.js';
import type { Clock } from './clock.js';
import { systemClock } from './clock.js';
import type { OperationEvents } from './events.js';
import { createOperationEvents } from './events.js';
import type { GitService } from './git.js';
import { createGitService } from './git.js';
import type { OperationService } from './operations.js';
import { createOperationService } from './operations.js';
import type { SaveService } from './saves.js';
import { createSaveService } from './saves.js';

/** Everything the resolvers use, created in one place and handed in through the GraphQL context. */
export interface Services {
  config: ServerConfig;
  /** `config.security` with every default filled in. */
  security: SecurityConfig;
  auth: Authenticator;
  access: AccessPolicy;
  clock: Clock;
  git: GitService;
  catalog: CatalogService;
  adapters: AdapterClient;
  store: Store;
  events: OperationEvents;
  operations: OperationService;
  saves: SaveService;
  /** Who ran, previewed and saved what (admins read it). */
  audit: AuditLog;
  /** Operations found RUNNING at start (left by a stopped server) and marked FAILED. */
  recovered: number;
  /** Stops in-flight adapter calls and closes the database. */
  close(): Promise<void>;
}

/**
 * Builds the services from a validated configuration: opens (and migrates) the store first, so a
 * database that cannot be reached rejects here. `overrides` replaces individual parts (tests).
 */
export async function createServices(config: ServerConfig, overrides: { clock?: Clock; adapters?: AdapterClient } = {}): Promise<Services> {
  const clock = overrides.clock ?? systemClock;
  const security = config.security ?? defaultSecurityConfig();
  const auth = createAuthenticator(security.auth);
  const access = createAccessPolicy(security.authorization, security.auth.mode);
  const git = createGitService(config.dataDir, { name: config.git.authorName, email: config.git.authorEmail }, { freshnessMs: security.limits.gitFreshnessMs });
  const catalog = createCatalogService(config.repositories, config.techAdapters, git);
  const adapters = overrides.adapters ?? createAdapterClient();
  const store = await openStore({ dataDir: config.dataDir, database: config.database });
  const events = createOperationEvents();
  const operations = createOperationService({ config, catalog, git, adapters, store: store.operations, events, clock, access, limits: security.limits });
  const saves = createSaveService({ git, operations, catalog, access, server: { name: config.git.authorName, email: config.git.authorEmail }, limits: security.limits });
  const audit = createAuditLog(store.audit, clock);
  const recovered = await operations.failInterrupted();
  return {
    config,
    security,
    auth,
    access,
    clock,
    git,
    catalog,
    adapters,
    store,
    events,
    operations,
    saves,
    audit,
    recovered,
    async close() {
      await operations.close();
      await store.close();
    },
  };
}
