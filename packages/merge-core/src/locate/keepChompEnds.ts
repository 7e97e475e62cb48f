import { isScalar, Scalar, visit } from 'yaml';
import type { ParsedFile } from '../parse/parseYaml.js';
import { lineEnd, lineKind } from './lines.js';

const cache = new WeakMap<ParsedFile, ReadonlySet<number>>();

/**
 * Offsets where a keep-chomped block scalar (`|+`, `>2+`, ...) ends: just past its last line,
 * its trailing blank lines included (they are part of its value). Any blank line that comes to
 * stand right after such an offset joins the value, so text written there must not start with
 * one (computed once per parsed file).
 */
export function keepChompEnds(file: ParsedFile): ReadonlySet<number> {
  let ends = cache.get(file);
  if (!ends) {
    const found = new Set<number>();
    for (const { doc } of file.documents) {
      visit(doc, {
        Scalar(_, node) {
          if (!isScalar(node) || !node.range || (node.type !== Scalar.BLOCK_LITERAL && node.type !== Scalar.BLOCK_FOLDED)) return;
          // the header: indicator, then an indentation digit and a chomping sign in either order
          if (/^[|>](?:[1-9]?\+|\+[1-9])/.test(file.text.slice(node.range[0], node.range[0] + 3))) found.add(node.range[1]);
        },
      });
    }
    cache.set(file, (ends = found));
  }
  return ends;
}

/** Offset just past the blank (empty or whitespace-only) lines starting at `from`. */
export function blankLinesEnd(text: string, from: number): number {
  let at = from;
  while (at < text.length && lineKind(text, at) === 'blank') at = lineEnd(text, at);
  return at;
}
