import { GraphQLError } from 'graphql';
import type { AuthResult } from './authenticate.js';

/**
 * The GraphQL error for a request without accepted credentials: HTTP 401 with
 * `WWW-Authenticate: Bearer` (503 when the issuer's keys cannot be read), `extensions.code`
 * `UNAUTHENTICATED` (or `AUTH_UNAVAILABLE`). The web workbench shows its sign-in form on 401.
 */
export function authError(result: Extract<AuthResult, { ok: false }>): GraphQLError {
  if (result.kind === 'unavailable') {
    return new GraphQLError(`authentication is unavailable: ${result.message}`, {
      extensions: { code: 'AUTH_UNAVAILABLE', http: { status: 503, headers: { 'retry-after': '10' } } },
    });
  }
  const challenge = result.kind === 'invalid' ? `Bearer realm="revprov", error="invalid_token"` : 'Bearer realm="revprov"';
  return new GraphQLError(result.message, {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: { 'www-authenticate': challenge } } },
  });
}

/** A denied read: the field resolves to null with this error (never data). */
export function forbiddenError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

/** A malformed argument (e.g. an entity ref of another kind): null with this error. */
export function invalidInputError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'INVALID_INPUT' } });
}

/** A ref defined in several places: no place is chosen (null with this error). */
export function duplicateEntityError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'DUPLICATE_ENTITY' } });
}
