import { applyChanges } from '../apply/applyChanges.js';
import { merge3 } from '../diff/merge3.js';
import type { Change } from '../model/change.js';
import { MergeError } from '../model/errors.js';
import { resolveOptions, type MergeOptions, type ResolvedOptions } from '../model/options.js';
import { parseYamlFile } from '../parse/parseYaml.js';
import { blocksAtOnce } from './blocksAtOnce.js';
import { blockFor, overlaps, splitLines, type BlockContext, type ConflictBlock } from './conflictBlock.js';
import { refusedChanges } from './refusedChanges.js';
import { resolveBlocks, writeConflictBlocks } from './writeConflictBlocks.js';

/** Options of `mergeWithConflictBlocks`, on top of the merge options. */
export interface ConflictBlockOptions extends MergeOptions {
  /** Length of the `<`, `|`, `=`, `>` markers (git's `%L`). Default 7. */
  markerSize?: number;
  /**
   * `merge` (default): ours' and theirs' lines; `diff3` (git's `merge.conflictStyle=diff3`, also
   * used for `zdiff3`): base's lines too, after a `|||||||` marker.
   */
  conflictStyle?: 'merge' | 'diff3';
  /**
   * Labels after the markers (git's `%X`, `%S`, `%Y`). Defaults `ours`, `base`, `theirs`; an empty
   * label leaves the marker alone.
   */
  labels?: { ours?: string; base?: string; theirs?: string };
}

/** The outcome of a three-way merge written as one text. */
export interface MergedText {
  /**
   * Ours with every clean change applied and, for each conflict and each refused change, a
   * git-style block (`<<<<<<< ours` … `=======` … `>>>>>>> theirs`) around just the lines that
   * differ. Equals `ours` when `errors` is non-empty.
   */
  text: string;
  /** The conflicting changes. */
  conflicts: Change[];
  /**
   * Clean changes the engine refused to write (its own check failed, an unsupported construct),
   * with the reason. Each is written as a conflict block too, never silently left out.
   */
  skipped: { id: string; reason: string }[];
  /** Inputs that could not be read (YAML syntax, limits, ...) or an apply failure. */
  errors: MergeError[];
}

/**
 * A three-way merge for tools that need one text, such as a git merge driver: `merge3`, apply all
 * clean changes to ours, then write a conflict block for each conflict and each clean change the
 * engine refused. `text` is valid YAML exactly when `conflicts` and `skipped` are both empty.
 *
 * A block holds only the lines where taking theirs differs from the merged text: theirs' sides
 * are written by the engine (ours with the conflicts taken from theirs, verified), so choosing
 * theirs everywhere gives the engine's checked text, choosing either side of a block gives a text
 * that parses (separators in flow collections included; checked block by block up to 32 blocks,
 * beyond that for all blocks at once), and every clean change stays outside the blocks or on both
 * sides. The lines one conflict reaches (a reordered list) are one block. Where the engine cannot
 * write theirs' side, the block holds the lines of the deepest node both texts have (at worst the
 * whole text). Overlapping blocks are joined; every byte of ours outside the blocks is kept.
 * Cost: a constant number of engine passes plus one line diff, whatever the number of conflicts.
 * Inputs that cannot be read and malformed options (`INVALID_ARGUMENT`) come back as `errors`
 * with `ours` as the text; nothing is thrown.
 */
export function mergeWithConflictBlocks(input: { base: string; ours: string; theirs: string }, options: ConflictBlockOptions = {}): MergedText {
  const changeSet = merge3(input, options);
  const invalid = changeSet.errors.length > 0 ? changeSet.errors : blockOptionsProblem(options ?? {});
  if (invalid.length > 0) return { text: typeof input === 'object' && input !== null ? input.ours : '', conflicts: [], skipped: [], errors: invalid };
  const clean = changeSet.changes.filter((c) => c.status === 'clean');
  const applied = applyChanges(input.ours, changeSet, clean.map((c) => c.id), options);
  if (applied.errors.length > 0) return { text: input.ours, conflicts: [], skipped: [], errors: applied.errors };
  const conflicts = changeSet.changes.filter((c) => c.status === 'conflict');
  const refused = refusedChanges(clean, applied);
  if (conflicts.length === 0 && refused.length === 0) return { text: applied.text, conflicts, skipped: [], errors: [] };
  const limits = (resolveOptions(options) as ResolvedOptions).limits;
  const style = options.conflictStyle ?? 'merge';
  const ctx: BlockContext = {
    changeSet,
    merged: applied.text,
    mergedLines: splitLines(applied.text),
    theirs: input.theirs,
    base: input.base,
    withBase: style === 'diff3',
    limits,
    options,
  };
  const atOnce = conflicts.length > 0 ? blocksAtOnce(conflicts, ctx) : null;
  const own = [...(atOnce ? atOnce.refused : conflicts), ...refused.map((r) => r.change)];
  const blocks = joinOverlapping([...(atOnce?.blocks ?? []), ...own.map((c) => blockFor([c], ctx, null))], ctx);
  const text = writeConflictBlocks(ctx.mergedLines, blocks, {
    markerSize: options.markerSize ?? 7,
    style,
    labels: { ours: options.labels?.ours ?? 'ours', base: options.labels?.base ?? 'base', theirs: options.labels?.theirs ?? 'theirs' },
  });
  return { text, conflicts, skipped: refused.map((r) => ({ id: r.change.id, reason: r.reason })), errors: [] };
}

/**
 * Joins blocks that share lines until none do, then checks that choosing theirs in every block at
 * once still parses; if it does not, one block stands for all of them.
 */
function joinOverlapping(blocks: ConflictBlock[], ctx: BlockContext): ConflictBlock[] {
  let out = [...blocks].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 0; i + 1 < out.length; ) {
    const a = out[i]!;
    const b = out[i + 1]!;
    if (!overlaps(a, b)) {
      i++;
      continue;
    }
    const joined = blockFor([...a.members, ...b.members], ctx, { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) });
    out = [...out.slice(0, i), joined, ...out.slice(i + 2)].sort((x, y) => x.start - y.start || x.end - y.end);
    i = 0;
  }
  if (out.length > 1 && parseYamlFile(resolveBlocks(ctx.mergedLines, out, 'theirs'), ctx.limits, 'chosen').errors.length > 0) {
    const all = out.flatMap((b) => b.members);
    return [blockFor(all, ctx, { start: out[0]!.start, end: Math.max(...out.map((b) => b.end)) })];
  }
  return out;
}

/** The conflict-block options' own problems (`markerSize`, `conflictStyle`, `labels`), as errors. */
function blockOptionsProblem(options: ConflictBlockOptions): MergeError[] {
  const fail = (name: string, message: string) => [new MergeError('INVALID_ARGUMENT', `options.${name} ${message}`, { path: `options.${name}` })];
  const { markerSize, conflictStyle, labels } = options;
  if (markerSize !== undefined && !(Number.isSafeInteger(markerSize) && markerSize >= 1 && markerSize <= 1024)) return fail('markerSize', 'must be an integer from 1 to 1024');
  if (conflictStyle !== undefined && conflictStyle !== 'merge' && conflictStyle !== 'diff3') return fail('conflictStyle', 'must be "merge" or "diff3"');
  if (labels === undefined) return [];
  if (typeof labels !== 'object' || labels === null) return fail('labels', 'must be an object { ours, base, theirs } of strings');
  for (const side of ['ours', 'base', 'theirs'] as const) {
    if (labels[side] !== undefined && typeof labels[side] !== 'string') return fail(`labels.${side}`, 'must be a string');
  }
  return [];
}
