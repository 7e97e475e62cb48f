/** The Witboost/OpenMetadata-style type of a column: what goes into a schema column besides its name. */
export interface MappedType {
  dataType: string;
  dataLength?: number;
  precision?: number;
  scale?: number;
}

/** Exact type names (upper-case, without arguments) and what they become. */
const EXACT: Readonly<Record<string, string>> = {
  INTEGER: 'INT',
  INT: 'INT',
  MEDIUMINT: 'INT',
  INT4: 'INT',
  BIGINT: 'BIGINT',
  INT8: 'BIGINT',
  'UNSIGNED BIG INT': 'BIGINT',
  SMALLINT: 'SMALLINT',
  INT2: 'SMALLINT',
  TINYINT: 'TINYINT',
  TEXT: 'TEXT',
  CLOB: 'TEXT',
  STRING: 'STRING',
  VARCHAR: 'VARCHAR',
  NVARCHAR: 'VARCHAR',
  'VARYING CHARACTER': 'VARCHAR',
  'CHARACTER VARYING': 'VARCHAR',
  CHAR: 'CHAR',
  CHARACTER: 'CHAR',
  NCHAR: 'CHAR',
  'NATIVE CHARACTER': 'CHAR',
  REAL: 'DOUBLE',
  DOUBLE: 'DOUBLE',
  'DOUBLE PRECISION': 'DOUBLE',
  FLOAT: 'FLOAT',
  NUMERIC: 'NUMERIC',
  DECIMAL: 'DECIMAL',
  NUMBER: 'NUMBER',
  BLOB: 'BINARY',
  BINARY: 'BINARY',
  VARBINARY: 'VARBINARY',
  BOOLEAN: 'BOOLEAN',
  BOOL: 'BOOLEAN',
  DATE: 'DATE',
  TIME: 'TIME',
  DATETIME: 'DATETIME',
  TIMESTAMP: 'TIMESTAMP',
  JSON: 'JSON',
  UUID: 'UUID',
};

/** Types whose single argument is a length. */
const LENGTHED = new Set(['VARCHAR', 'CHAR', 'BINARY', 'VARBINARY']);

/**
 * Maps a SQLite declared column type (`PRAGMA table_info(..).type`, free text) to a dataType.
 *
 * Known names map as in the README's table; a length argument is kept as `dataLength` for
 * CHAR/VARCHAR/BINARY/VARBINARY; `NUMERIC(p,s)` and `DECIMAL(p,s)` become `DECIMAL` with `precision`
 * and `scale`. Unknown names fall back to SQLite's own affinity rules (contains INT → INT;
 * CHAR/CLOB/TEXT → TEXT; BLOB → BINARY; REAL/FLOA/DOUB → DOUBLE; otherwise NUMERIC). A column declared
 * without a type holds anything and maps to `UNKNOWN`. Never throws.
 */
export function mapSqliteType(declared: string): MappedType {
  const match = /^\s*([^(]*?)\s*(?:\(\s*([^)]*?)\s*\))?\s*$/.exec(declared);
  const name = (match?.[1] ?? declared.split('(')[0] ?? '').trim().replace(/\s+/g, ' ').toUpperCase();
  const args = parseArgs(match?.[2]);
  if (name === '') return { dataType: 'UNKNOWN' };

  const exact = EXACT[name];
  if (exact === 'NUMERIC' || exact === 'DECIMAL' || exact === 'NUMBER') {
    return withPrecision(args.length > 0 ? 'DECIMAL' : exact, args);
  }
  if (exact !== undefined && LENGTHED.has(exact)) return withLength(exact, args);
  if (exact !== undefined) return { dataType: exact };
  return byAffinity(name, args);
}

function parseArgs(text: string | undefined): number[] {
  if (text === undefined || text === '') return [];
  const parts = text.split(',').map((part) => Number(part.trim()));
  return parts.every((n) => Number.isInteger(n) && n >= 0) ? parts : [];
}

function withLength(dataType: string, args: number[]): MappedType {
  const length = args[0];
  return length === undefined ? { dataType } : { dataType, dataLength: length };
}

function withPrecision(dataType: string, args: number[]): MappedType {
  const [precision, scale] = args;
  if (precision === undefined) return { dataType };
  return { dataType, precision, scale: scale ?? 0 };
}

/** SQLite's column-affinity rules (https://sqlite.org/datatype3.html §3.1), applied to names we do not know. */
function byAffinity(name: string, args: number[]): MappedType {
  if (name.includes('INT')) return { dataType: 'INT' };
  if (name.includes('CHAR') || name.includes('CLOB') || name.includes('TEXT')) {
    return args[0] === undefined ? { dataType: 'TEXT' } : { dataType: 'VARCHAR', dataLength: args[0] };
  }
  if (name.includes('BLOB')) return { dataType: 'BINARY' };
  if (name.includes('REAL') || name.includes('FLOA') || name.includes('DOUB')) return { dataType: 'DOUBLE' };
  return withPrecision(args.length > 0 ? 'DECIMAL' : 'NUMERIC', args);
}
