import { applyChanges } from '../apply/applyChanges.js';
import { merge3 } from '../diff/merge3.js';
import { detectEol } from '../locate/lines.js';
import type { Change } from '../model/change.js';
import type { MergeError } from '../model/errors.js';
import { resolveOptions, type MergeOptions } from '../model/options.js';
import type { Path } from '../model/path.js';
import { parseYamlFile, type ParsedFile } from '../parse/parseYaml.js';
import { nodeLines, type LineSpan } from './nodeLines.js';

/** Options of `mergeWithConflictBlocks`, on top of the merge options. */
export interface ConflictBlockOptions extends MergeOptions {
  /** Length of the `<`, `=`, `>` markers (git's `%L`). Default 7. */
  markerSize?: number;
  /** Labels after the opening and closing markers. Default `ours` / `theirs`. */
  labels?: { ours?: string; theirs?: string };
}

/** The outcome of a three-way merge written as one text. */
export interface MergedText {
  /**
   * Ours with every clean change applied and, for each conflict, a git-style block
   * (`<<<<<<< ours` … `=======` … `>>>>>>> theirs`) around just the conflicting node's lines.
   * Equals `ours` when `errors` is non-empty.
   */
  text: string;
  /** The conflicting changes (empty: the merge is clean and `text` is valid YAML). */
  conflicts: Change[];
  /** Inputs that could not be read (YAML syntax, limits, ...) or an apply failure. */
  errors: MergeError[];
}

interface Block {
  ours: LineSpan | null;
  theirs: LineSpan | null;
  /** Where an ours-side block goes when ours has no lines for it. */
  at: number;
}

/**
 * A three-way merge for tools that need one text, such as a git merge driver: `merge3`, apply all
 * clean changes to ours, then mark each conflict node-locally, so the file stays readable and
 * every byte of ours outside the conflicting nodes is kept. A conflict is shown at the deepest
 * node that both sides have (or, when only ours has it, as ours' lines against an empty theirs).
 */
export function mergeWithConflictBlocks(
  input: { base: string; ours: string; theirs: string },
  options: ConflictBlockOptions = {},
): MergedText {
  const changeSet = merge3(input, options);
  if (changeSet.errors.length > 0) return { text: input.ours, conflicts: [], errors: changeSet.errors };
  const clean = changeSet.changes.filter((c) => c.status === 'clean').map((c) => c.id);
  const applied = applyChanges(input.ours, changeSet, clean, options);
  if (applied.errors.length > 0) return { text: input.ours, conflicts: [], errors: applied.errors };
  const conflicts = changeSet.changes.filter((c) => c.status === 'conflict');
  if (conflicts.length === 0) return { text: applied.text, conflicts, errors: [] };
  const limits = resolveOptions(options).limits;
  const merged = parseYamlFile(applied.text, limits, 'merged');
  const theirs = parseYamlFile(input.theirs, limits, 'theirs');
  const blocks = conflicts.map((c) => blockFor(c.path, merged, theirs));
  return { text: writeBlocks(applied.text, input.theirs, mergeOverlapping(blocks), options), conflicts, errors: [] };
}

function blockFor(path: Path, merged: ParsedFile, theirs: ParsedFile): Block {
  for (let depth = path.length; depth >= 0; depth--) {
    const p = path.slice(0, depth);
    const ours = nodeLines(merged, p);
    const their = nodeLines(theirs, p);
    if (ours && their) return { ours, theirs: their, at: ours.start };
    if (ours && depth === path.length) return { ours, theirs: null, at: ours.start };
  }
  return { ours: { start: 0, end: merged.text.length }, theirs: { start: 0, end: theirs.text.length }, at: 0 };
}

function union(a: LineSpan | null, b: LineSpan | null): LineSpan | null {
  if (!a) return b;
  if (!b) return a;
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

/** Blocks whose ours lines overlap become one block covering both. */
function mergeOverlapping(blocks: Block[]): Block[] {
  const sorted = [...blocks].sort((a, b) => a.at - b.at);
  const out: Block[] = [];
  for (const b of sorted) {
    const last = out[out.length - 1];
    const lastEnd = last?.ours?.end ?? last?.at ?? -1;
    if (last && b.at < lastEnd) {
      last.ours = union(last.ours, b.ours);
      last.theirs = union(last.theirs, b.theirs);
    } else {
      out.push({ ...b });
    }
  }
  return out;
}

function writeBlocks(merged: string, theirs: string, blocks: Block[], options: ConflictBlockOptions): string {
  const eol = detectEol(merged);
  const size = options.markerSize ?? 7;
  const open = `${'<'.repeat(size)} ${options.labels?.ours ?? 'ours'}${eol}`;
  const middle = `${'='.repeat(size)}${eol}`;
  const close = `${'>'.repeat(size)} ${options.labels?.theirs ?? 'theirs'}${eol}`;
  const withEol = (s: string) => (s === '' || s.endsWith('\n') ? s : s + eol);
  let out = '';
  let pos = 0;
  for (const b of blocks) {
    const start = b.ours?.start ?? b.at;
    const end = b.ours?.end ?? b.at;
    out += withEol(merged.slice(pos, start));
    const oursText = withEol(merged.slice(start, end));
    const theirsText = b.theirs ? withEol(theirs.slice(b.theirs.start, b.theirs.end)) : '';
    out += open + oursText + middle + theirsText + close;
    pos = end;
  }
  return out + merged.slice(pos);
}
