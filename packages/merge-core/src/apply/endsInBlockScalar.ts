/** True when the last lines of `text` are the content of a `|` / `>` block scalar (one backward pass). */
export function endsInBlockScalar(text: string): boolean {
  const lines = text.replace(/\r?\n$/, '').split(/\r?\n/);
  let i = lines.length - 1;
  while (i >= 0 && (lines[i] === '' || /^[ \t]/.test(lines[i]!))) {
    if (/[|>][-+0-9]*[ \t]*(#.*)?$/.test(lines[i]!)) return true;
    i--;
  }
  return i >= 0 && /[|>][-+0-9]*[ \t]*(#.*)?$/.test(lines[i]!);
}
