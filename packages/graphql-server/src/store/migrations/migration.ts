/**
 * One versioned change of the database schema, written once per engine. Migrations are applied
 * in version order at start, each in its own transaction, and recorded in `schema_migrations`;
 * an applied migration is never edited (add a new one instead).
 */
export interface Migration {
  /** 1, 2, 3… without gaps; the file is named `NNNN_name.ts` after it. */
  version: number;
  /** Short snake_case description (the rest of the file name). */
  name: string;
  /** The SQLite statements (`;`-separated). */
  sqlite: string;
  /** The PostgreSQL statements (`;`-separated). */
  postgres: string;
}
