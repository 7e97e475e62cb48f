import type { AdapterRequest } from '../services/adapterClient.js';
import type { OperationRecord } from '../services/operationModel.js';
import type { AuditStore } from './auditStore.js';
import type { StoreEngine } from './sqlClient.js';

/** What an instance needs to resume an operation it takes over (never served, never a secret). */
export interface OperationWork {
  /** The adapter's base URL the operation was started against. */
  adapterUrl: string;
  /** The request as sent, without the values of secret parameters. */
  request: AdapterRequest;
  /** Secret parameters that had a value: sent, not stored, so a re-run cannot send them again. */
  omittedSecrets: string[];
  /** The adapter's 202 token once known: a takeover polls it instead of calling again. */
  token: string | null;
  /** Adapter calls made so far (1 = the first; a cut-off synchronous call is made again). */
  attempts: number;
  /** Epoch milliseconds after which the operation fails with a timeout. */
  deadline: number;
}

/** A RUNNING operation this instance holds the lease of. */
export interface OwnedOperation {
  record: OperationRecord;
  /** null for operations recorded by a version that kept no resume state. */
  work: OperationWork | null;
  /** The instance that held the lease before (null for a new operation). */
  previousOwner: string | null;
}

/** A lease request: who, for how long (measured on the database's clock). */
export interface Lease {
  owner: string;
  leaseMs: number;
}

/**
 * Durable operation records and the leases on their work. Records hold no secret (secret
 * parameter values are masked before anything is recorded). Every method is safe to call from
 * several instances sharing one database; the lease methods are what keeps the work on one
 * operation with exactly one instance at a time.
 */
export interface OperationStore {
  /** Records a new RUNNING operation, leased to `lease.owner`. */
  insert(record: OperationRecord, work: OperationWork, lease: Lease): Promise<void>;
  get(id: string): Promise<OperationRecord | null>;
  /**
   * Writes the owner's new state of an operation (and its work), only while it is RUNNING and
   * leased to `owner`; a final status (COMPLETED, FAILED) also ends the lease. Returns false when
   * the lease was lost (taken over, cancelled): the caller must stop working on it.
   */
  write(record: OperationRecord, work: OperationWork, owner: string): Promise<boolean>;
  /**
   * Takes over up to `limit` RUNNING operations whose lease expired or was released (oldest
   * first; rows another instance is claiming at the same moment are skipped, never shared). With
   * `anyOwner`, live leases too (an embedded database's only instance, at start).
   */
  claim(lease: Lease, options: { limit: number; anyOwner?: boolean }): Promise<OwnedOperation[]>;
  /** Extends every lease `owner` holds; returns the ids it still holds (the others were lost). */
  renew(lease: Lease): Promise<string[]>;
  /** Gives up every lease `owner` holds, for another instance to take over now. Returns how many. */
  release(owner: string): Promise<number>;
  /**
   * Ends a RUNNING operation with `change(current)` (e.g. CANCELLED), whoever holds it; retried
   * on concurrent writes so no newer state is overwritten. Null when absent; the unchanged
   * record when it is no longer RUNNING.
   */
  finish(id: string, change: (current: OperationRecord) => OperationRecord): Promise<{ record: OperationRecord; changed: boolean } | null>;
  /** Ids of the operations still RUNNING, oldest first. */
  running(): Promise<string[]>;
  /** The newest operations first (by creation time), optionally of one component. */
  recent(options: { componentRef?: string; limit: number }): Promise<OperationRecord[]>;
  /** Number of operations per status (for metrics). */
  countByStatus(): Promise<Record<string, number>>;
}

/** Changes made by any instance, as the database reports them. */
export interface StoreListener {
  /** An operation was inserted or its state changed. */
  onOperation(id: string): void;
  /** An instance released leases: RUNNING operations are waiting for an owner. */
  onReleased(): void;
  /** The notification connection came back after a loss: changes may have been missed. */
  onReconnected(): void;
  onError(error: Error): void;
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
  /**
   * Reports changes made by every instance (PostgreSQL LISTEN/NOTIFY). The embedded engine has
   * a single instance, which publishes its own changes: nothing to listen to. Resolves to the
   * function that stops listening.
   */
  listen(listener: StoreListener): Promise<() => Promise<void>>;
  /** One round trip to the database; rejects when it is unreachable (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
