import { parseAllDocuments, type Document, type ParsedNode } from 'yaml';
import { errorAt, MergeError } from '../model/errors.js';
import type { JsonValue } from '../model/json.js';
import { resolveOptions, type MergeOptions, type ResolvedLimits } from '../model/options.js';
import { checkDirectives } from './checkDirectives.js';
import { measureDepth } from './measureDepth.js';
import { toJsonValue } from './toJsonValue.js';

/** One YAML document of a file, with its composed AST (source ranges kept) and its JSON value. */
export interface ParsedDocument {
  doc: Document.Parsed<ParsedNode, true>;
  value: JsonValue;
  /** Position among the file's documents. */
  index: number;
}

/** A checked parse of a whole text: either documents, or the errors that stopped it. */
export interface ParsedFile {
  text: string;
  documents: ParsedDocument[];
  errors: MergeError[];
}

/**
 * Parses a YAML text (all its documents) with the engine's guards and returns the JSON value of
 * each document, or typed errors (syntax with line/column, duplicate keys, alias bombs, depth,
 * size), or an `INVALID_ARGUMENT` error for a source that is not a string. Never throws.
 */
export function parseYaml(source: string, options?: MergeOptions): { values: JsonValue[]; errors: MergeError[] } {
  const resolved = resolveOptions(options);
  if (resolved instanceof MergeError) return { values: [], errors: [resolved] };
  const parsed = parseYamlFile(source, resolved.limits, 'source');
  return { values: parsed.documents.map((d) => d.value), errors: parsed.errors };
}

const cache = new Map<string, ParsedFile>();
const CACHE_SIZE = 4;

/**
 * Parses `text` into documents with the guards the engine relies on: size limit, nesting depth,
 * alias expansion, duplicate keys and syntax errors all come back as typed `MergeError`s with a
 * line and column (`source` names the input in messages); a `text` that is not a string is an
 * `INVALID_ARGUMENT` error. Never throws.
 * Results are memoized for the last few texts, since one merge reads the same input in several
 * phases; callers must treat the result as immutable.
 */
export function parseYamlFile(text: string, limits: ResolvedLimits, source = 'input'): ParsedFile {
  if (typeof text !== 'string') {
    const got = text === null ? 'null' : Array.isArray(text) ? 'an array' : typeof text;
    return { text: '', documents: [], errors: [new MergeError('INVALID_ARGUMENT', `${source} must be a string (a YAML text), not ${got}`, { path: source, source })] };
  }
  // only clean parses are shared (errors name the input they came from)
  const key = `${limits.maxBytes}:${limits.maxAliasCount}:${limits.maxDepth}\u0000${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const parsed = parseUncached(text, limits, source);
  if (parsed.errors.length > 0) return parsed;
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, parsed);
  return parsed;
}

function parseUncached(text: string, limits: ResolvedLimits, source: string): ParsedFile {
  const fail = (error: MergeError): ParsedFile => ({ text, documents: [], errors: [error] });
  if (text.length > limits.maxBytes) {
    return fail(new MergeError('SIZE_LIMIT', `${source} is ${text.length} characters, over the limit of ${limits.maxBytes} (limits.maxBytes)`, { source }));
  }
  const depth = measureDepth(text, limits.maxDepth);
  if (depth !== null) {
    return fail(errorAt('DEPTH_LIMIT', `${source} nests deeper than ${limits.maxDepth} levels (limits.maxDepth)`, text, depth, { source }));
  }
  const directiveError = checkDirectives(text, source);
  if (directiveError) return fail(directiveError);
  let docs: Document.Parsed<ParsedNode, true>[];
  try {
    const all = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false });
    docs = Array.isArray(all) ? all : [all as unknown as Document.Parsed<ParsedNode, true>];
  } catch (err) {
    return fail(new MergeError('YAML_SYNTAX', `${source} could not be parsed: ${(err as Error).message}`, { source }));
  }
  const errors: MergeError[] = [];
  for (const doc of docs) {
    for (const e of doc.errors) {
      const code = e.code === 'DUPLICATE_KEY' ? 'DUPLICATE_KEY' : 'YAML_SYNTAX';
      const first = e.message.split('\n')[0] ?? e.message;
      errors.push(errorAt(code, `${source}: ${first}`, text, e.pos[0], { source }));
    }
  }
  if (errors.length > 0) return { text, documents: [], errors };
  const documents: ParsedDocument[] = [];
  for (let index = 0; index < docs.length; index++) {
    const doc = docs[index]!;
    const value = toJsonValue(doc, text, limits, source);
    if (value instanceof MergeError) return fail(value);
    documents.push({ doc, value, index });
  }
  return { text, documents, errors };
}
