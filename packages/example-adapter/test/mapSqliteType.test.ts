import { describe, expect, it } from 'vitest';
import { mapSqliteType, type MappedType } from '../src/index.js';

const table: Array<[declared: string, expected: MappedType]> = [
  ['INTEGER', { dataType: 'INT' }],
  ['int', { dataType: 'INT' }],
  ['BIGINT', { dataType: 'BIGINT' }],
  ['unsigned big int', { dataType: 'BIGINT' }],
  ['SMALLINT', { dataType: 'SMALLINT' }],
  ['TINYINT', { dataType: 'TINYINT' }],
  ['TEXT', { dataType: 'TEXT' }],
  ['CLOB', { dataType: 'TEXT' }],
  ['VARCHAR(20)', { dataType: 'VARCHAR', dataLength: 20 }],
  ['varchar ( 255 )', { dataType: 'VARCHAR', dataLength: 255 }],
  ['NVARCHAR(100)', { dataType: 'VARCHAR', dataLength: 100 }],
  ['VARYING CHARACTER(7)', { dataType: 'VARCHAR', dataLength: 7 }],
  ['VARCHAR', { dataType: 'VARCHAR' }],
  ['CHAR(3)', { dataType: 'CHAR', dataLength: 3 }],
  ['NCHAR(55)', { dataType: 'CHAR', dataLength: 55 }],
  ['REAL', { dataType: 'DOUBLE' }],
  ['DOUBLE PRECISION', { dataType: 'DOUBLE' }],
  ['FLOAT', { dataType: 'FLOAT' }],
  ['NUMERIC(10,2)', { dataType: 'DECIMAL', precision: 10, scale: 2 }],
  ['DECIMAL(12, 4)', { dataType: 'DECIMAL', precision: 12, scale: 4 }],
  ['NUMERIC(8)', { dataType: 'DECIMAL', precision: 8, scale: 0 }],
  ['NUMERIC', { dataType: 'NUMERIC' }],
  ['DECIMAL', { dataType: 'DECIMAL' }],
  ['BLOB', { dataType: 'BINARY' }],
  ['VARBINARY(16)', { dataType: 'VARBINARY', dataLength: 16 }],
  ['BOOLEAN', { dataType: 'BOOLEAN' }],
  ['bool', { dataType: 'BOOLEAN' }],
  ['DATE', { dataType: 'DATE' }],
  ['DATETIME', { dataType: 'DATETIME' }],
  ['TIMESTAMP', { dataType: 'TIMESTAMP' }],
  ['TIME', { dataType: 'TIME' }],
  ['JSON', { dataType: 'JSON' }],
  ['UUID', { dataType: 'UUID' }],
  ['', { dataType: 'UNKNOWN' }],
  // unknown names follow SQLite's affinity rules
  ['MYINTEGER', { dataType: 'INT' }],
  ['LONGTEXT', { dataType: 'TEXT' }],
  ['ZIPCHAR(5)', { dataType: 'VARCHAR', dataLength: 5 }],
  ['PICTUREBLOB', { dataType: 'BINARY' }],
  ['FLOATY', { dataType: 'DOUBLE' }],
  ['MONEY', { dataType: 'NUMERIC' }],
  ['MONEY(19,4)', { dataType: 'DECIMAL', precision: 19, scale: 4 }],
  // nonsense arguments are dropped, not trusted
  ['VARCHAR(abc)', { dataType: 'VARCHAR' }],
  ['NUMERIC(-1,2)', { dataType: 'NUMERIC' }],
  ['VARCHAR(20', { dataType: 'VARCHAR' }],
];

describe('mapSqliteType', () => {
  it.each(table)('maps %j', (declared, expected) => {
    expect(mapSqliteType(declared)).toEqual(expected);
  });
});
