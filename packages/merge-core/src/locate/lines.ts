/** Offset of the start of the line containing `offset` (after a byte order mark on the first line). */
export function lineStart(text: string, offset: number): number {
  // (lastIndexOf reads a negative start as 0: a text opening with a line break would loop)
  const start = offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
  return start === 0 && offset > 0 && text.charCodeAt(0) === 0xfeff ? 1 : start;
}

/** Offset just past the line break ending the line that contains `offset` (or the text end). */
export function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
}

/** Column (0-based) of `offset` within its line. */
export function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** True when only spaces precede `offset` on its line. */
export function startsLine(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const ch = text[i];
    if (ch === '\n') return true;
    if (ch !== ' ' && ch !== '\t') return false;
  }
  return true;
}

export type LineKind = 'blank' | 'comment' | 'content';

/** Classifies the line starting at `start`: blank, comment-only, or content. */
export function lineKind(text: string, start: number): LineKind {
  let i = start;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  const ch = text[i];
  if (ch === undefined || ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) return 'blank';
  return ch === '#' ? 'comment' : 'content';
}

/** Number of leading spaces of the line starting at `start`. */
export function indentAt(text: string, start: number): number {
  let i = start;
  while (text[i] === ' ') i++;
  return i - start;
}

/** The line break the text uses (the first one found), `\n` by default. */
export function detectEol(text: string): '\n' | '\r\n' {
  const nl = text.indexOf('\n');
  return nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n';
}
