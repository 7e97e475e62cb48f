import type { Migration } from './migration.js';

/**
 * The audit log: one row per run, preview and save (who, what, when, result). Append-only; the
 * whole entry as JSON in `data`, a few columns to page and filter by. Same statements on both
 * engines.
 */
const statements = `
  CREATE TABLE audit_log (
    id TEXT PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    component_ref TEXT,
    result TEXT NOT NULL,
    data TEXT NOT NULL
  );
  CREATE INDEX audit_log_at ON audit_log (at, id);
  CREATE INDEX audit_log_by_component ON audit_log (component_ref, at);
`;

export const migration: Migration = { version: 2, name: 'audit_log', sqlite: statements, postgres: statements };
