import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type ParsedNode } from 'yaml';
import { errorAt, type MergeError } from '../model/errors.js';
import { setOwn, type JsonObject, type JsonValue } from '../model/json.js';
import type { ResolvedLimits } from '../model/options.js';

/**
 * The JSON value of a document. Keys are text (`String(scalar)`; complex keys as their YAML
 * text), `__proto__` & co. are ordinary own keys, aliases expand to their anchor's value with at
 * most `limits.maxAliasCount` expansions (an alias bomb is an `ALIAS_LIMIT` error, not a hang),
 * and nesting is bounded by `limits.maxDepth`. Non-JSON scalars are normalized: `.inf`/`.nan`
 * stay numbers, binary/dates (custom tags) become their source string.
 */
export function toJsonValue(
  doc: Document.Parsed<ParsedNode, true>,
  text: string,
  limits: ResolvedLimits,
  source: string,
): JsonValue | MergeError {
  let aliases = 0;
  const convert = (node: Node | null | undefined, depth: number, expanding: number): JsonValue | MergeError => {
    if (node === null || node === undefined) return null;
    if (depth > limits.maxDepth) {
      return errorAt('DEPTH_LIMIT', `${source} nests deeper than ${limits.maxDepth} levels`, text, (node as { range?: [number, number, number] }).range?.[0] ?? 0, { source });
    }
    if (isAlias(node)) {
      aliases++;
      if (aliases > limits.maxAliasCount) {
        return errorAt('ALIAS_LIMIT', `${source} expands more than ${limits.maxAliasCount} aliases (limits.maxAliasCount); possible alias bomb`, text, node.range?.[0] ?? 0, { source });
      }
      const target = node.resolve(doc);
      if (!target) return errorAt('YAML_SYNTAX', `${source}: unresolved alias *${node.source}`, text, node.range?.[0] ?? 0, { source });
      return convert(target, depth, expanding + 1);
    }
    if (isScalar(node)) return scalarValue(node.value);
    if (isMap(node)) {
      const out: JsonObject = {};
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null;
        const key = isScalar(keyNode) ? String(keyNode.value) : keyNode === null ? '' : String(keyNode);
        const value = convert(pair.value as Node | null, depth + 1, expanding);
        if (value instanceof Error) return value;
        setOwn(out, key, value);
      }
      return out;
    }
    if (isSeq(node)) {
      const out: JsonValue[] = [];
      for (const item of node.items) {
        const value = convert(item as Node | null, depth + 1, expanding);
        if (value instanceof Error) return value;
        out.push(value);
      }
      return out;
    }
    return null;
  };
  return convert(doc.contents as Node | null, 0, 0);
}

function scalarValue(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Array.from(value).join(',');
  return String(value);
}
