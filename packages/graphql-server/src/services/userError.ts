/** Stable codes of expected failures (the `UserErrorCode` enum of schema.graphql). */
export type UserErrorCode =
  | 'NOT_FOUND'
  | 'NO_TEMPLATE'
  | 'NO_ADAPTER'
  | 'INVALID_PARAMS'
  | 'INVALID_INPUT'
  | 'INVALID_YAML'
  | 'NOT_COMPLETED'
  | 'NOT_RUNNING'
  | 'CONFLICT'
  | 'NO_CHANGES'
  | 'FILE_GONE'
  | 'GIT_ERROR'
  | 'FORBIDDEN'
  | 'LIMIT_EXCEEDED'
  | 'INVALID_TEMPLATE'
  | 'DUPLICATE_ENTITY';

/** An expected failure, returned as data. `field` is the path of the offending input. */
export interface UserError {
  code: UserErrorCode;
  message: string;
  field: string[] | null;
  paths: string[];
}

export function userError(code: UserErrorCode, message: string, field: string[] | null = null, paths: string[] = []): UserError {
  return { code, message, field, paths };
}

/** A service result: the value, or the user errors explaining why there is none. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; userErrors: UserError[] };

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const fail = <T = never>(...userErrors: UserError[]): Outcome<T> => ({ ok: false, userErrors });
