/** `key: {}` / `key: []` on a key line reads as `key:`: a collection emptied by removals. */
const EMPTIED = /:[ \t]*(\{\}|\[\])(?=[ \t]*(#.*)?$)/;

function normalize(line: string): string {
  return line.replace(EMPTIED, ':');
}

/** The first of `needles` that does not appear in `hay` in order (not necessarily adjacent), or null. */
export function firstMissing(needles: readonly string[], hay: readonly string[]): string | null {
  let j = 0;
  for (const line of hay) if (j < needles.length && line === needles[j]) j++;
  return j === needles.length ? null : needles[j]!;
}

/** What {@link linesKept} found. */
export interface LinesKept {
  /** How many lines of `before` were checked (not exempt). */
  checked: number;
  /** The first checked line that `after` lost (or moved out of order), or null when all survive. */
  missing: string | null;
}

/**
 * The byte-locality check at line granularity: every line of `before` that `exempt` does not
 * claim must appear in `after`, in the same order. Lines compare without their CR (appending after
 * a last line without a line break adds one), and a key line that reads `key: {}` or `key: []`
 * counts as `key:` (a collection emptied by several removals shows so). `exempt` gets each line
 * of `before` (without CR) and its 0-based index.
 */
export function linesKept(before: string, after: string, exempt: (line: string, index: number) => boolean): LinesKept {
  const kept = before
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((line, i) => !exempt(line, i))
    .map(normalize);
  return { checked: kept.length, missing: firstMissing(kept, after.split(/\r?\n/).map(normalize)) };
}
