/** One line-level edit script entry: `=` kept, `-` only in a, `+` only in b. */
export interface DiffLine {
  kind: '=' | '-' | '+';
  text: string;
  /** 0-based line numbers in a and b (the position the line has, or would have). */
  a: number;
  b: number;
}

/** Splits a text into lines, each keeping its line break (the last may have none). */
export function splitLines(text: string): string[] {
  const lines = text.match(/[^\n]*\n|[^\n]+$/g);
  return lines ?? [];
}

/**
 * A shortest line edit script from `a` to `b` (Myers' O(ND) algorithm, after trimming the common
 * prefix and suffix). Fine for the file sizes a command line deals with.
 */
export function diffLines(a: readonly string[], b: readonly string[]): DiffLine[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const out: DiffLine[] = [];
  for (let i = 0; i < start; i++) out.push({ kind: '=', text: a[i]!, a: i, b: i });
  out.push(...myers(a, b, start, endA, start, endB));
  for (let i = endA, j = endB; i < a.length; i++, j++) out.push({ kind: '=', text: a[i]!, a: i, b: j });
  return out;
}

function myers(a: readonly string[], b: readonly string[], a0: number, a1: number, b0: number, b1: number): DiffLine[] {
  const n = a1 - a0;
  const m = b1 - b0;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[a0 + x] === b[b0 + y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk the trace backwards to recover the script.
  const script: DiffLine[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[offset + k - 1]! < vd[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : vd[offset + prevK]!;
    const prevY = d === 0 ? 0 : prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      script.push({ kind: '=', text: a[a0 + x]!, a: a0 + x, b: b0 + y });
    }
    if (d > 0) {
      if (x === prevX) script.push({ kind: '+', text: b[b0 + prevY]!, a: a0 + x, b: b0 + prevY });
      else script.push({ kind: '-', text: a[a0 + prevX]!, a: a0 + prevX, b: b0 + y });
    }
    x = prevX;
    y = prevY;
  }
  return script.reverse();
}

function range(start: number, count: number): string {
  return count === 1 ? `${start + 1}` : `${count === 0 ? start : start + 1},${count}`;
}

function showLine(prefix: string, text: string): string {
  return text.endsWith('\n') ? prefix + text : `${prefix}${text}\n\\ No newline at end of file\n`;
}

/**
 * A unified diff (`diff -u` format, `context` lines around each hunk) of two texts, or `''` when
 * they are identical. Lines ending in CRLF are shown with their CR kept.
 */
export function unifiedDiff(before: string, after: string, names: { a: string; b: string }, context = 3): string {
  if (before === after) return '';
  const script = diffLines(splitLines(before), splitLines(after));
  let out = `--- ${names.a}\n+++ ${names.b}\n`;
  let i = 0;
  while (i < script.length) {
    while (i < script.length && script[i]!.kind === '=') i++;
    if (i >= script.length) break;
    const start = Math.max(0, i - context);
    let end = i;
    // Extend the hunk while the next change is within 2*context kept lines.
    for (;;) {
      while (end < script.length && script[end]!.kind !== '=') end++;
      let next = end;
      while (next < script.length && script[next]!.kind === '=') next++;
      if (next < script.length && next - end <= 2 * context) end = next;
      else break;
    }
    const stop = Math.min(script.length, end + context);
    const hunk = script.slice(start, stop);
    const aCount = hunk.filter((l) => l.kind !== '+').length;
    const bCount = hunk.filter((l) => l.kind !== '-').length;
    const first = hunk[0]!;
    out += `@@ -${range(first.a, aCount)} +${range(first.b, bCount)} @@\n`;
    for (const l of hunk) out += showLine(l.kind === '=' ? ' ' : l.kind, l.text);
    i = stop;
  }
  return out;
}
