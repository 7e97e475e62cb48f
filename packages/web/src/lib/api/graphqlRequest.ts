import type { ApiResult } from './apiError';
import { toApiResult } from './apiError';
import { postGraphql } from './postGraphql';
import { reportUnauthenticated } from './authEvents';

/**
 * Runs a query or mutation against `/graphql` (same origin, cookies included, CSRF header and bearer
 * token sent). Never throws for an expected failure: a refused, failed or unreachable call comes
 * back as an `ApiError` value; a 401 also tells the app to show the sign-in form. An aborted call
 * rejects with the abort reason (the caller cancelled it).
 */
export async function graphqlRequest<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await postGraphql(query, variables, 'application/graphql-response+json, application/json', signal);
  } catch (e) {
    if (signal?.aborted) throw e;
    return { ok: false, error: { kind: 'network', message: `The server cannot be reached (${(e as Error).message}).` } };
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    if (signal?.aborted) throw signal.reason;
  }
  const result = toApiResult<T>(res.status, body);
  if (!result.ok && result.error.kind === 'unauthenticated') reportUnauthenticated(result.error.message);
  return result;
}
