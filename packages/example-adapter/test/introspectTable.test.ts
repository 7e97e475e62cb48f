import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { introspectTable } from '../src/index.js';
import { createDatabase, tempDir } from './helpers.js';

describe('introspectTable', () => {
  let dir: ReturnType<typeof tempDir>;
  let dbPath: string;
  beforeEach(() => {
    dir = tempDir();
    dbPath = createDatabase(join(dir.path, 'shop.sqlite'), `
      CREATE TABLE customers (id INTEGER PRIMARY KEY, email VARCHAR(120) NOT NULL UNIQUE, nick TEXT);
      CREATE UNIQUE INDEX customers_nick ON customers(nick);
      CREATE TABLE lines (
        order_id INTEGER NOT NULL, line_no INT NOT NULL, customer INTEGER REFERENCES customers(id),
        sku TEXT, qty INT, note,
        PRIMARY KEY (order_id, line_no), UNIQUE (sku, qty)
      );
      CREATE INDEX lines_sku ON lines(sku);
      CREATE UNIQUE INDEX lines_note_partial ON lines(note) WHERE note IS NOT NULL;
      CREATE TABLE "odd ""name""" (x REAL);
      CREATE VIEW big_lines AS SELECT order_id, qty FROM lines WHERE qty > 10;
      INSERT INTO customers VALUES (1, 'a@x', 'a'), (2, 'b@x', NULL);
      INSERT INTO "odd ""name""" VALUES (1.5);
    `);
  });
  afterEach(() => dir.cleanup());

  it('reads columns, constraints and row count', () => {
    const result = introspectTable(dbPath, 'customers');
    expect(result).toEqual({
      kind: 'found',
      table: {
        name: 'customers',
        type: 'table',
        rowCount: 2,
        foreignKeys: [],
        columns: [
          { name: 'id', dataType: 'INT', constraint: 'PRIMARY_KEY' },
          { name: 'email', dataType: 'VARCHAR', dataLength: 120, constraint: 'UNIQUE' },
          { name: 'nick', dataType: 'TEXT', constraint: 'UNIQUE' },
        ],
      },
    });
  });

  it('marks composite primary keys, ignores composite and partial unique indexes, reads foreign keys', () => {
    const result = introspectTable(dbPath, 'lines');
    if (result.kind !== 'found') throw new Error(`expected a table, got ${result.kind}`);
    expect(result.table.columns).toEqual([
      { name: 'order_id', dataType: 'INT', constraint: 'PRIMARY_KEY' },
      { name: 'line_no', dataType: 'INT', constraint: 'PRIMARY_KEY' },
      { name: 'customer', dataType: 'INT' },
      { name: 'sku', dataType: 'TEXT' },
      { name: 'qty', dataType: 'INT' },
      { name: 'note', dataType: 'UNKNOWN' },
    ]);
    expect(result.table.foreignKeys).toEqual([{ column: 'customer', references: { table: 'customers', column: 'id' } }]);
    expect(result.table.rowCount).toBe(0);
  });

  it('reads views and names that need quoting', () => {
    const view = introspectTable(dbPath, 'big_lines');
    expect(view.kind === 'found' && view.table.type).toBe('view');
    const odd = introspectTable(dbPath, 'odd "name"');
    expect(odd).toMatchObject({ kind: 'found', table: { rowCount: 1, columns: [{ name: 'x', dataType: 'DOUBLE' }] } });
  });

  it('reports an unknown table with the tables that exist', () => {
    expect(introspectTable(dbPath, 'Customers')).toEqual({
      kind: 'unknown-table',
      tableName: 'Customers',
      available: ['big_lines', 'customers', 'lines', 'odd "name"'],
    });
    expect(introspectTable(dbPath, 'sqlite_master')).toMatchObject({ kind: 'unknown-table' });
    expect(introspectTable(dbPath, "customers' OR 1=1 --")).toMatchObject({ kind: 'unknown-table' });
  });

  it('returns a database error for a missing or corrupt file', () => {
    expect(introspectTable(join(dir.path, 'missing.sqlite'), 'customers')).toMatchObject({ kind: 'database-error' });
    const corrupt = join(dir.path, 'corrupt.sqlite');
    writeFileSync(corrupt, 'this is not a database, just some text that is long enough'.repeat(20));
    const result = introspectTable(corrupt, 'customers');
    expect(result.kind).toBe('database-error');
    expect(result.kind === 'database-error' && result.message).toMatch(/not a database/);
  });
});
