import { introspectTable, type TableDescription } from '../introspect/introspectTable.js';
import { logLine, type Log, type RequestValidationError, type SystemError } from '../protocol.js';
import type { ValidRequest } from './validateRequest.js';

/**
 * Outcome of one reverse-provisioning run:
 * - `completed`: the `updates` to propose and the logs of the run;
 * - `invalid`: the table does not exist (HTTP 400, `inputErrorField: 'tableName'`);
 * - `failed`: the database could not be read (HTTP 500 when synchronous, FAILED status when asynchronous).
 */
export type Outcome =
  | { kind: 'completed'; updates: Record<string, unknown>; logs: Log[] }
  | { kind: 'invalid'; error: RequestValidationError; logs: Log[] }
  | { kind: 'failed'; error: SystemError; logs: Log[] };

/**
 * Reads the requested table from the SQLite file and turns it into catalog-info updates:
 * `spec.mesh.dataContract.schema` (every column with its mapped dataType and constraint, no
 * description or tags: the adapter cannot read them), `spec.mesh.specific.tableName`,
 * `spec.mesh.specific.rowCount`, and `spec.mesh.specific.foreignKeys` when the table has any.
 * Only reads; never writes to the database.
 */
export function reverseProvision(dbPath: string, { request, tableName }: ValidRequest): Outcome {
  const logs: Log[] = [
    logLine('INFO', `Reverse provisioning requested for ${request.useCaseTemplateId} in environment ${request.environment}.`, 'validation'),
    logLine('INFO', `Reading table "${tableName}".`, 'introspection'),
  ];
  const result = introspectTable(dbPath, tableName);
  if (result.kind === 'database-error') {
    logs.push(logLine('ERROR', `The database could not be read: ${result.message}`, 'introspection'));
    return { kind: 'failed', logs, error: databaseError(result.message) };
  }
  if (result.kind === 'unknown-table') {
    logs.push(logLine('ERROR', `Table "${tableName}" does not exist.`, 'introspection'));
    return { kind: 'invalid', logs, error: unknownTable(tableName, result.available) };
  }
  const { table } = result;
  logs.push(logLine('INFO', `Found ${table.type} "${table.name}" with ${table.columns.length} columns and ${table.rowCount} rows.`, 'introspection'));
  if (table.columns.some((column) => column.dataType === 'UNKNOWN')) {
    logs.push(logLine('WARNING', 'Some columns have no declared type; their dataType is UNKNOWN.', 'introspection'));
  }
  logs.push(logLine('INFO', 'Descriptions and tags cannot be read from SQLite and are not proposed.', 'result'));
  logs.push(logLine('INFO', 'Reverse provisioning completed.', 'result'));
  return { kind: 'completed', logs, updates: toUpdates(table) };
}

function toUpdates(table: TableDescription): Record<string, unknown> {
  return {
    'spec.mesh.dataContract.schema': table.columns,
    'spec.mesh.specific.tableName': table.name,
    'spec.mesh.specific.rowCount': table.rowCount,
    ...(table.foreignKeys.length > 0 ? { 'spec.mesh.specific.foreignKeys': table.foreignKeys } : {}),
  };
}

function unknownTable(tableName: string, available: string[]): RequestValidationError {
  const problem = `Table "${tableName}" does not exist in the database.`;
  const choices = available.length > 0 ? `Existing tables: ${available.join(', ')}.` : 'The database has no tables.';
  return {
    errors: [problem],
    userMessage: `The table "${tableName}" was not found.`,
    input: tableName,
    inputErrorField: 'tableName',
    moreInfo: { problems: [problem], solutions: [`Check the table name. ${choices}`] },
  };
}

function databaseError(message: string): SystemError {
  return {
    error: `The database could not be read: ${message}`,
    userMessage: 'The adapter could not read the database. Please contact the platform team.',
    moreInfo: { problems: [message], solutions: ['Check that the adapter is configured with an existing SQLite file.'] },
  };
}
