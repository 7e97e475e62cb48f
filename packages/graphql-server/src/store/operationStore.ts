import type { OperationRecord } from '../services/operationModel.js';
import type { SqlClient } from './sqlClient.js';
import type { OperationStore, OperationWork, OwnedOperation } from './store.js';

const RUNNING = 'RUNNING';
const FINISH_ATTEMPTS = 10;

interface Row {
  data: string;
  work: string | null;
  version: number;
  previous_owner: string | null;
}

/** The OperationStore over either engine: the `operations` table (migrations 0001, 0003). */
export function createOperationStore(sql: SqlClient): OperationStore {
  const parse = (rows: { data: string }[]): OperationRecord[] => rows.map((r) => JSON.parse(r.data) as OperationRecord);
  const owned = (r: Row): OwnedOperation => ({
    record: JSON.parse(r.data) as OperationRecord,
    work: r.work === null ? null : (JSON.parse(r.work) as OperationWork),
    previousOwner: r.previous_owner,
  });
  return {
    async insert(record, work, lease) {
      await sql.execute(
        `INSERT INTO operations (id, component_ref, environment, status, created_at, updated_at, data, work, owner, lease_expires_at, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, ${sql.nowMs} + $10, 1)`,
        [record.id, record.componentRef, record.environment, record.status, record.createdAt, record.updatedAt, JSON.stringify(record), JSON.stringify(work), lease.owner, lease.leaseMs],
      );
    },

    async get(id) {
      return parse(await sql.query<{ data: string }>('SELECT data FROM operations WHERE id = $1', [id]))[0] ?? null;
    },

    async write(record, work, owner) {
      const final = record.status !== RUNNING;
      const changed = await sql.execute(
        `UPDATE operations SET status = $3, updated_at = $4, data = $5, work = $6, version = version + 1${final ? ', owner = NULL, previous_owner = owner, lease_expires_at = 0' : ''}
         WHERE id = $1 AND owner = $2 AND status = '${RUNNING}'`,
        [record.id, owner, record.status, record.updatedAt, JSON.stringify(record), JSON.stringify(work)],
      );
      return changed === 1;
    },

    async claim(lease, { limit, anyOwner = false }) {
      const rows = await sql.query<Row>(
        `UPDATE operations SET owner = $1, previous_owner = COALESCE(owner, previous_owner), lease_expires_at = ${sql.nowMs} + $2, version = version + 1
         WHERE id IN (
           SELECT id FROM operations WHERE status = '${RUNNING}'${anyOwner ? ' AND (owner IS NULL OR owner <> $1)' : ` AND lease_expires_at < ${sql.nowMs}`}
           ORDER BY created_at LIMIT $3 ${sql.claimLock}
         )
         RETURNING data, work, version, previous_owner`,
        [lease.owner, lease.leaseMs, limit],
      );
      return rows.map(owned).sort((a, b) => a.record.createdAt.localeCompare(b.record.createdAt));
    },

    async renew(lease) {
      const rows = await sql.query<{ id: string }>(
        `UPDATE operations SET lease_expires_at = ${sql.nowMs} + $2 WHERE owner = $1 AND status = '${RUNNING}' RETURNING id`,
        [lease.owner, lease.leaseMs],
      );
      return rows.map((r) => r.id);
    },

    async release(owner) {
      return sql.execute(
        `UPDATE operations SET owner = NULL, previous_owner = owner, lease_expires_at = 0, version = version + 1 WHERE owner = $1 AND status = '${RUNNING}'`,
        [owner],
      );
    },

    async finish(id, change) {
      for (let attempt = 0; attempt < FINISH_ATTEMPTS; attempt++) {
        const row = (await sql.query<{ data: string; version: number }>('SELECT data, version FROM operations WHERE id = $1', [id]))[0];
        if (!row) return null;
        const current = JSON.parse(row.data) as OperationRecord;
        if (current.status !== RUNNING) return { record: current, changed: false };
        const next = change(structuredClone(current));
        const done = await sql.execute(
          `UPDATE operations SET status = $3, updated_at = $4, data = $5, owner = NULL, previous_owner = owner, lease_expires_at = 0, version = version + 1
           WHERE id = $1 AND version = $2 AND status = '${RUNNING}'`,
          [id, Number(row.version), next.status, next.updatedAt, JSON.stringify(next)],
        );
        if (done === 1) return { record: next, changed: true };
      }
      throw new Error(`operation ${id} kept changing during ${FINISH_ATTEMPTS} attempts to finish it`);
    },

    async running() {
      return (await sql.query<{ id: string }>(`SELECT id FROM operations WHERE status = '${RUNNING}' ORDER BY created_at`)).map((r) => r.id);
    },

    async recent({ componentRef, limit }) {
      const rows =
        componentRef === undefined
          ? await sql.query<{ data: string }>('SELECT data FROM operations ORDER BY created_at DESC, id LIMIT $1', [limit])
          : await sql.query<{ data: string }>('SELECT data FROM operations WHERE component_ref = $1 ORDER BY created_at DESC, id LIMIT $2', [componentRef, limit]);
      return parse(rows);
    },

    async countByStatus() {
      const rows = await sql.query<{ status: string; n: number }>('SELECT status, COUNT(*) AS n FROM operations GROUP BY status');
      return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    },
  };
}
