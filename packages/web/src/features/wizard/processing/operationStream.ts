import type { LogEntry as ServerLogEntry, OperationFailure as ServerFailure } from '@revprov/graphql-server';

/** The operation's live state: status, logs and failure (no texts: the compare step loads those). */
export const OPERATION_STREAM = `subscription OperationStream($id: ID!) {
  reverseProvisioningOperation(id: $id) {
    id status createdAt updatedAt environment
    logs { timestamp level message phase }
    failure { message userMessage problems solutions errors errorLogs httpStatus }
  }
}`;

/** The same fields as a query, for when the live connection cannot be kept. */
export const OPERATION_STATE = OPERATION_STREAM.replace('subscription OperationStream', 'query OperationState');

/** A log entry as the server models it (`LogEntry` of schema.graphql). */
export type LogEntry = ServerLogEntry;

/** The failure fields this screen asks for (`OperationFailure` of schema.graphql, without `display`). */
export type OperationFailure = Omit<ServerFailure, 'display'>;

export interface OperationState {
  id: string;
  status: 'RUNNING' | 'COMPLETED' | 'FAILED';
  createdAt: string;
  updatedAt: string;
  environment: string;
  logs: LogEntry[];
  failure: OperationFailure | null;
}

export interface OperationStateData {
  reverseProvisioningOperation: OperationState | null;
}
