import { readAccessToken } from './accessToken';

/** The GraphQL endpoint, on the same origin as the page. */
export const GRAPHQL_URL = '/graphql';

/**
 * Headers every request sends: the CSRF-prevention header the server requires
 * (`x-graphql-yoga-csrf`), and the bearer token when the user entered one.
 */
export function apiHeaders(accept: string): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept,
    'x-graphql-yoga-csrf': '1',
  };
  const token = readAccessToken();
  if (token) headers.authorization = `Bearer ${token}`;
  return headers;
}
