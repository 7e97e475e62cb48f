/**
 * Dedents a template literal holding YAML: drops the first line break and the common
 * indentation, keeps everything else byte-for-byte (a final line break stays).
 */
export function y(strings: TemplateStringsArray, ...values: unknown[]): string {
  let text = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  text = text.replace(/^\n/, '').replace(/\n[ ]*$/, '\n');
  const lines = text.split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

/** Same text with CRLF line breaks. */
export function crlf(text: string): string {
  return text.replace(/\n/g, '\r\n');
}
