import { readAccessToken } from './accessToken';

/** The GraphQL endpoint, on the same origin as the page. */
export const GRAPHQL_URL = '/graphql';

/**
 * POSTs a GraphQL operation to `/graphql` with what every request sends: cookies of this origin
 * only, the CSRF-prevention header the server requires (`x-graphql-yoga-csrf`), and the bearer
 * token when the user entered one. `accept` chooses JSON or an SSE stream. Rejects like `fetch`
 * (network failure, abort).
 */
export function postGraphql(query: string, variables: Record<string, unknown>, accept: string, signal?: AbortSignal): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept, 'x-graphql-yoga-csrf': '1' };
  const token = readAccessToken();
  if (token) headers.authorization = `Bearer ${token}`;
  return fetch(GRAPHQL_URL, { method: 'POST', credentials: 'same-origin', headers, body: JSON.stringify({ query, variables }), signal });
}
