import type { JsonObject } from '@revprov/merge-core';
import type { RepositoryConfig } from '../config/config.js';

export type OperationStatus = 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELLED';
export type LogLevel = 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR';

/** One log entry (adapter's or the server's own, phase `server`). */
export interface LogEntry {
  timestamp: string;
  level: LogLevel;
  message: string;
  phase: string | null;
}

/** Why an operation failed, kept in the protocol's display order. */
export interface OperationFailure {
  message: string;
  userMessage: string | null;
  problems: string[];
  solutions: string[];
  errors: string[];
  errorLogs: string[];
  display: string[];
  httpStatus: number | null;
}

/** A typed engine error as stored and served. */
export interface StoredEngineError {
  code: string;
  message: string;
  line: number | null;
  col: number | null;
  path: string | null;
  source: string | null;
}

/** An operation as persisted (no secrets, no params). */
export interface OperationRecord {
  id: string;
  componentRef: string;
  environment: string;
  status: OperationStatus;
  createdAt: string;
  updatedAt: string;
  /** The server's own log entries (kept). */
  serverLogs: LogEntry[];
  /** The adapter's latest whole log list (replaced at every poll). */
  adapterLogs: LogEntry[];
  failure: OperationFailure | null;
  updates: JsonObject | null;
  updateErrors: StoredEngineError[];
  repository: RepositoryConfig;
  filePath: string;
  baseRevision: string;
  baseYaml: string;
  proposedYaml: string | null;
}

/**
 * Builds a failure record in the protocol's display order: userMessage, moreInfo.problems /
 * solutions, errors[] / error, ERROR logs.
 */
export function makeFailure(parts: {
  userMessage?: string | null;
  problems?: string[];
  solutions?: string[];
  errors?: string[];
  logs?: LogEntry[];
  httpStatus?: number | null;
}): OperationFailure {
  const userMessage = parts.userMessage ?? null;
  const problems = parts.problems ?? [];
  const solutions = parts.solutions ?? [];
  const errors = parts.errors ?? [];
  const errorLogs = (parts.logs ?? []).filter((l) => l.level === 'ERROR').map((l) => l.message);
  const display = [...(userMessage ? [userMessage] : []), ...problems, ...solutions, ...errors, ...errorLogs];
  return {
    message: display[0] ?? 'the tech adapter reported a failure without any detail',
    userMessage,
    problems,
    solutions,
    errors,
    errorLogs,
    display,
    httpStatus: parts.httpStatus ?? null,
  };
}
