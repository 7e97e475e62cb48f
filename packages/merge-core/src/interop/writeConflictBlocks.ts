import { withBreaks, type ConflictBlock } from './conflictBlock.js';

/** How conflict blocks are written: git's `merge.conflictStyle` and marker labels. */
export interface MarkerStyle {
  /** Length of the `<`, `|`, `=`, `>` markers (git's `%L`). */
  markerSize: number;
  /** `diff3` (and git's `zdiff3`) add base's lines after a `|||||||` marker. */
  style: 'merge' | 'diff3';
  labels: { ours: string; base: string; theirs: string };
}

/** Which side each block resolves to when it is chosen instead of written with markers. */
export type Side = 'ours' | 'theirs';

/**
 * The merged text with each block written as `<<<<<<< ours` … [`||||||| base` …] `=======` …
 * `>>>>>>> theirs`, in git's format (a label follows its marker after one space; markers use the
 * text's line break). Blocks are sorted and do not overlap.
 */
export function writeConflictBlocks(mergedLines: readonly string[], blocks: readonly ConflictBlock[], marker: MarkerStyle): string {
  const eol = mergedLines[0]?.endsWith('\r\n') ? '\r\n' : '\n';
  const line = (ch: string, label: string | null) => ch.repeat(marker.markerSize) + (label ? ` ${label}` : '') + eol;
  const side = (lines: readonly string[]) => withLastBreak(lines, eol).join('');
  let out = '';
  let pos = 0;
  for (const b of blocks) {
    out += side(mergedLines.slice(pos, b.start));
    out += line('<', marker.labels.ours) + side(mergedLines.slice(b.start, b.end));
    if (marker.style === 'diff3') out += line('|', marker.labels.base) + side(b.base ?? []);
    out += line('=', null) + side(b.theirs) + line('>', marker.labels.theirs);
    pos = b.end;
  }
  return out + mergedLines.slice(pos).join('');
}

/** The merged text with every block resolved to one side (what a user gets by choosing it). */
export function resolveBlocks(mergedLines: readonly string[], blocks: readonly ConflictBlock[], choose: Side): string {
  const out: string[] = [];
  let pos = 0;
  for (const b of blocks) {
    out.push(...mergedLines.slice(pos, b.start));
    const lines = choose === 'ours' ? mergedLines.slice(b.start, b.end) : b.end < mergedLines.length ? withBreaks(b.theirs, mergedLines) : b.theirs;
    if (lines.length > 0 && out.length > 0) out.push(...withBreaks(out.splice(-1), mergedLines));
    out.push(...lines);
    pos = b.end;
  }
  out.push(...mergedLines.slice(pos));
  return out.join('');
}

function withLastBreak(lines: readonly string[], eol: string): string[] {
  const last = lines[lines.length - 1];
  if (last === undefined || last.endsWith('\n')) return [...lines];
  return [...lines.slice(0, -1), last + eol];
}
