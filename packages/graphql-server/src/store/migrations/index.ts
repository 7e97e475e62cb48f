import type { Migration } from './migration.js';
import { migration as m0001 } from './0001_operations.js';
import { migration as m0002 } from './0002_audit_log.js';
import { migration as m0003 } from './0003_leases.js';

/**
 * Every migration, in version order. To change the schema: add `NNNN_name.ts` (next number)
 * exporting `migration` with both dialects, append it here, and extend the store contract tests
 * (test/store/storeContract.ts), which run on SQLite and PostgreSQL.
 */
export const migrations: readonly Migration[] = [m0001, m0002, m0003];
