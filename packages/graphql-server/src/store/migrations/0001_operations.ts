import type { Migration } from './migration.js';

/**
 * Operation records: a few columns to query by, the whole record as JSON in `data`. The same
 * statements on both engines; IF NOT EXISTS because SQLite databases of earlier versions already
 * have this exact table.
 */
const statements = `
  CREATE TABLE IF NOT EXISTS operations (
    id TEXT PRIMARY KEY,
    component_ref TEXT NOT NULL,
    environment TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    data TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS operations_status ON operations (status);
  CREATE INDEX IF NOT EXISTS operations_by_component ON operations (component_ref, created_at);
`;

export const migration: Migration = { version: 1, name: 'operations', sqlite: statements, postgres: statements };
