import type { Node } from 'yaml';
import { lineEnd, lineStart } from '../locate/lines.js';
import { resolvePath } from '../locate/resolvePath.js';
import type { Path } from '../model/path.js';
import type { ParsedFile } from '../parse/parseYaml.js';

/** A run of whole lines of a text: `[start, end)` offsets, `start` at a line start. */
export interface LineSpan {
  start: number;
  end: number;
}

/**
 * The whole lines holding the node at `path` (for a mapping entry: from its key through its
 * value and trailing comment; for a sequence element: from its `-` line), or `null` when the
 * path does not exist in the text. The root path spans the whole text.
 */
export function nodeLines(file: ParsedFile, path: Path): LineSpan | null {
  const found = resolvePath(file, path);
  if (found.kind !== 'found') return null;
  const { at } = found;
  const text = file.text;
  if (at.parent === null) {
    const range = at.document.doc.range;
    return { start: lineStart(text, range[0]), end: range[2] };
  }
  const node = at.node as Node | null;
  const key = at.pair?.key as Node | null | undefined;
  const from = key?.range?.[0] ?? node?.range?.[0];
  if (from === undefined) return null;
  const to = Math.max(node?.range?.[2] ?? 0, key?.range?.[2] ?? 0, from + 1);
  return { start: lineStart(text, from), end: lineEnd(text, to - 1) };
}
