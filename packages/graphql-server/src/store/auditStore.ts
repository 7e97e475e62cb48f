import type { AuditEntry } from '../audit/auditEntry.js';
import type { SqlClient, SqlValue } from './sqlClient.js';

/** The append-only audit log (migration 0002). */
export interface AuditStore {
  append(entry: AuditEntry): Promise<void>;
  /**
   * Newest first. `before`: an entry id; only older entries are returned (paging). Optional
   * filters by component and by actor.
   */
  list(options: { limit: number; before?: string | null; componentRef?: string | null; actor?: string | null }): Promise<AuditEntry[]>;
}

/** The AuditStore over either engine. */
export function createAuditStore(sql: SqlClient): AuditStore {
  return {
    async append(e) {
      await sql.execute('INSERT INTO audit_log (id, at, actor, action, component_ref, result, data) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        e.id,
        e.at,
        e.actor,
        e.action,
        e.componentRef,
        e.result,
        JSON.stringify(e),
      ]);
    },
    async list({ limit, before, componentRef, actor }) {
      const where: string[] = [];
      const values: SqlValue[] = [];
      const bind = (v: SqlValue): string => {
        values.push(v);
        return `$${values.length}`;
      };
      if (before) {
        const anchor = await sql.query<{ at: string }>('SELECT at FROM audit_log WHERE id = $1', [before]);
        const at = anchor[0]?.at;
        if (at === undefined) return [];
        where.push(`(at < ${bind(at)} OR (at = ${bind(at)} AND id < ${bind(before)}))`);
      }
      if (componentRef) where.push(`component_ref = ${bind(componentRef)}`);
      if (actor) where.push(`actor = ${bind(actor)}`);
      const rows = await sql.query<{ data: string }>(
        `SELECT data FROM audit_log ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY at DESC, id DESC LIMIT ${bind(limit)}`,
        values,
      );
      return rows.map((r) => JSON.parse(r.data) as AuditEntry);
    },
  };
}
