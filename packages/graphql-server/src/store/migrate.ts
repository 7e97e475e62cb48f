import type { Migration } from './migrations/migration.js';
import type { SqlClient } from './sqlClient.js';

/** Thrown when the database was migrated by a newer server than this one (misuse: refuse to start). */
export class SchemaVersionError extends Error {
  override readonly name = 'SchemaVersionError';
}

// Any constant: serializes concurrent starts of several instances on one PostgreSQL database.
const ADVISORY_LOCK = 727_465_112;

/**
 * Applies the pending migrations, each in its own transaction, and returns the versions applied.
 * Several instances starting at once apply each migration once (PostgreSQL advisory lock,
 * SQLite write lock). Throws `SchemaVersionError` when the database knows versions this server
 * does not.
 */
export async function migrate(client: SqlClient, migrations: readonly Migration[]): Promise<number[]> {
  const applied: number[] = [];
  for (;;) {
    const next = await client.transaction(async (tx) => {
      if (tx.engine === 'postgres') await tx.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCK]);
      // inside the lock: two instances creating it at once would collide on PostgreSQL
      await tx.script('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
      const rows = await tx.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      const done = new Set(rows.map((r) => Number(r.version)));
      const newest = Math.max(0, ...done);
      const known = migrations.length === 0 ? 0 : (migrations[migrations.length - 1] as Migration).version;
      if (newest > known) {
        throw new SchemaVersionError(`the database is at schema version ${newest}, newer than this server knows (${known}): upgrade revprov-server`);
      }
      const pending = migrations.find((m) => !done.has(m.version));
      if (!pending) return null;
      await tx.script(tx.engine === 'postgres' ? pending.postgres : pending.sqlite);
      await tx.execute('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [pending.version, pending.name, new Date().toISOString()]);
      return pending.version;
    });
    if (next === null) return applied;
    applied.push(next);
  }
}
