import { FILE_HEADERS_ONLY, formatPatch, structuredPatch } from 'diff';
import type { Style } from './style.js';

/**
 * A unified diff (`diff -u` format, 3 lines of context) of two texts, computed by jsdiff, or `''`
 * when they are identical. With colour, like `git diff`: bold file headers, cyan hunk headers,
 * red removed and green added lines. A line's CR (CRLF files) is kept as part of the line.
 */
export function unifiedDiff(before: string, after: string, names: { a: string; b: string }, style: Style): string {
  if (before === after) return '';
  const text = formatPatch(structuredPatch(names.a, names.b, before, after, undefined, undefined, { context: 3 }), FILE_HEADERS_ONLY);
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((line, i) => paint(line, i < 2, style) + '\n').join('');
}

function paint(line: string, header: boolean, style: Style): string {
  if (header) return style.bold(line);
  switch (line[0]) {
    case '@':
      return style.cyan(line);
    case '-':
      return style.red(line);
    case '+':
      return style.green(line);
    default:
      return line;
  }
}
