/**
 * `@revprov/graphql-server/testing`: run the real server in integration tests (a platform's own,
 * this package's, the benchmarks): `spawnServer` starts `revprov-server` as a child process from a
 * configuration object and collects its JSON log lines; `startPostgres` starts a throw-away
 * PostgreSQL to point one or several instances at. Not needed to run the server; nothing here is
 * loaded by the main entry. Guide: the package README, "Testing kit".
 */
export { startPostgres } from './startPostgres.js';
export type { PostgresServer } from './startPostgres.js';
export { spawnServer, SERVER_BIN } from './spawnServer.js';
export type { LogLine, ServerProcess } from './spawnServer.js';
