import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { OperationRecord } from './operationModel.js';

/**
 * Durable operation records in an embedded SQLite database (`<dataDir>/revprov.sqlite`).
 * Records hold no parameters (so no secrets). A restart loses nothing; records left RUNNING by a
 * server that stopped are closed by `failInterrupted` at the next start, never left stuck.
 */
export interface OperationsStore {
  insert(record: OperationRecord): void;
  get(id: string): OperationRecord | null;
  /** Replaces the stored record with `record` (same id). */
  put(record: OperationRecord): void;
  /** The `limit` most recent operations of a component (by `createdAt`), newest first. */
  recent(componentRef: string, limit: number): OperationRecord[];
  /** Ids of the operations still RUNNING. */
  running(): string[];
  close(): void;
}

const COLUMNS = ['id', 'component_ref', 'environment', 'status', 'created_at', 'updated_at', 'data'] as const;

interface Row {
  id: string;
  data: string;
}

/** Opens (creating when needed) the store under `dataDir`. */
export function openOperationsStore(dataDir: string): OperationsStore {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'revprov.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.exec(`CREATE TABLE IF NOT EXISTS operations (
    id TEXT PRIMARY KEY,
    component_ref TEXT NOT NULL,
    environment TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    data TEXT NOT NULL
  )`);
  db.exec('CREATE INDEX IF NOT EXISTS operations_by_component ON operations (component_ref, created_at)');
  const insert = db.prepare(`INSERT INTO operations (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})`);
  const update = db.prepare(
    'UPDATE operations SET status = @status, updated_at = @updated_at, data = @data WHERE id = @id',
  );
  const select = db.prepare<[string], Row>('SELECT id, data FROM operations WHERE id = ?');
  const selectRecent = db.prepare<[string, number], Row>('SELECT id, data FROM operations WHERE component_ref = ? ORDER BY created_at DESC, rowid DESC LIMIT ?');
  const selectRunning = db.prepare<[], { id: string }>("SELECT id FROM operations WHERE status = 'RUNNING'");

  const params = (r: OperationRecord): Record<(typeof COLUMNS)[number], string> => ({
    id: r.id,
    component_ref: r.componentRef,
    environment: r.environment,
    status: r.status,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
    data: JSON.stringify(r),
  });

  return {
    insert(record) {
      insert.run(params(record));
    },
    get(id) {
      const row = select.get(id);
      return row ? (JSON.parse(row.data) as OperationRecord) : null;
    },
    put(record) {
      update.run(params(record));
    },
    recent(componentRef, limit) {
      return selectRecent.all(componentRef, limit).map((row) => JSON.parse(row.data) as OperationRecord);
    },
    running() {
      return selectRunning.all().map((r) => r.id);
    },
    close() {
      if (db.open) db.close();
    },
  };
}
