import Database from 'better-sqlite3';

/** Outcome of {@link alterDemoTable}. */
export type AlterResult = { ok: true; changes: number } | { ok: false; error: string };

/**
 * Runs SQL statements (e.g. `ALTER TABLE orders ADD COLUMN note TEXT`) against an existing SQLite
 * file, in one transaction, so users can make the table drift without the sqlite3 CLI. `changes` is
 * the number of rows the statements touched. A missing file or failing SQL is returned, not thrown;
 * nothing is applied when a statement fails.
 */
export function alterDemoTable(dbPath: string, sql: string): AlterResult {
  if (typeof sql !== 'string' || sql.trim() === '') return { ok: false, error: 'No SQL statement was given.' };
  let db: Database.Database | undefined;
  try {
    db = new Database(dbPath, { fileMustExist: true });
    const before = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    const connection = db;
    connection.transaction(() => connection.exec(sql))();
    const after = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    return { ok: true, changes: after - before };
  } catch (cause) {
    return { ok: false, error: cause instanceof Error ? cause.message : String(cause) };
  } finally {
    db?.close();
  }
}
