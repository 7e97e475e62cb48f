import { applyChanges } from '../apply/applyChanges.js';
import type { Change } from '../model/change.js';
import { parseYamlFile } from '../parse/parseYaml.js';
import { baseText, holdsTheirs, lineOffsets, overlaps, splitLines, writtenByEngine, type BlockContext, type ConflictBlock } from './conflictBlock.js';
import { lineHunks, unionRegions, type Region } from './lineHunks.js';
import { localPath } from './localPath.js';
import { nodeLines, type LineSpan } from './nodeLines.js';
import { resolveBlocks } from './writeConflictBlocks.js';

/** Up to this many blocks, choosing theirs in each block alone is checked to parse. */
const CHECK_EACH_UP_TO = 32;
/** A block standing for 2 to this many conflicts is split into one block per conflict where they do not overlap. */
const SPLIT_UP_TO = 8;

/**
 * The blocks for all conflicts in one pass: the engine writes theirs for every conflict at once
 * (and, for diff3, base), and the blocks are the line regions where those texts differ from the
 * merged one, joined where one conflict's lines reach into several (a reordered list is one
 * block). Choosing theirs in every block gives exactly the engine's verified text; with few
 * blocks, choosing theirs in each one alone is checked to parse too. Returns the blocks and the
 * conflicts the engine would not write (they need blocks of their own), or `null` when the
 * one-pass texts cannot be made or a check fails (then each conflict gets its own block).
 */
export function blocksAtOnce(conflicts: readonly Change[], ctx: BlockContext): { blocks: ConflictBlock[]; refused: Change[] } | null {
  const theirs = applyChanges(ctx.merged, ctx.changeSet, conflicts.map((c) => c.id), ctx.options);
  if (theirs.errors.length > 0) return null;
  const done = new Set(theirs.applied);
  const written = conflicts.filter((c) => done.has(c.id));
  const refused = conflicts.filter((c) => !done.has(c.id));
  if (!holdsTheirs(theirs.text, written, ctx)) return null;
  const texts = [splitLines(theirs.text)];
  if (ctx.withBase) {
    const base = baseText(written, ctx);
    if (base === null) return null;
    texts.push(splitLines(base));
  }
  const regions = unionRegions(texts.map((t) => lineHunks(ctx.mergedLines, t)));
  const groups = groupByConflict(written, regions, ctx, texts[0]!);
  const blocks = groups.flatMap(({ first, last, members }): ConflictBlock[] => {
    const from = regions[first]!;
    const to = regions[last]!;
    const side = (k: number) => texts[k]!.slice(from.others[k]!.start, to.others[k]!.end);
    const joined = { members, start: from.start, end: to.end, theirs: side(0), base: ctx.withBase ? side(1) : null };
    return split(joined, ctx) ?? [joined];
  });
  if (blocks.length <= CHECK_EACH_UP_TO) {
    for (const b of blocks) {
      if (parseYamlFile(resolveBlocks(ctx.mergedLines, [b], 'theirs'), ctx.limits, 'chosen').errors.length > 0) return null;
    }
  }
  return { blocks, refused };
}

/**
 * Adjacent conflicts share a line region (git's line diff would join them too); when there are
 * few, each gets its own block if the engine writes them apart without overlap.
 */
function split(block: ConflictBlock, ctx: BlockContext): ConflictBlock[] | null {
  if (block.members.length < 2 || block.members.length > SPLIT_UP_TO) return null;
  const parts: ConflictBlock[] = [];
  for (const c of block.members) {
    const own = writtenByEngine([c], ctx);
    if (!own || own.start < block.start || own.end > block.end) return null;
    parts.push(own);
  }
  parts.sort((a, b) => a.start - b.start || a.end - b.end);
  return parts.every((p, i) => i === 0 || !overlaps(parts[i - 1]!, p)) ? parts : null;
}

/**
 * Consecutive runs of regions, one per block: regions that one conflict's node lines (in the
 * merged text or in theirs-at-once) reach into are joined, with everything between them.
 */
function groupByConflict(conflicts: readonly Change[], regions: readonly Region[], ctx: BlockContext, theirsLines: string[]): { first: number; last: number; members: Change[] }[] {
  const merged = parseYamlFile(ctx.merged, ctx.limits, 'merged');
  const theirs = parseYamlFile(theirsLines.join(''), ctx.limits, 'theirs');
  const toLines = lineSpanner(ctx.mergedLines);
  const toTheirLines = lineSpanner(theirsLines);
  // joinTo[i]: the last region that region i must be joined with
  const joinTo = regions.map((_, i) => i);
  const membersOf = regions.map((): Change[] => []);
  const inMerged = (c: Change) => localPath(c.path, merged.documents.map((d) => d.value), ctx.changeSet.documents, 'ours');
  const inTheirs = (c: Change) => localPath(c.path, theirs.documents.map((d) => d.value), ctx.changeSet.documents, 'ours');
  for (const c of conflicts) {
    const mPath = inMerged(c);
    const tPath = inTheirs(c);
    const m = mPath && nodeLines(merged, mPath);
    const t = tPath && nodeLines(theirs, tPath);
    const mLines = m && toLines(m);
    const tLines = t && toTheirLines(t);
    const hit = regions.flatMap((r, i) => ((mLines && meets(mLines, r)) || (tLines && meets(tLines, r.others[0]!)) ? [i] : []));
    const first = hit[0];
    const last = hit[hit.length - 1];
    if (first === undefined || last === undefined) continue;
    joinTo[first] = Math.max(joinTo[first]!, last);
    membersOf[first]!.push(c);
  }
  const groups: { first: number; last: number; members: Change[] }[] = [];
  for (let i = 0; i < regions.length; ) {
    let last = joinTo[i]!;
    const members = [...membersOf[i]!];
    for (let k = i + 1; k <= last; k++) {
      last = Math.max(last, joinTo[k]!);
      members.push(...membersOf[k]!);
    }
    groups.push({ first: i, last, members });
    i = last + 1;
  }
  return groups;
}

/** Do a node's lines and a region's lines meet (share a line; an empty range: touch)? */
function meets(node: LineSpan, r: LineSpan): boolean {
  if (r.start === r.end) return node.start <= r.start && r.start <= node.end;
  return node.start < r.end && r.start < node.end;
}

/** Converts a character span of a text (split into `lines`) to the range of lines it covers. */
function lineSpanner(lines: readonly string[]): (span: LineSpan) => LineSpan {
  const at = lineOffsets(lines);
  // the first index whose offset is at least `offset` (binary search; `at` ends with the length)
  const firstAtLeast = (offset: number) => {
    let lo = 0;
    let hi = at.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return (span) => {
    const start = firstAtLeast(span.start + 1) - 1;
    return { start: Math.max(0, start), end: Math.max(start + 1, firstAtLeast(span.end)) };
  };
}
