import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { createYoga } from 'graphql-yoga';
import type { YogaServerInstance } from 'graphql-yoga';
import { authError } from '../auth/authErrors.js';
import type { Context } from '../resolvers/context.js';
import { buildSchema } from '../schema/loadSchema.js';
import { armorPlugins } from '../security/armor.js';
import { useHostAllowList } from '../security/hostAllowList.js';
import { useIntrospection } from '../security/introspection.js';
import { useLocalGraphiQL } from '../security/localGraphiQL.js';
import { corsOptions, useOriginCheck } from '../security/originPolicy.js';
import { useSecurityHeaders } from '../security/securityHeaders.js';
import type { Services } from '../services/createServices.js';
import { exampleQuery } from './examples.js';

export type RevprovYoga = YogaServerInstance<Record<string, unknown>, Context>;

/** The header every browser request must carry (yoga's CSRF prevention; the workbench sends `x-graphql-yoga-csrf: 1`). */
export const CSRF_HEADER = 'x-graphql-yoga-csrf';

/**
 * The GraphQL HTTP handler at `/graphql`: GraphiQL in a browser (assets served locally), SSE for
 * subscriptions (`Accept: text/event-stream`), unexpected errors masked (only `userErrors` carry
 * details). In request order: Host allow-list, Origin check, GraphiQL, CSRF header, body size,
 * graphql-armor limits and introspection rule, then authentication (401 without credentials)
 * before any resolver runs.
 */
export function createYogaServer(services: Services): RevprovYoga {
  const { security } = services;
  return createYoga<Record<string, unknown>, Context>({
    schema: buildSchema(),
    context: async ({ request }) => {
      const result = await services.auth.authenticate(request.headers);
      if (!result.ok) throw authError(result);
      return { services, viewer: result.identity };
    },
    maskedErrors: true,
    graphiql: false,
    landingPage: false,
    cors: corsOptions(security.cors.origins),
    maxRequestBodySize: security.limits.maxBodyBytes,
    plugins: [
      useHostAllowList(security.hosts),
      useOriginCheck(security.cors.origins),
      useSecurityHeaders(),
      useLocalGraphiQL({
        enabled: security.graphiql,
        endpoint: '/graphql',
        options: { defaultQuery: exampleQuery, title: 'revprov', additionalHeaders: { [CSRF_HEADER]: '1' }, shouldPersistHeaders: false },
      }),
      useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }),
      ...armorPlugins(security.limits, security.introspection),
      useIntrospection(security.introspection),
    ],
    logging: process.env.REVPROV_LOG === 'debug' ? 'debug' : 'warn',
  });
}
