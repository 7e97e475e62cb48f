import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type ParsedNode } from 'yaml';
import { errorAt, type MergeError } from '../model/errors.js';
import { hasOwn, isJsonObject, setOwn, type JsonObject, type JsonValue } from '../model/json.js';
import type { ResolvedLimits } from '../model/options.js';
import { keyText, recordComplexKey } from './keyText.js';

/**
 * The JSON value of a document. Keys are text as `keyText` reads them (a collection used as a key
 * is the JSON text of its value); two keys of one mapping that read as the same text (`1` and
 * `"1"`, `true` and `"true"`, `null` and `"null"`, `[a]` and `[ a ]`) are a `DUPLICATE_KEY`
 * error, so distinct keys never collapse into one. YAML 1.1 merge keys (`<<` under `%YAML 1.1`) merge their mappings in, keys
 * of the mapping itself winning. `__proto__` & co. are ordinary own keys, aliases expand to their
 * anchor's value with at most `limits.maxAliasCount` expansions (an alias bomb is an
 * `ALIAS_LIMIT` error, not a hang), and nesting is bounded by `limits.maxDepth`. Non-JSON scalars
 * are normalized: `.inf`/`.nan` stay numbers, binary/dates (custom tags) become their source string.
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
      const written = new Map<string, Node | null>();
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null;
        let key = keyText(keyNode, doc);
        const at = keyNode?.range?.[0] ?? node.range?.[0] ?? 0;
        if (key.kind === 'complex') {
          const keyValue = convert(key.node, depth + 1, expanding);
          if (keyValue instanceof Error) return keyValue;
          recordComplexKey(key.node, JSON.stringify(keyValue));
          key = keyText(keyNode, doc);
          if (key.kind !== 'text') return errorAt('UNSUPPORTED', `${source}: a mapping key the engine cannot read`, text, at, { source });
        }
        const value = convert(pair.value as Node | null, depth + 1, expanding);
        if (value instanceof Error) return value;
        if (key.kind === 'merge') {
          const merged = mergeInto(out, value);
          if (merged !== null) return errorAt('YAML_SYNTAX', `${source}: a merge key (<<) needs a mapping or a list of mappings, not ${merged}`, text, at, { source });
          continue;
        }
        const earlier = written.get(key.text);
        if (earlier !== undefined) {
          const spell = (n: Node | null): string => (n?.range ? text.slice(n.range[0], n.range[1]) : '(empty)');
          return errorAt('DUPLICATE_KEY', `${source}: the keys ${spell(earlier)} and ${spell(keyNode)} of one mapping read as the same text ${JSON.stringify(key.text)}`, text, at, { source });
        }
        written.set(key.text, keyNode);
        setOwn(out, key.text, value);
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

/**
 * Merges the value of a `<<` entry into `out` (YAML 1.1 merge keys): a mapping, or a list of
 * mappings of which the earlier win; keys `out` already has are kept. Returns what the value was
 * instead when it is not mergeable, else `null`.
 */
function mergeInto(out: JsonObject, value: JsonValue): string | null {
  const sources = Array.isArray(value) ? value : [value];
  for (const source of sources) if (!isJsonObject(source)) return source === null ? 'null' : Array.isArray(source) ? 'a list' : 'a scalar';
  for (const source of sources as JsonObject[]) {
    for (const k of Object.keys(source)) if (!hasOwn(out, k)) setOwn(out, k, source[k]!);
  }
  return null;
}
