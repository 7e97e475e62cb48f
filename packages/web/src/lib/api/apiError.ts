/**
 * Why a GraphQL call gave no data, as a value:
 * - `unauthenticated`: HTTP 401 or a GraphQL error with code `UNAUTHENTICATED` (sign in);
 * - `forbidden`: HTTP 403 or code `FORBIDDEN`;
 * - `network`: the server could not be reached or answered something that is not GraphQL;
 * - `graphql`: the server answered with errors (message of the first).
 */
export interface ApiError {
  kind: 'unauthenticated' | 'forbidden' | 'network' | 'graphql';
  message: string;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

interface GraphQLErrorBody {
  message?: unknown;
  extensions?: { code?: unknown };
}

/** Classifies a GraphQL response (status + parsed body) into data or an ApiError. */
export function toApiResult<T>(status: number, body: unknown): ApiResult<T> {
  const b = (typeof body === 'object' && body !== null ? body : {}) as { data?: unknown; errors?: GraphQLErrorBody[] };
  const errors = Array.isArray(b.errors) ? b.errors : [];
  const codes = errors.map((e) => e.extensions?.code);
  const first = typeof errors[0]?.message === 'string' ? errors[0].message : null;
  if (status === 401 || codes.includes('UNAUTHENTICATED')) return { ok: false, error: { kind: 'unauthenticated', message: first ?? 'Sign in to continue.' } };
  if (status === 403 || codes.includes('FORBIDDEN')) return { ok: false, error: { kind: 'forbidden', message: first ?? 'You are not allowed to do this.' } };
  if (errors.length > 0 || b.data === undefined || b.data === null) {
    if (first) return { ok: false, error: { kind: 'graphql', message: first } };
    return { ok: false, error: { kind: 'network', message: `The server answered HTTP ${status} without data.` } };
  }
  return { ok: true, data: b.data as T };
}
