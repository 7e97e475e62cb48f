import type { OperationRecord } from '../services/operationModel.js';
import type { SqlClient } from './sqlClient.js';
import type { OperationStore } from './store.js';

/** The OperationStore over either engine: the `operations` table of migration 0001. */
export function createOperationStore(sql: SqlClient): OperationStore {
  const row = (r: OperationRecord): [string, string, string, string, string, string, string] => [
    r.id,
    r.componentRef,
    r.environment,
    r.status,
    r.createdAt,
    r.updatedAt,
    JSON.stringify(r),
  ];
  const parse = (rows: { data: string }[]): OperationRecord[] => rows.map((r) => JSON.parse(r.data) as OperationRecord);
  return {
    async insert(record) {
      await sql.execute(
        'INSERT INTO operations (id, component_ref, environment, status, created_at, updated_at, data) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        row(record),
      );
    },
    async get(id) {
      return parse(await sql.query<{ data: string }>('SELECT data FROM operations WHERE id = $1', [id]))[0] ?? null;
    },
    async put(record) {
      const [id, , , status, , updatedAt, data] = row(record);
      await sql.execute('UPDATE operations SET status = $2, updated_at = $3, data = $4 WHERE id = $1', [id, status, updatedAt, data]);
    },
    async running() {
      return (await sql.query<{ id: string }>("SELECT id FROM operations WHERE status = 'RUNNING' ORDER BY created_at")).map((r) => r.id);
    },
    async recent({ componentRef, limit }) {
      const rows =
        componentRef === undefined
          ? await sql.query<{ data: string }>('SELECT data FROM operations ORDER BY created_at DESC, id LIMIT $1', [limit])
          : await sql.query<{ data: string }>('SELECT data FROM operations WHERE component_ref = $1 ORDER BY created_at DESC, id LIMIT $2', [componentRef, limit]);
      return parse(rows);
    },
  };
}
