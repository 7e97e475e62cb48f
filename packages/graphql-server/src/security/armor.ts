import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { Plugin } from 'graphql-yoga';
import type { Limits } from '../config/securityConfig.js';

/**
 * graphql-armor with the configured limits: aliases, depth, cost, tokens (checked while parsing,
 * so a huge or deeply nested document is refused before it is built) and directives. Field
 * suggestions ("did you mean ...?") are blocked when introspection is off, so they cannot be used
 * to map the schema.
 */
export function armorPlugins(limits: Limits, introspection: boolean): Plugin[] {
  return [
    EnvelopArmorPlugin({
      maxAliases: { n: limits.maxAliases, exposeLimits: true },
      maxDepth: { n: limits.maxDepth, exposeLimits: true, ignoreIntrospection: true, flattenFragments: true },
      costLimit: { maxCost: limits.maxCost, exposeLimits: true, ignoreIntrospection: true },
      maxTokens: { n: limits.maxTokens, exposeLimits: true },
      maxDirectives: { n: limits.maxDirectives, exposeLimits: true },
      blockFieldSuggestion: { enabled: !introspection },
    }) as Plugin,
  ];
}
