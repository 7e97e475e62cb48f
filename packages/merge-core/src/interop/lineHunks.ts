import { diffArrays } from 'diff';

/** Lines `[aStart, aEnd)` of one text that another has as its lines `[bStart, bEnd)`. */
export interface LineHunk {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/** Where `b` differs from `a`, line by line (a shortest edit script, jsdiff's Myers diff). */
export function lineHunks(a: readonly string[], b: readonly string[]): LineHunk[] {
  const out: LineHunk[] = [];
  let ai = 0;
  let bi = 0;
  let open: LineHunk | null = null;
  for (const part of diffArrays(a as string[], b as string[])) {
    const n = part.count ?? part.value.length;
    if (!part.added && !part.removed) {
      if (open) out.push(open);
      open = null;
      ai += n;
      bi += n;
      continue;
    }
    open ??= { aStart: ai, aEnd: ai, bStart: bi, bEnd: bi };
    if (part.removed) open.aEnd = ai += n;
    else open.bEnd = bi += n;
  }
  if (open) out.push(open);
  return out;
}

/** A line range of text `a` and, for each other text, the lines standing in its place. */
export interface Region {
  start: number;
  end: number;
  /** `[start, end)` in each other text, in the order of the hunk lists. */
  others: { start: number; end: number }[];
}

/**
 * The regions of `a` where any of the other texts differs (hunk lists of `lineHunks(a, other)`),
 * overlapping or touching hunks joined, with the matching line range of every other text.
 */
export function unionRegions(hunkLists: readonly LineHunk[][]): Region[] {
  const all = hunkLists.flat().sort((x, y) => x.aStart - y.aStart || x.aEnd - y.aEnd);
  const spans: { start: number; end: number }[] = [];
  for (const h of all) {
    const last = spans[spans.length - 1];
    if (last && h.aStart <= last.end) last.end = Math.max(last.end, h.aEnd);
    else spans.push({ start: h.aStart, end: h.aEnd });
  }
  return spans.map(({ start, end }) => ({
    start,
    end,
    others: hunkLists.map((hunks) => ({ start: start + shiftBefore(hunks, (h) => h.aStart < start), end: end + shiftBefore(hunks, (h) => h.aStart <= end) })),
  }));
}

/**
 * How many lines the other text gains over `a` through the hunks `before` selects. A region's
 * start sees the hunks that begin before it; its end also those that begin at it (touching hunks
 * belong to the region, so none begins inside another region).
 */
function shiftBefore(hunks: readonly LineHunk[], before: (h: LineHunk) => boolean): number {
  let shift = 0;
  for (const h of hunks) if (before(h)) shift += h.bEnd - h.bStart - (h.aEnd - h.aStart);
  return shift;
}
