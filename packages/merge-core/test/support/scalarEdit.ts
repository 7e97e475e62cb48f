import { isPair, isSeq, parseAllDocuments, visit, type Scalar } from 'yaml';
import { applyChanges, merge3, type MergeError } from '@revprov/merge-core';

/** The replacement value: needs quoting (`: `, ` #`, looks like a bool), so quoting may differ. */
export const NEW_VALUE = 'changed: yes #1';

export type ScalarEditOutcome =
  | { status: 'none' }
  | { status: 'local' }
  | { status: 'refused'; codes: string[] }
  | { status: 'failed'; reason: string; output?: string };

function toValues(text: string): unknown[] | string {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) return 'no documents';
  for (const d of docs) if (d.errors.length > 0) return d.errors.map((e) => e.message).join('; ');
  return docs.map((d) => d.toJS({ maxAliasCount: -1 }));
}

/** The first string scalar that is a mapping value or sequence item, with no anchor. */
export function firstStringScalar(text: string): Scalar | undefined {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) return undefined;
  let found: Scalar | undefined;
  for (const doc of docs) {
    if (doc.errors.length > 0) return undefined;
    visit(doc, {
      Scalar(key, node, path) {
        const parent = path[path.length - 1];
        const ok = (isPair(parent) && key === 'value') || isSeq(parent);
        if (ok && typeof node.value === 'string' && !node.anchor && node.range) {
          found = node;
          return visit.BREAK;
        }
        return undefined;
      },
    });
    if (found) return found;
  }
  return undefined;
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
  const theirs = text.slice(0, start) + JSON.stringify(NEW_VALUE) + tail + text.slice(end);
  const expected = toValues(theirs);
  if (typeof expected === 'string') return { status: 'failed', reason: `harness: theirs does not parse: ${expected}` };
  const cs = merge3({ base: text, ours: text, theirs });
  const refusedCodes = (errors: readonly MergeError[]): string[] => errors.filter((e) => e.code === 'UNSUPPORTED').map((e) => e.code);
  if (cs.errors.length > 0) {
    const codes = refusedCodes(cs.errors);
    if (codes.length === cs.errors.length) return { status: 'refused', codes };
    return { status: 'failed', reason: `merge3 errors: ${cs.errors.map((e) => `${e.code} ${e.message}`).join('; ')}` };
  }
  const out = applyChanges(text, cs);
  if (out.errors.length > 0) {
    const codes = refusedCodes(out.errors);
    if (codes.length === out.errors.length) return { status: 'refused', codes };
    return { status: 'failed', reason: `apply errors: ${out.errors.map((e) => `${e.code} ${e.message}`).join('; ')}` };
  }
  if (out.skipped.length > 0) return { status: 'failed', reason: `skipped: ${JSON.stringify(out.skipped)}`, output: out.text };
  const o = out.text;
  if (o.slice(0, start) !== text.slice(0, start)) return { status: 'failed', reason: 'bytes before the scalar changed', output: o };
  if (!o.endsWith(text.slice(end))) return { status: 'failed', reason: 'bytes after the scalar changed', output: o };
  const got = toValues(o);
  if (typeof got === 'string') return { status: 'failed', reason: `output does not parse: ${got}`, output: o };
  if (JSON.stringify(got) !== JSON.stringify(expected)) return { status: 'failed', reason: 'output value differs from theirs', output: o };
  return { status: 'local' };
}
