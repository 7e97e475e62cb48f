import { Parser } from 'yaml';
import { errorAt, type MergeError } from '../model/errors.js';

/**
 * Directive rules the `yaml` package lets through: a `%YAML` directive given twice for one
 * document, and directives not followed by a `---` document start. Only texts with a directive
 * line are scanned (one extra CST pass).
 */
export function checkDirectives(text: string, source: string): MergeError | null {
  if (!/^%/m.test(text)) return null;
  let pending = null as { yaml: boolean; offset: number } | null;
  for (const token of new Parser().parse(text)) {
    if (token.type === 'directive') {
      const isYaml = token.source.startsWith('%YAML');
      if (pending?.yaml && isYaml) return errorAt('YAML_SYNTAX', `${source}: the %YAML directive is given twice`, text, token.offset, { source });
      pending = { yaml: Boolean(pending?.yaml) || isYaml, offset: pending?.offset ?? token.offset };
    } else if (token.type === 'document') {
      if (pending && !token.start.some((t) => t.type === 'doc-start')) {
        return errorAt('YAML_SYNTAX', `${source}: directives must be followed by a "---" document start`, text, token.offset, { source });
      }
      pending = null;
    }
  }
  if (pending) return errorAt('YAML_SYNTAX', `${source}: directives without a document`, text, pending.offset, { source });
  return null;
}
