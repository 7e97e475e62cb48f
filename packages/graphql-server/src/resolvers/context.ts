import type { GraphQLResolveInfo } from 'graphql';
import type { Identity } from '../auth/identity.js';
import type { Services } from '../services/createServices.js';

/** The GraphQL context: the services (created once per server) and the authenticated caller. */
export interface Context {
  services: Services;
  /** Who is calling (every request is authenticated before a resolver runs). */
  viewer: Identity;
}

/** A field resolver with typed parent and arguments. */
export type Resolver<Parent, Args, Result> = (parent: Parent, args: Args, context: Context, info: GraphQLResolveInfo) => Result | Promise<Result>;

/** A subscription field: `subscribe` yields payloads, `resolve` maps each to the field value. */
export interface SubscriptionResolver<Args, Payload, Result> {
  subscribe: (parent: unknown, args: Args, context: Context, info: GraphQLResolveInfo) => AsyncIterable<Payload>;
  resolve: (payload: Payload) => Result;
}
