import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { SqlClient, SqlValue } from '../sqlClient.js';

// SQLite's clock has millisecond precision in julianday('now').
const NOW_MS = "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)";

// Per database file: the calls of every connection of this process, one after the other.
const queues = new Map<string, Promise<unknown>>();

/**
 * A SqlClient over one better-sqlite3 connection (WAL, 5 s busy timeout). The driver is
 * synchronous and a transaction spans awaits, so within this process every call on the same
 * file waits for the transaction in progress instead of running inside it or blocking the thread
 * on SQLite's lock. Other processes wait on the lock (busy timeout).
 */
export function openSqliteClient(file: string): SqlClient {
  const key = path.resolve(file);
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  const statements = new Map<string, { stmt: Database.Statement; order: number[] }>();

  /** `$n` placeholders become `?` with the values reordered (a placeholder may repeat). */
  function prepare(sql: string): { stmt: Database.Statement; order: number[] } {
    let p = statements.get(sql);
    if (!p) {
      const order: number[] = [];
      const text = sql.replace(/\$(\d+)/g, (_m, n: string) => {
        order.push(Number(n) - 1);
        return '?';
      });
      p = { stmt: db.prepare(text), order };
      statements.set(sql, p);
    }
    return p;
  }
  const bind = (order: number[], values: readonly SqlValue[]): unknown[] =>
    order.map((i) => {
      const v = values[i];
      return typeof v === 'boolean' ? (v ? 1 : 0) : (v ?? null);
    });

  const dialect = { engine: 'sqlite', nowMs: NOW_MS, claimLock: '' } as const;
  const direct: SqlClient = {
    ...dialect,
    async query<Row>(sql: string, values: readonly SqlValue[] = []) {
      const { stmt, order } = prepare(sql);
      return (stmt.reader ? stmt.all(...bind(order, values)) : (stmt.run(...bind(order, values)), [])) as Row[];
    },
    async execute(sql, values = []) {
      const { stmt, order } = prepare(sql);
      return stmt.run(...bind(order, values)).changes;
    },
    async script(sql) {
      db.exec(sql);
    },
    async transaction(fn) {
      db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(direct);
        db.exec('COMMIT');
        return result;
      } catch (e) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw e;
      }
    },
    async close() {
      if (db.open) db.close();
    },
  };

  function serialized<T>(fn: () => Promise<T>): Promise<T> {
    const run = (queues.get(key) ?? Promise.resolve()).then(fn, fn);
    const settled = run.catch(() => undefined);
    queues.set(key, settled);
    void settled.then(() => {
      if (queues.get(key) === settled) queues.delete(key);
    });
    return run;
  }
  return {
    ...dialect,
    query<Row>(sql: string, values?: readonly SqlValue[]) {
      return serialized(() => direct.query<Row>(sql, values));
    },
    execute: (sql, values) => serialized(() => direct.execute(sql, values)),
    script: (sql) => serialized(() => direct.script(sql)),
    transaction<T>(fn: (tx: SqlClient) => Promise<T>) {
      return serialized(() => direct.transaction(fn));
    },
    close: () => serialized(() => direct.close()),
  };
}
