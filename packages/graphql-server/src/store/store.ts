import type { OperationRecord } from '../services/operationModel.js';
import type { AuditStore } from './auditStore.js';
import type { StoreEngine } from './sqlClient.js';

/**
 * Durable operation records. Records hold no secret (secret parameter values are masked before
 * anything is recorded). Every method is one round trip; all are safe to call from several
 * instances sharing one database.
 */
export interface OperationStore {
  insert(record: OperationRecord): Promise<void>;
  get(id: string): Promise<OperationRecord | null>;
  /** Replaces the stored record with `record` (same id). */
  put(record: OperationRecord): Promise<void>;
  /** Ids of the operations still RUNNING. */
  running(): Promise<string[]>;
  /** The newest operations first (by creation time), optionally of one component. */
  recent(options: { componentRef?: string; limit: number }): Promise<OperationRecord[]>;
}

/**
 * The server's storage, one interface over two engines: SQLite (embedded, one instance) and
 * PostgreSQL (shared by several instances). Opened by `openStore`, which applies migrations.
 * To add a table: a migration (migrations/index.ts), a repository interface here built on
 * `SqlClient` beside `operationStore.ts`, and its cases in the contract tests.
 */
export interface Store {
  readonly engine: StoreEngine;
  readonly operations: OperationStore;
  /** The audit log (append-only). */
  readonly audit: AuditStore;
  /** Versions the opening migrated (empty when the schema was already current). */
  readonly migrated: readonly number[];
  /** One round trip to the database; rejects when it is unreachable (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
