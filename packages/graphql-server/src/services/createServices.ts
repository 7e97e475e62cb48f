import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { AuditLog } from '../audit/auditLog.js';
import { createAuditLog } from '../audit/auditLog.js';
import type { AccessPolicy } from '../auth/accessPolicy.js';
import { createAccessPolicy } from '../auth/accessPolicy.js';
import type { Authenticator } from '../auth/authenticate.js';
import { createAuthenticator } from '../auth/authenticate.js';
import type { ServerConfig } from '../config/config.js';
import type { Logger } from '../observability/logger.js';
import { createLogger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import { createMetrics } from '../observability/metrics.js';
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
import { createEnginePool } from './enginePool.js';
import type { EnginePool } from './enginePool.js';
import { createGitService } from './git.js';
import { withoutCredentials } from './repositoryCredentials.js';
import type { OperationService } from './operations.js';
import { createOperationService } from './operations.js';
import type { SaveService } from './saves.js';
import { createSaveService } from './saves.js';
import { createLeaseKeeper } from './work/leaseKeeper.js';
import { createOperationRunner } from './work/operationRunner.js';

/** Everything the resolvers use, created in one place and handed in through the GraphQL context. */
export interface Services {
  config: ServerConfig;
  /** `config.security` with every default filled in. */
  security: SecurityConfig;
  auth: Authenticator;
  access: AccessPolicy;
  /** This instance's name in leases and logs. */
  instanceId: string;
  log: Logger;
  metrics: Metrics;
  clock: Clock;
  git: GitService;
  catalog: CatalogService;
  adapters: AdapterClient;
  store: Store;
  events: OperationEvents;
  operations: OperationService;
  saves: SaveService;
  /** The engine queries' worker threads (`Query.diff`, `merge3`, `applyUpdates`). */
  engine: EnginePool;
  /** Who ran, previewed and saved what (admins read it). */
  audit: AuditLog;
  /** Operations found RUNNING at start (left by a stopped or crashed instance) and resumed here. */
  resumed: number;
  /**
   * Stops working on operations and releases their leases (another instance, or the next start,
   * resumes them), stops listening and closes the database.
   */
  close(): Promise<void>;
}

/** Parts a caller may provide instead of the defaults (tests, embedding). */
export interface ServiceOverrides {
  clock?: Clock;
  adapters?: AdapterClient;
  log?: Logger;
}

/**
 * Builds the services from a validated configuration: opens (and migrates) the store first, so a
 * database that cannot be reached rejects here; then takes over the operations that wait for an
 * owner (with SQLite, every RUNNING one: this is the only instance).
 */
export async function createServices(given: ServerConfig, overrides: ServiceOverrides = {}): Promise<Services> {
  // repository credentials go to the git service only: everything else (the API, the stored
  // operations, messages) sees the URLs without them
  const { repositories, credentials } = withoutCredentials(given.repositories);
  const config: ServerConfig = { ...given, repositories };
  const instanceId = config.cluster.instanceId ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const log = overrides.log ?? createLogger({ level: config.log.level, instanceId });
  const clock = overrides.clock ?? systemClock;
  const security = config.security ?? defaultSecurityConfig();
  const auth = createAuthenticator(security.auth);
  const access = createAccessPolicy(security.authorization, security.auth.mode);
  const store = await openStore({
    dataDir: config.dataDir,
    database: config.database,
    onIdleError: (e) => log.warn({ component: 'store', err: e }, 'a pooled database connection failed'),
  });
  if (store.migrated.length > 0) log.info({ component: 'store', engine: store.engine, versions: store.migrated }, 'database migrated');
  const metrics = createMetrics({ operationsByStatus: () => store.operations.countByStatus() });
  const git = createGitService(config.dataDir, { name: config.git.authorName, email: config.git.authorEmail }, { freshnessMs: security.limits.gitFreshnessMs, credentials });
  const catalog = createCatalogService(config.repositories, config.techAdapters, git);
  const adapters = overrides.adapters ?? createAdapterClient();
  const events = createOperationEvents();
  const lease = { owner: instanceId, leaseMs: config.cluster.leaseMs };
  const runner = createOperationRunner({ config, instanceId, adapters, store: store.operations, events, clock, log, metrics, limits: security.limits });
  const keeper = createLeaseKeeper({ store: store.operations, runner, lease, log });
  const stopListening = await store.listen({
    onOperation: (id) => events.publish(id),
    onReleased: () => keeper.sweepSoon(),
    onReconnected: () => {
      log.info({ component: 'store' }, 'notifications reconnected');
      events.publishAll();
      keeper.sweepSoon();
    },
    onError: (e) => log.warn({ component: 'store', err: e }, 'notification connection failed; reconnecting'),
  });
  const operations = createOperationService({ config, catalog, git, store: store.operations, runner, lease, events, clock, metrics, access, limits: security.limits });
  const saves = createSaveService({ git, operations, catalog, access, metrics, server: { name: config.git.authorName, email: config.git.authorEmail }, fallbackEmailDomain: security.auth.fallbackEmailDomain, limits: security.limits });
  const audit = createAuditLog(store.audit, clock);
  const engine = createEnginePool({ workers: security.limits.engineWorkers, timeoutMs: security.limits.engineTimeoutMs });
  const resumed = await keeper.start({ takeAll: store.engine === 'sqlite' });
  return {
    config,
    security,
    auth,
    access,
    instanceId,
    log,
    metrics,
    clock,
    git,
    catalog,
    adapters,
    store,
    events,
    operations,
    saves,
    audit,
    engine,
    resumed,
    async close() {
      events.close();
      await stopListening();
      await keeper.close();
      await engine.close();
      await store.close();
    },
  };
}
