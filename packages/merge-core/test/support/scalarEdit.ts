import { isPair, isScalar, isSeq, parseAllDocuments, visit, type Scalar } from 'yaml';
import { applyChanges, merge3, type MergeError } from '@revprov/merge-core';

/** The replacement value: needs quoting (`: `, ` #`, looks like a bool), so quoting may differ. */
export const NEW_VALUE = 'changed: yes #1';

export type ScalarEditOutcome =
  | { status: 'none' }
  | { status: 'local' }
  | { status: 'refused'; codes: string[] }
  | { status: 'failed'; reason: string; output?: string };

/**
 * The documents' values as the `yaml` library reads them. Mappings are read as `Map`s and then
 * made plain objects here, a key that is not a string named by its JSON text: so a collection
 * used as a key is compared by value, and yaml never stringifies one (with a warning).
 */
function toValues(text: string): unknown[] | string {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) return 'no documents';
  for (const d of docs) if (d.errors.length > 0) return d.errors.map((e) => e.message).join('; ');
  return docs.map((d) => plain(d.toJS({ maxAliasCount: -1, mapAsMap: true })));
}

function plain(value: unknown): unknown {
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of value) Object.defineProperty(out, typeof k === 'string' ? k : JSON.stringify(plain(k)), { value: plain(v), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return Array.isArray(value) ? value.map(plain) : value;
}

/** Keys whose value is an element identity: changing one is a remove + add, not a scalar edit. */
const IDENTITY_KEYS = new Set(['name', 'id', 'key', 'tagFQN', 'url', 'title']);

/**
 * The first string scalar (no anchor) that is a mapping value under a plain non-identity key;
 * failing that, the first string item of a sequence.
 */
export function firstStringScalar(text: string): Scalar | undefined {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) return undefined;
  let inMap: Scalar | undefined;
  let inSeq: Scalar | undefined;
  for (const doc of docs) {
    if (doc.errors.length > 0) return undefined;
    visit(doc, {
      Scalar(key, node, path) {
        const parent = path[path.length - 1];
        if (typeof node.value !== 'string' || node.anchor || !node.range) return undefined;
        // never a scalar inside a (complex) mapping key
        for (let i = 0; i < path.length - 1; i++) {
          const p = path[i];
          if (isPair(p) && p.key === path[i + 1]) return undefined;
        }
        if (isPair(parent) && key === 'value' && isScalar(parent.key) && !IDENTITY_KEYS.has(String(parent.key.value))) {
          inMap ??= node;
          pairValues.add(node);
        } else if (isSeq(parent)) inSeq ??= node;
        return inMap ? visit.BREAK : undefined;
      },
    });
    if (inMap) return inMap;
  }
  return inSeq;
}

const pairValues = new WeakSet<Scalar>();

function isPairValue(_text: string, node: Scalar): boolean {
  return pairValues.has(node);
}

/**
 * Changes the first string scalar of `text` to `NEW_VALUE` through merge3 (theirs = the text with
 * that scalar spliced to a double-quoted string) and applyChanges, then checks that only that
 * scalar's bytes changed and that the output parses to the expected value.
 */
export function singleScalarEdit(text: string): ScalarEditOutcome {
  const node = firstStringScalar(text);
  if (!node?.range) return { status: 'none' };
  const [start, end] = node.range;
  const tail = text[end - 1] === '\n' && text.slice(start, end).includes('\n') ? '\n' : '';
  const sep = start > 0 && !/\s/.test(text[start - 1]!) ? ' ' : '';
  const theirs = text.slice(0, start) + sep + JSON.stringify(NEW_VALUE) + tail + text.slice(end);
  const cs = merge3({ base: text, ours: text, theirs });
  // typed refusals: a construct the engine does not rewrite, keys that YAML holds equal
  const refusedCodes = (errors: readonly MergeError[]): string[] => errors.filter((e) => e.code === 'UNSUPPORTED' || e.code === 'DUPLICATE_KEY').map((e) => e.code);
  if (cs.errors.length > 0) {
    const codes = refusedCodes(cs.errors);
    if (codes.length === cs.errors.length) return { status: 'refused', codes };
    return { status: 'failed', reason: `merge3 errors: ${cs.errors.map((e) => `${e.code} ${e.message}`).join('; ')}` };
  }
  const expected = toValues(theirs);
  if (typeof expected === 'string') return { status: 'failed', reason: `harness: theirs does not parse: ${expected}` };
  const out = applyChanges(text, cs);
  if (out.errors.length > 0) {
    const codes = refusedCodes(out.errors);
    if (codes.length === out.errors.length) return { status: 'refused', codes };
    return { status: 'failed', reason: `apply errors: ${out.errors.map((e) => `${e.code} ${e.message}`).join('; ')}` };
  }
  if (out.skipped.length > 0 && out.skipped.every((x) => x.reason.startsWith('UNSUPPORTED'))) {
    return { status: 'refused', codes: ['UNSUPPORTED'] };
  }
  if (out.skipped.length > 0) return { status: 'failed', reason: `skipped: ${JSON.stringify(out.skipped)}`, output: out.text };
  const o = out.text;
  // the node's own properties (a tag before it) belong to its span
  const props = node.tag ? /!\S*\s+$/.exec(text.slice(0, start)) : null;
  const from = props ? props.index : start;
  // a sequence item is matched by value: replacing it is remove + add, which takes its comment along
  const inSeq = !isPairValue(text, node);
  const to = inSeq ? end + /^[ \t]*(#[^\r\n]*)?/.exec(text.slice(end))![0].length : end;
  if (o.slice(0, from) !== text.slice(0, from)) return { status: 'failed', reason: 'bytes before the scalar changed', output: o };
  if (!o.endsWith(text.slice(to))) return { status: 'failed', reason: 'bytes after the scalar changed', output: o };
  const got = toValues(o);
  if (typeof got === 'string') return { status: 'failed', reason: `output does not parse: ${got}`, output: o };
  if (JSON.stringify(got) !== JSON.stringify(expected)) return { status: 'failed', reason: 'output value differs from theirs', output: o };
  return { status: 'local' };
}
