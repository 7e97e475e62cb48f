import { readFileSync } from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { resolvers } from '../resolvers/index.js';

/** The SDL source of truth: `schema.graphql` at the repository root (same depth from src/ and dist/). */
export const schemaPath = new URL('../../../../schema.graphql', import.meta.url);

/** Reads schema.graphql. */
export function readSchemaSdl(): string {
  return readFileSync(schemaPath, 'utf8');
}

/** The executable schema: SDL + resolver map (a resolver for a field the SDL lacks is an error). */
export function buildSchema(): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: readSchemaSdl(),
    resolvers,
    resolverValidationOptions: { requireResolversToMatchSchema: 'error', requireResolversForArgs: 'error' },
  });
}
