import path from 'node:path';
import type { DatabaseConfig } from '../config/config.js';
import { migrate } from './migrate.js';
import { migrations } from './migrations/index.js';
import { createAuditStore } from './auditStore.js';
import { createOperationStore } from './operationStore.js';
import { listenPostgres } from './postgres/listenPostgres.js';
import { openPostgresClient } from './postgres/openPostgresClient.js';
import type { SqlClient } from './sqlClient.js';
import { openSqliteClient } from './sqlite/openSqliteClient.js';
import type { Store } from './store.js';

/** The file of the embedded engine inside `dataDir`. */
export const SQLITE_FILE = 'revprov.sqlite';

/**
 * Opens the configured engine (PostgreSQL when `database.url` is set, else SQLite at
 * `<dataDir>/revprov.sqlite`), applies pending migrations and returns the store. Rejects when
 * the database cannot be reached or migrated (the server must not start then).
 */
export async function openStore(options: { dataDir: string; database: DatabaseConfig; onIdleError?: (e: Error) => void }): Promise<Store> {
  const { database } = options;
  const sql: SqlClient = database.url
    ? openPostgresClient({ url: database.url, poolSize: database.poolSize, onIdleError: options.onIdleError })
    : openSqliteClient(path.join(options.dataDir, SQLITE_FILE));
  let migrated: number[];
  try {
    migrated = await migrate(sql, migrations);
  } catch (e) {
    await sql.close().catch(() => undefined);
    throw e;
  }
  return {
    engine: sql.engine,
    operations: createOperationStore(sql),
    audit: createAuditStore(sql),
    migrated,
    async listen(listener) {
      if (!database.url) return async () => undefined;
      return listenPostgres(database.url, listener);
    },
    async ping() {
      await sql.query('SELECT 1');
    },
    close: () => sql.close(),
  };
}
