import Database from 'better-sqlite3';
import type { SchemaColumn } from '../protocol.js';
import { mapSqliteType } from './mapSqliteType.js';

/** A foreign key of the table, one per referencing column. */
export interface ForeignKey {
  column: string;
  references: { table: string; column: string | null };
}

/** What the adapter can read about one table or view. */
export interface TableDescription {
  name: string;
  type: 'table' | 'view';
  columns: SchemaColumn[];
  rowCount: number;
  foreignKeys: ForeignKey[];
}

/** Outcome of {@link introspectTable}: a description, or why there is none. */
export type IntrospectionResult =
  | { kind: 'found'; table: TableDescription }
  | { kind: 'unknown-table'; tableName: string; available: string[] }
  | { kind: 'database-error'; message: string };

interface ColumnRow { name: string; type: string; notnull: number; pk: number }
interface IndexRow { name: string; unique: number; partial: number }
interface ForeignKeyRow { table: string; from: string; to: string | null }

/**
 * Reads a table's columns (declared types mapped by {@link mapSqliteType}), its constraints
 * (PRIMARY_KEY, then UNIQUE from single-column unique indexes, then NOT_NULL), foreign keys and row
 * count, from the SQLite file at `dbPath`, opened read-only for this call only (so a table altered
 * meanwhile is read fresh). The name is matched exactly (case-sensitive, as stored in sqlite_master);
 * `sqlite_*` internals are never described. Never throws: a missing or unreadable file is a
 * `database-error` value.
 */
export function introspectTable(dbPath: string, tableName: string): IntrospectionResult {
  let db: Database.Database | undefined;
  try {
    db = new Database(dbPath, { readonly: true, fileMustExist: true });
    const entry = db
      .prepare("SELECT name, type FROM sqlite_master WHERE type IN ('table','view') AND name = ? AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
      .get(tableName) as { name: string; type: 'table' | 'view' } | undefined;
    if (entry === undefined) return { kind: 'unknown-table', tableName, available: listTables(db) };
    return { kind: 'found', table: describe(db, entry.name, entry.type) };
  } catch (cause) {
    return { kind: 'database-error', message: cause instanceof Error ? cause.message : String(cause) };
  } finally {
    db?.close();
  }
}

/** Names of the user tables and views, sorted; what a user may pick from. */
export function listTables(db: Database.Database): string[] {
  const rows = db
    .prepare("SELECT name FROM sqlite_master WHERE type IN ('table','view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
    .all() as { name: string }[];
  return rows.map((row) => row.name);
}

function describe(db: Database.Database, name: string, type: 'table' | 'view'): TableDescription {
  const rows = db.prepare('SELECT name, type, "notnull", pk FROM pragma_table_info(?) ORDER BY cid').all(name) as ColumnRow[];
  const unique = uniqueColumns(db, name);
  const columns = rows.map((row): SchemaColumn => {
    const constraint = row.pk > 0 ? 'PRIMARY_KEY' : unique.has(row.name) ? 'UNIQUE' : row.notnull ? 'NOT_NULL' : undefined;
    return { name: row.name, ...mapSqliteType(row.type), ...(constraint ? { constraint } : {}) };
  });
  const count = db.prepare(`SELECT count(*) AS n FROM ${quoteIdentifier(name)}`).get() as { n: number };
  const foreignKeys = (db.prepare('SELECT "table", "from", "to" FROM pragma_foreign_key_list(?) ORDER BY id, seq').all(name) as ForeignKeyRow[])
    .map((row) => ({ column: row.from, references: { table: row.table, column: row.to } }));
  return { name, type, columns, rowCount: count.n, foreignKeys };
}

/** Columns covered alone by a unique, non-partial index other than the primary key. */
function uniqueColumns(db: Database.Database, table: string): Set<string> {
  const result = new Set<string>();
  const indexes = db.prepare("SELECT name, \"unique\", partial FROM pragma_index_list(?) WHERE origin <> 'pk'").all(table) as IndexRow[];
  for (const index of indexes) {
    if (!index.unique || index.partial) continue;
    const cols = db.prepare('SELECT name FROM pragma_index_info(?)').all(index.name) as { name: string | null }[];
    const only = cols[0]?.name;
    if (cols.length === 1 && typeof only === 'string') result.add(only);
  }
  return result;
}

/** Quotes an SQL identifier (doubling embedded quotes); used only for names read from sqlite_master. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
