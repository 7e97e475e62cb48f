import { readFileSync } from 'node:fs';
import type { GraphQLSchema } from 'graphql';
import { createSchema } from 'graphql-yoga';
import type { Context } from '../resolvers/context.js';
import { resolvers } from '../resolvers/index.js';

/** The SDL source of truth: `schema.graphql` at the package root (same depth from src/ and dist/, shipped in the package). */
export const schemaPath = new URL('../../schema.graphql', import.meta.url);

/** Reads schema.graphql. */
export function readSchemaSdl(): string {
  return readFileSync(schemaPath, 'utf8');
}

/** The executable schema: SDL + resolver map (a resolver for a field the SDL lacks is an error). */
export function buildSchema(): GraphQLSchema {
  return createSchema<Context>({
    typeDefs: readSchemaSdl(),
    resolvers,
    resolverValidationOptions: { requireResolversToMatchSchema: 'error', requireResolversForArgs: 'error' },
  });
}
