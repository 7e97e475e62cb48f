/**
 * @revprov/graphql-server: the GraphQL service around the merge engine.
 * Layers: config → store → services (created once by `createServices`) → resolvers → yoga server.
 */

// configuration
export type { ServerConfig, WebConfig, RepositoryConfig, TechAdapterConfig, DatabaseConfig, ConfigIssue } from './config/config.js';
export { parseConfig, buildConfig, formatConfigIssues } from './config/parseConfig.js';
export { loadConfig, ConfigError } from './config/loadConfig.js';
export { configSchema, configSchemaUrl } from './config/configSchema.js';
export { envOverrides } from './config/envOverrides.js';
export type { SecurityConfig, AuthConfig, ApiTokenConfig, AuthorizationConfig } from './config/securityConfig.js';
export { defaultSecurityConfig } from './config/securityConfig.js';
export type { EnvOverride } from './config/envOverrides.js';

// store
export type { Store, OperationStore, OperationWork, OwnedOperation, Lease, StoreListener } from './store/store.js';
export type { SqlClient, StoreEngine } from './store/sqlClient.js';
export type { Migration } from './store/migrations/migration.js';
export { openStore } from './store/openStore.js';
export { SchemaVersionError } from './store/migrate.js';

// services
export type { Services, ServiceOverrides } from './services/createServices.js';
export { createServices } from './services/createServices.js';
export type { OperationRecord, LogEntry, OperationFailure } from './services/operationModel.js';
export type { UserError, UserErrorCode } from './services/userError.js';
export { validateParams, checkTemplateParams } from './validation/templateParams.js';

// observability
export { createLogger, silentLogger, loggableUrl, LOG_LEVELS } from './observability/logger.js';
export type { Logger, LogLevelName } from './observability/logger.js';
export { createMetrics } from './observability/metrics.js';
export type { Metrics } from './observability/metrics.js';

// server
export { buildSchema, readSchemaSdl } from './schema/loadSchema.js';
export { createYogaServer } from './server/createYogaServer.js';
export type { RevprovYoga } from './server/createYogaServer.js';
export { startServer } from './server/startServer.js';
export type { RunningServer } from './server/startServer.js';

// web workbench
export { resolveWebRoot } from './web/resolveWebRoot.js';
export { serveWebApp, CONTENT_SECURITY_POLICY } from './web/serveWebApp.js';
