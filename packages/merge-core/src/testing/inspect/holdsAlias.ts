/** An alias token (`*name`) where a node may start: line start, after white space, `[`, `{` or `,`. */
const ALIAS = /(^|[\s[{,])\*[^\s,\]}]+/;

/** Where a quoted scalar may open: line start, after white space or a flow indicator. */
const QUOTE_OPENS_AFTER = /[\s[{,:-]/;

/**
 * The line's YAML tokens without the contents of quoted scalars (each replaced by `""`) and
 * without its comment. A comment starts at a `#` at line start or after white space, outside
 * quotes (`col#1` and `"a #b"` are text); a quote opens a scalar only where a node may start
 * (`it's` is plain text). One line at a time: a quoted scalar continued on the next line is not
 * followed (a continuation line is read as a line of its own).
 */
function tokensOf(line: string): string {
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    const prev = i === 0 ? ' ' : line[i - 1]!;
    if (ch === '#' && /\s/.test(prev)) break;
    if ((ch === '"' || ch === "'") && QUOTE_OPENS_AFTER.test(prev)) {
      let j = i + 1;
      for (; j < line.length; j++) {
        if (ch === '"' && line[j] === '\\') j++;
        else if (ch === "'" && line[j] === "'" && line[j + 1] === "'") j++;
        else if (line[j] === ch) break;
      }
      out += '""';
      i = j;
      continue;
    }
    out += ch;
  }
  return out;
}

/**
 * True when a line of YAML text holds an alias (`*name`) as a token: not inside a quoted scalar,
 * not in its comment. Laws exempt such lines, since editing an anchored node may write its value
 * out at an alias (issue 8, case 7: the anchor moves to the first alias that remains).
 */
export function holdsAlias(line: string): boolean {
  return ALIAS.test(tokensOf(line));
}
