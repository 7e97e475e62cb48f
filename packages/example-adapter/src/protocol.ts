/**
 * The reverse-provisioning wire contract as this adapter speaks it
 * (docs/reverse-provisioning.md §2). Plain JSON shapes, no behaviour.
 */

/** Body of `POST {base}/v1/reverse-provisioning`, after validation. */
export interface ReverseProvisioningRequest {
  useCaseTemplateId: string;
  environment: string;
  /** The user's form values plus `environmentSpecificConfig`; `{}` when the caller sent none. */
  params: Record<string, unknown>;
  /** The current catalog-info document as a JSON object; `{}` when the caller sent none. */
  catalogInfo: Record<string, unknown>;
}

export type LogLevel = 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR';

/** One log line; `timestamp` is RFC 3339. */
export interface Log {
  timestamp: string;
  level: LogLevel;
  message: string;
  phase?: string;
}

/** Status body answered by a synchronous POST and by every status poll. */
export interface StatusBody {
  status: 'RUNNING' | 'COMPLETED' | 'FAILED';
  /** Dot-separated paths from the document root → JSON values. `{}` unless COMPLETED. */
  updates: Record<string, unknown>;
  logs: Log[];
}

/** 400 body: the request is wrong; the user can fix it. */
export interface RequestValidationError {
  errors: string[];
  userMessage?: string;
  input?: string;
  inputErrorField?: string;
  moreInfo?: { problems: string[]; solutions: string[] };
}

/** 500 body (also used for 404/405/413 answers): the adapter could not do its job. */
export interface SystemError {
  error: string;
  userMessage?: string;
  input?: string;
  inputErrorField?: string;
  moreInfo?: { problems: string[]; solutions: string[] };
}

/** A column of `spec.mesh.dataContract.schema` as the adapter can read it (no description, no tags). */
export interface SchemaColumn {
  name: string;
  dataType: string;
  constraint?: 'PRIMARY_KEY' | 'NOT_NULL' | 'UNIQUE';
  dataLength?: number;
  precision?: number;
  scale?: number;
}

/** Creates a log line stamped now. */
export function logLine(level: LogLevel, message: string, phase: string): Log {
  return { timestamp: new Date().toISOString(), level, message, phase };
}
