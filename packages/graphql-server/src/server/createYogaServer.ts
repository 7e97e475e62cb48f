import { createYoga } from 'graphql-yoga';
import type { YogaServerInstance } from 'graphql-yoga';
import type { Context } from '../resolvers/context.js';
import { buildSchema } from '../schema/loadSchema.js';
import type { Services } from '../services/createServices.js';
import { exampleQuery } from './examples.js';

export type RevprovYoga = YogaServerInstance<Record<string, unknown>, Context>;

/**
 * The GraphQL HTTP handler at `/graphql`: GraphiQL in a browser, SSE for subscriptions
 * (`Accept: text/event-stream`), unexpected errors masked (only `userErrors` carry details).
 */
export function createYogaServer(services: Services): RevprovYoga {
  return createYoga<Record<string, unknown>, Context>({
    schema: buildSchema(),
    context: () => ({ services }),
    maskedErrors: true,
    graphiql: { defaultQuery: exampleQuery, title: 'revprov' },
    logging: process.env.REVPROV_LOG === 'debug' ? 'debug' : 'warn',
  });
}
