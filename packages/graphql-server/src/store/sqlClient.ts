/** The SQL dialects the store speaks. */
export type StoreEngine = 'sqlite' | 'postgres';

/** A value bound to a `$n` placeholder. */
export type SqlValue = string | number | boolean | null;

/**
 * The one seam between the store and a database driver: parameterized statements with `$1, $2…`
 * placeholders (PostgreSQL's syntax; the SQLite client translates), rows as plain objects.
 * Everything is async so both engines share the repositories written on top.
 */
export interface SqlClient {
  readonly engine: StoreEngine;
  /** SQL expression for the database's current time in epoch milliseconds (one clock for every instance). */
  readonly nowMs: string;
  /** Suffix of a SELECT picking rows to claim: `FOR UPDATE SKIP LOCKED` where the engine has row locks. */
  readonly claimLock: string;
  /** Runs one statement; returns its rows (empty for statements without RETURNING). */
  query<Row = Record<string, unknown>>(sql: string, values?: readonly SqlValue[]): Promise<Row[]>;
  /** Runs one statement; returns how many rows it changed. */
  execute(sql: string, values?: readonly SqlValue[]): Promise<number>;
  /** Runs several `;`-separated statements without parameters (migrations). */
  script(sql: string): Promise<void>;
  /** Runs `fn` in one transaction (committed when it resolves, rolled back when it throws). */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
