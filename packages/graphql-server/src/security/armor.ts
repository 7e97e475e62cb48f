import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError } from 'graphql';
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
    useNestingLimit(limits.maxDepth + limits.maxJsonDepth),
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

/**
 * Deepest bracket nesting (`{`, `[`, `(`) of a GraphQL document, outside strings and comments,
 * measured in one pass without recursion. It skips exactly what graphql-js's lexer skips, so no
 * bracket can hide from it: a comment ends at `\n` or `\r`; a `"` string at its closing quote
 * (a `\` escapes the next character) or at a line break (where graphql-js stops with a syntax
 * error); a block string only at `"""` (`\"""` is its one escape, any other `\` is literal).
 */
export function documentNesting(source: string): number {
  let depth = 0;
  let max = 0;
  const n = source.length;
  for (let i = 0; i < n; i++) {
    const c = source[i];
    if (c === '#') {
      while (i + 1 < n && source[i + 1] !== '\n' && source[i + 1] !== '\r') i++;
    } else if (c === '"' && source.startsWith('"""', i)) {
      i += 3;
      while (i < n && !source.startsWith('"""', i)) i += source.startsWith('\\"""', i) ? 4 : 1;
      i += 2; // on the last quote of the closing """ (or past the end)
    } else if (c === '"') {
      i++;
      while (i < n && source[i] !== '"' && source[i] !== '\n' && source[i] !== '\r') i += source[i] === '\\' ? 2 : 1;
      if (source[i] === '\n' || source[i] === '\r') i--; // the line break is outside the string
    } else if (c === '{' || c === '[' || c === '(') {
      depth++;
      if (depth > max) max = depth;
    } else if (c === '}' || c === ']' || c === ')') {
      depth--;
    }
  }
  return max;
}

/**
 * Refuses, before parsing, a document nested deeper than `max` brackets: graphql-js parses
 * nested selections and list/object values recursively, so a few thousand `[` would exhaust the
 * stack before the token limit is reached.
 */
function useNestingLimit(max: number): Plugin {
  return {
    onParse({ params }) {
      const source = typeof params.source === 'string' ? params.source : params.source.body;
      if (documentNesting(source) > max) {
        throw new GraphQLError(`Syntax Error: the document nests deeper than ${max} levels (limits.maxDepth + limits.maxJsonDepth).`, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
      }
    },
  };
}
