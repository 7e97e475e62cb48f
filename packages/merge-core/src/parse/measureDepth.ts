/**
 * A cheap pre-scan guarding the recursive parser against absurd nesting: counts open flow
 * brackets and block indentation steps. Returns the offset where `maxDepth` is first exceeded,
 * or `null`. Quoted text and comments are skipped; the estimate errs towards accepting.
 */
export function measureDepth(text: string, maxDepth: number): number | null {
  let flow = 0;
  let quote: string | null = null;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      lineStart = true;
      indent = 0;
      if (quote === null) continue;
    }
    if (quote !== null) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (lineStart) {
      if (ch === ' ' || ch === '-') {
        indent++;
        if (flow === 0 && indent > maxDepth * 8) return i;
        continue;
      }
      lineStart = false;
    }
    if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const nl = text.indexOf('\n', i);
      if (nl === -1) break;
      i = nl - 1;
    } else if (ch === '[' || ch === '{') {
      if (++flow > maxDepth) return i;
    } else if (ch === ']' || ch === '}') {
      if (flow > 0) flow--;
    } else if ((ch === '"' || ch === "'") && (i === 0 || /[\s,[{:]/.test(text[i - 1]!))) {
      quote = ch;
    }
  }
  return null;
}
