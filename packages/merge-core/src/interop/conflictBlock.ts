import { applyChanges } from '../apply/applyChanges.js';
import { applyEdits } from '../apply/applyEdits.js';
import type { Edit } from '../apply/edit.js';
import { valueAt } from '../diff/valueAt.js';
import type { Change, ChangeSet } from '../model/change.js';
import { jsonEqual, type JsonValue } from '../model/json.js';
import type { MergeOptions, ResolvedLimits } from '../model/options.js';
import type { Path, PathSegment } from '../model/path.js';
import { parseYamlFile, type ParsedFile } from '../parse/parseYaml.js';
import { matchesMany } from '../locate/findIn.js';
import { localPath } from './localPath.js';
import { nodeLines, type LineSpan } from './nodeLines.js';

/**
 * One conflict block: lines `[start, end)` of the merged text (ours with every clean change) that
 * the block replaces, and the lines shown for the other sides. Choosing `theirs` for this block
 * alone gives a text that parses and holds theirs' value for every member change.
 */
export interface ConflictBlock {
  /** The changes this block stands for (conflicts, or clean changes the engine refused to write). */
  members: Change[];
  start: number;
  end: number;
  /** Theirs' side: whole lines, each with its line break (the last one may lack it). */
  theirs: string[];
  /** Base's side (only computed for the diff3 style), else `null`. */
  base: string[] | null;
}

/** What every block of one merge is computed against. */
export interface BlockContext {
  changeSet: ChangeSet;
  merged: string;
  mergedLines: string[];
  theirs: string;
  base: string;
  withBase: boolean;
  limits: ResolvedLimits;
  options: MergeOptions;
}

/** Splits a text into lines, each keeping its line break (the last may have none). */
export function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/**
 * The block for `members`: where possible the engine itself writes theirs' side (ours with the
 * members taken from theirs, verified), so the block holds exactly the lines that differ and both
 * sides parse when chosen, separators of flow collections included. When the engine refuses a
 * member, the block falls back to the whole lines of the deepest node that both texts have,
 * widened until choosing theirs parses and gives theirs' value there (at worst, the whole text).
 * `cover` is a line range the block must contain (when overlapping blocks are joined).
 */
export function blockFor(members: Change[], ctx: BlockContext, cover: LineSpan | null): ConflictBlock {
  const block = writtenByEngine(members, ctx);
  if (block && (cover === null || (block.start <= cover.start && block.end >= cover.end))) return block;
  return nodeBlock(members, ctx, cover);
}

/** True when two blocks cannot be written separately (they share lines, or both insert at one point). */
export function overlaps(a: ConflictBlock, b: ConflictBlock): boolean {
  if (a.start === a.end || b.start === b.end) return b.start <= a.end && a.start <= b.end;
  return b.start < a.end && a.start < b.end;
}

export function writtenByEngine(members: Change[], ctx: BlockContext): ConflictBlock | null {
  const ids = members.map((c) => c.id);
  const theirs = applyChanges(ctx.merged, ctx.changeSet, ids, ctx.options);
  if (theirs.errors.length > 0 || theirs.skipped.length > 0 || theirs.text === ctx.merged) return null;
  if (!holdsTheirs(theirs.text, members, ctx)) return null;
  const sides = [splitLines(theirs.text)];
  if (ctx.withBase) {
    const base = baseText(members, ctx);
    if (base === null) return null;
    sides.push(splitLines(base));
  }
  const { start, end, parts } = differingLines(ctx.mergedLines, sides);
  return { members, start, end, theirs: parts[0]!, base: ctx.withBase ? parts[1]! : null };
}

/**
 * Does `text` hold theirs' value at each change's path? A second look at the engine's text before
 * it becomes a block's theirs side (a reordering is left to the engine's own check).
 */
export function holdsTheirs(text: string, changes: readonly Change[], ctx: BlockContext): boolean {
  const parsed = parseYamlFile(text, ctx.limits, 'theirs');
  if (parsed.errors.length > 0) return false;
  const values = parsed.documents.map((d) => d.value);
  return changes.every((c) => {
    if (c.kind === 'move') return true;
    const path = localPath(c.path, values, ctx.changeSet.documents, 'ours');
    return path !== null && jsonEqual(valueAt(values, path), c.kind === 'remove' ? undefined : c.theirs);
  });
}

/** The merged text with each member's path set back to its base value, or `null` if that fails. */
export function baseText(members: Change[], ctx: BlockContext): string | null {
  const values = parseYamlFile(ctx.merged, ctx.limits, 'merged').documents.map((d) => d.value);
  const edits: Edit[] = [];
  for (const c of members) {
    const path = localPath(c.path, values, ctx.changeSet.documents, 'ours');
    if (path === null) return null;
    if (c.kind === 'move') {
      if (!Array.isArray(c.base)) continue;
      const field = c.field ?? null;
      const order = c.base.map((id): PathSegment => (field === null ? { kind: 'value', value: String(id) } : { kind: 'keyed', key: field, value: String(id) }));
      edits.push({ op: 'order', path, order });
    } else if (c.base === undefined) {
      if (valueAt(values, path) !== undefined) edits.push({ op: 'remove', path });
    } else {
      // an entry ours removed comes back where taking theirs puts it (see `Change.after`)
      edits.push(c.after === undefined ? { op: 'set', path, value: c.base } : { op: 'set', path, value: c.base, after: c.after });
    }
  }
  if (edits.length === 0) return ctx.merged;
  const result = applyEdits(ctx.merged, edits, ctx.options);
  return result.errors.length > 0 || result.applied.length !== edits.length ? null : result.text;
}

/** The lines of `lines` between the prefix and suffix it shares with every one of `others`. */
function differingLines(lines: string[], others: string[][]): { start: number; end: number; parts: string[][] } {
  let prefix = 0;
  while (prefix < lines.length && others.every((o) => o[prefix] === lines[prefix])) prefix++;
  const room = Math.min(lines.length, ...others.map((o) => o.length)) - prefix;
  let suffix = 0;
  while (suffix < room && others.every((o) => o[o.length - 1 - suffix] === lines[lines.length - 1 - suffix])) suffix++;
  return { start: prefix, end: lines.length - suffix, parts: others.map((o) => o.slice(prefix, o.length - suffix)) };
}

function nodeBlock(members: Change[], ctx: BlockContext, cover: LineSpan | null): ConflictBlock {
  const merged = parseYamlFile(ctx.merged, ctx.limits, 'merged');
  const theirs = parseYamlFile(ctx.theirs, ctx.limits, 'theirs');
  const base = ctx.withBase ? parseYamlFile(ctx.base, ctx.limits, 'base') : null;
  const common = commonPrefix(members.map((c) => c.path));
  const onlyRemoves = members.every((c) => c.kind === 'remove' && c.path.length === common.length);
  const offsets = lineOffsets(ctx.mergedLines);
  const added = newDocument(common, merged, theirs, ctx, cover);
  if (added) return { members, ...added, base: ctx.withBase ? [] : null };
  const docs = ctx.changeSet.documents;
  const mergedValues = merged.documents.map((d) => d.value);
  const theirsValues = theirs.documents.map((d) => d.value);
  // a list where ours repeats the identity a member names: the block holds the whole list
  const top = Math.min(common.length, ...members.map((c) => repeatedStep(c.path, mergedValues, docs)));
  for (let depth = top; depth > 0; depth--) {
    const path = common.slice(0, depth);
    const inMerged = localPath(path, mergedValues, docs, 'ours');
    const inTheirs = localPath(path, theirsValues, docs, 'theirs');
    const ours = inMerged && nodeLines(merged, inMerged);
    const their = inTheirs && nodeLines(theirs, inTheirs);
    if (!ours || (!their && !(onlyRemoves && depth === common.length))) continue;
    const start = offsets.filter((o) => o <= ours.start).length - 1;
    const end = offsets.findIndex((o) => o >= ours.end);
    if (cover && (start > cover.start || end < cover.end)) continue;
    const theirsLines = their ? splitLines(ctx.theirs.slice(their.start, their.end)) : [];
    if (!choosesTheirs(ctx, theirs, path, inTheirs, start, end, theirsLines)) continue;
    const baseSpan = base && nodeLines(base, path);
    const baseLines = base === null ? null : baseSpan ? splitLines(ctx.base.slice(baseSpan.start, baseSpan.end)) : [];
    return { members, start, end, theirs: theirsLines, base: baseLines };
  }
  // The whole text: choosing theirs gives theirs exactly.
  return { members, start: 0, end: ctx.mergedLines.length, theirs: splitLines(ctx.theirs), base: ctx.withBase ? splitLines(ctx.base) : null };
}

/**
 * A document theirs adds (the path is just its document segment): its lines after a `---`, at the
 * end of the merged text, if choosing them gives theirs' document.
 */
function newDocument(path: Path, merged: ParsedFile, theirs: ParsedFile, ctx: BlockContext, cover: LineSpan | null): Omit<ConflictBlock, 'members' | 'base'> | null {
  if (path.length !== 1 || path[0]!.kind !== 'document') return null;
  const docs = ctx.changeSet.documents;
  if (localPath(path, merged.documents.map((d) => d.value), docs, 'ours') !== null) return null;
  const inTheirs = localPath(path, theirs.documents.map((d) => d.value), docs, 'theirs');
  const end = ctx.mergedLines.length;
  if (!inTheirs || (cover && cover.start < end)) return null;
  const span = nodeLines(theirs, inTheirs);
  if (!span) return null;
  const eol = ctx.mergedLines[0]?.endsWith('\r\n') ? '\r\n' : '\n';
  const own = splitLines(ctx.theirs.slice(span.start, span.end));
  const lines = own[0]?.startsWith('---') ? own : [`---${eol}`, ...own];
  return choosesTheirs(ctx, theirs, path, inTheirs, end, end, lines) ? { start: end, end, theirs: lines } : null;
}

/** Does the merged text with lines `[start, end)` replaced by theirs' lines parse, with theirs' value at `path`? */
function choosesTheirs(ctx: BlockContext, theirs: ParsedFile, path: Path, inTheirs: Path | null, start: number, end: number, lines: string[]): boolean {
  const before = ctx.mergedLines.slice(0, start);
  const after = ctx.mergedLines.slice(end);
  const text = [...(lines.length > 0 ? withBreaks(before, ctx.mergedLines) : before), ...(after.length > 0 ? withBreaks(lines, ctx.mergedLines) : lines), ...after].join('');
  const chosen = parseYamlFile(text, ctx.limits, 'chosen');
  if (chosen.errors.length > 0) return false;
  const want: JsonValue | undefined = inTheirs === null ? undefined : valueAt(theirs.documents.map((d) => d.value), inTheirs);
  const chosenValues = chosen.documents.map((d) => d.value);
  const inChosen = localPath(path, chosenValues, ctx.changeSet.documents, 'ours');
  return jsonEqual(inChosen === null ? undefined : valueAt(chosenValues, inChosen), want);
}

/** `lines` with a line break after the last one when more text follows it in the merged text. */
export function withBreaks(lines: readonly string[], mergedLines: readonly string[]): string[] {
  const last = lines[lines.length - 1];
  if (last === undefined || last.endsWith('\n')) return [...lines];
  const eol = mergedLines[0]?.endsWith('\r\n') ? '\r\n' : '\n';
  return [...lines.slice(0, -1), last + eol];
}

/** Offset of each line start, and the text length last. */
export function lineOffsets(lines: readonly string[]): number[] {
  const out = [0];
  for (const l of lines) out.push(out[out.length - 1]! + l.length);
  return out;
}

/** The depth of the list where `path` names an element the merged text holds more than once, else the path's length. */
function repeatedStep(path: Path, values: readonly JsonValue[], docs: ChangeSet['documents']): number {
  const local = localPath(path, values, docs, 'ours');
  if (local === null) return path.length;
  for (let i = 1; i < local.length; i++) {
    const seg = local[i]!;
    if (seg.kind !== 'keyed' && seg.kind !== 'value') continue;
    const list = valueAt(values, local.slice(0, i));
    if (Array.isArray(list) && matchesMany(list, seg)) return i;
  }
  return path.length;
}

function commonPrefix(paths: readonly Path[]): Path {
  const first = paths[0] ?? [];
  let n = first.length;
  for (const p of paths) {
    let i = 0;
    while (i < n && i < p.length && JSON.stringify(p[i]) === JSON.stringify(first[i])) i++;
    n = i;
  }
  return first.slice(0, n);
}
