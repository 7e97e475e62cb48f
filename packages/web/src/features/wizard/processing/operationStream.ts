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

export interface LogEntry {
  timestamp: string;
  level: 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR';
  message: string;
  phase: string | null;
}

export interface OperationFailure {
  message: string;
  userMessage: string | null;
  problems: string[];
  solutions: string[];
  errors: string[];
  errorLogs: string[];
  httpStatus: number | null;
}

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
