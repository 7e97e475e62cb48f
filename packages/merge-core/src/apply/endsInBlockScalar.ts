/** A block scalar header ending a line: `key: |`, `- >-`, `? |2`, `!!str |`, `&a >+ # note`, `|`. */
const HEADER = /(?:^|[:?-][ \t]+|[!&][^ \t]*[ \t]+)[|>][-+0-9]*[ \t]*(?:#.*)?$/;

/**
 * True when the last lines of `text` are the content of a `|` / `>` block scalar: some line ends
 * in a block scalar header and every non-blank line after it is indented deeper (one backward
 * pass, up to the last line at column 0). A plain value that merely ends in `>` or `|`
 * (`type: array<string>`) is no header.
 */
export function endsInBlockScalar(text: string): boolean {
  const lines = text.replace(/\r?\n$/, '').split(/\r?\n/);
  // the least indentation of the non-blank lines below the one looked at
  let below = Infinity;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    const content = line.trimStart();
    if (content === '') continue;
    const indent = line.length - content.length;
    if (below > indent && HEADER.test(content)) return true;
    below = Math.min(below, indent);
    if (indent === 0) return false;
  }
  return false;
}
