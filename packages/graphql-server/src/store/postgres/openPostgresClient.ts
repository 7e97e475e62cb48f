import pg from 'pg';
import type { SqlClient, SqlValue } from '../sqlClient.js';

const INT8 = 20;

/** Connection settings of a PostgreSQL client. */
export interface PostgresOptions {
  /** postgres:// URL (a secret: never logged). */
  url: string;
  /** Maximum pooled connections. */
  poolSize: number;
  /** Called when an idle pooled connection fails (e.g. the server restarted); the pool replaces it. */
  onIdleError?: (error: Error) => void;
}

/** The pg options every revprov connection uses: BIGINT (epoch milliseconds) read as numbers, bounded waits. */
export function pgConnectionConfig(url: string): pg.ClientConfig {
  return {
    connectionString: url,
    connectionTimeoutMillis: 5000,
    application_name: 'revprov-server',
    types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8 ? Number : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser },
  };
}

/** A SqlClient over a pg connection pool. */
export function openPostgresClient(options: PostgresOptions): SqlClient {
  const pool = new pg.Pool({ ...pgConnectionConfig(options.url), max: options.poolSize });
  // Without a listener, an idle connection dropped by the server would crash the process.
  pool.on('error', (e) => options.onIdleError?.(e));
  const over = (run: (sql: string, values?: unknown[]) => Promise<pg.QueryResult>): Omit<SqlClient, 'transaction' | 'close'> => ({
    engine: 'postgres',
    nowMs: '(EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::BIGINT',
    claimLock: 'FOR UPDATE SKIP LOCKED',
    async query<Row>(sql: string, values: readonly SqlValue[] = []) {
      return (await run(sql, [...values])).rows as Row[];
    },
    async execute(sql, values = []) {
      return (await run(sql, [...values])).rowCount ?? 0;
    },
    async script(sql) {
      await run(sql);
    },
  });
  const client: SqlClient = {
    ...over((sql, values) => pool.query(sql, values)),
    async transaction(fn) {
      const conn = await pool.connect();
      const tx: SqlClient = {
        ...over((sql, values) => conn.query(sql, values)),
        transaction: () => Promise.reject(new Error('nested transactions are not supported')),
        close: () => Promise.resolve(),
      };
      try {
        await conn.query('BEGIN');
        const result = await fn(tx);
        await conn.query('COMMIT');
        return result;
      } catch (e) {
        await conn.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        conn.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
  return client;
}
