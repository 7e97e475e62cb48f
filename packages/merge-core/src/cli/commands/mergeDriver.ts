import { mergeWithConflictBlocks, type MergedText } from '../../index.js';
import type { Command } from '../command.js';
import { conflictStyle } from '../conflictStyle.js';
import { decodeUtf8 } from '../decodeUtf8.js';
import { gitConfig, lineMerge } from '../git.js';
import { CliError, encodingMessage, EXIT, formatError, readBytes, writeOutput, type RawInput } from '../io.js';
import { changeName } from '../render.js';

/** A label argument, or `undefined` when git left its placeholder as is (git before 2.44 has no %S %X %Y). */
function label(arg: string | undefined, placeholder: string): string | undefined {
  return arg === undefined || arg === `%${placeholder}` ? undefined : arg;
}

/** The sides in the order of git's placeholders %O %A %B. */
const SIDES = ['base', 'ours', 'theirs'] as const;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const mergeDriverCommand: Command = {
  name: 'merge-driver',
  summary: 'git merge driver: structural YAML merge with node-local conflict blocks',
  usage: 'Usage: revprov merge-driver <%O> <%A> <%B> [<%L> [<%P> [<%S> <%X> <%Y>]]] [--conflict-style STYLE]',
  help: `A git merge driver (set it up with "revprov git-setup"). Merges <theirs %B> into <ours %A>
three-way against <base %O> and writes the result to <ours %A>, as git expects: every change
that does not conflict is applied byte-locally, and each conflict is written as a block around
just the lines that differ, labelled with git's labels (%X ours, %S base, %Y theirs; git 2.44 and
later pass them, older versions leave the placeholders and the labels are ours/base/theirs):
  <<<<<<< ours
  ...ours' lines...
  ||||||| base        (only with merge.conflictStyle = diff3 or zdiff3)
  ...base's lines...
  =======
  ...theirs' lines...
  >>>>>>> theirs
Choosing either side of a block gives valid YAML. A change the engine refuses to write is marked
the same way (and named on standard error), never dropped. If a version is not readable YAML
(syntax error, duplicate key, limits) or not UTF-8 text, the driver says why and leaves the
bytes to git's own merge: a line merge (git merge-file), or for a file git takes for binary (a
NUL byte, e.g. UTF-16) ours kept in conflict; if git cannot be run, the whole file becomes one
conflict block.

  <%L>                    conflict marker size (default 7)
  <%P>                    the path in the repository, for messages
  --conflict-style STYLE  merge, diff3 or zdiff3 (default: git config merge.conflictStyle, else merge)
  -h, --help              this help

Exit status: 0 clean merge, 1 conflicts (git then stops the merge with the file in conflict
state), 2 usage error.`,
  options: { 'conflict-style': { type: 'string' } },
  positionals: { min: 3, max: 8 },
  run([baseArg, oursArg, theirsArg, sizeArg, pathArg, baseLabel, oursLabel, theirsLabel], values) {
    const markerSize = sizeArg === undefined ? 7 : Number(sizeArg);
    if (!Number.isInteger(markerSize) || markerSize < 1) throw new CliError(`marker size must be a positive integer, got ${JSON.stringify(sizeArg)}`);
    const explicit = values['conflict-style'] as string | undefined;
    const style = explicit !== undefined ? conflictStyle(explicit, '--conflict-style') : gitStyle();
    const pathname = pathArg ?? oursArg!;
    const labels = { ours: label(oursLabel, 'X') ?? 'ours', base: label(baseLabel, 'S') ?? 'base', theirs: label(theirsLabel, 'Y') ?? 'theirs' };
    const files = { base: readBytes(baseArg!), ours: readBytes(oursArg!), theirs: readBytes(theirsArg!) };
    const names = { base: `${pathname} (${labels.base})`, ours: `${pathname} (${labels.ours})`, theirs: `${pathname} (${labels.theirs})` };
    const options = { markerSize, labels, style };
    const decoded = SIDES.map((side) => decodeUtf8(files[side].bytes));
    const [base, ours, theirs] = decoded.map((d) => d.text);
    if (base === undefined || ours === undefined || theirs === undefined) {
      SIDES.forEach((side, i) => {
        const problem = decoded[i]!.problem;
        if (problem) process.stderr.write(`revprov: ${encodingMessage(names[side], problem)} [NOT_UTF8]\n`);
      });
      return fallBack(pathname, files, options);
    }
    let merged: MergedText;
    try {
      merged = mergeWithConflictBlocks({ base, ours, theirs }, { markerSize, labels, conflictStyle: style });
    } catch (err) {
      process.stderr.write(`revprov: ${pathname}: internal error: ${(err as Error).stack ?? String(err)}\n`);
      return fallBack(pathname, files, options);
    }
    if (merged.errors.length > 0) {
      for (const e of merged.errors) process.stderr.write(`revprov: ${formatError(e, names, pathname)}\n`);
      return fallBack(pathname, files, options);
    }
    writeOutput(files.ours.name, merged.text);
    for (const s of merged.skipped) process.stderr.write(`revprov: ${pathname}: ${changeName(s.id)}: not merged automatically (${s.reason}); marked as a conflict\n`);
    if (merged.conflicts.length > 0) process.stderr.write(`revprov: ${pathname}: ${plural(merged.conflicts.length, 'conflict')}: ${merged.conflicts.map((c) => changeName(c.id)).join(', ')}\n`);
    return merged.conflicts.length > 0 || merged.skipped.length > 0 ? EXIT.conflicts : EXIT.ok;
  },
};

/** `merge.conflictStyle` of the repository git runs the driver in; an unknown value counts as `merge`. */
function gitStyle(): 'merge' | 'diff3' {
  try {
    return conflictStyle(gitConfig('merge.conflictStyle'), 'merge.conflictStyle');
  } catch {
    return 'merge';
  }
}

/** git's test for a binary file (`buffer_is_binary`): a NUL byte in the first 8000 bytes. */
function binaryToGit(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8000).includes(0);
}

/**
 * What git does without the driver, on the bytes as they are (a file revprov cannot read as UTF-8
 * comes out exactly as git would make it): for a file git takes for binary, ours is kept and the
 * merge is a conflict; otherwise git's own line merge. If git cannot run that, the whole file
 * becomes one conflict block (ours against theirs), so a merge never leaves ours silently in place.
 */
function fallBack(pathname: string, files: Record<(typeof SIDES)[number], RawInput>, options: Parameters<typeof lineMerge>[3]): number {
  if (SIDES.some((side) => binaryToGit(files[side].bytes))) {
    process.stderr.write(`revprov: ${pathname}: binary to git (a NUL byte); ours kept and left in conflict, as git's own merge does\n`);
    return EXIT.conflicts;
  }
  process.stderr.write(`revprov: ${pathname}: not mergeable as YAML; falling back to a line merge (git merge-file)\n`);
  const conflicts = lineMerge(files.ours.name, files.base.name, files.theirs.name, options);
  if (conflicts !== null) return conflicts === 0 ? EXIT.ok : EXIT.conflicts;
  const { markerSize: n, labels, style } = options;
  const eol = files.ours.bytes.includes('\r\n') ? '\r\n' : '\n';
  const side = (b: Buffer) => (b.length === 0 || b[b.length - 1] === 0x0a ? b : Buffer.concat([b, Buffer.from(eol)]));
  const line = (marker: string, label?: string) => Buffer.from(`${marker.repeat(n)}${label === undefined ? '' : ` ${label}`}${eol}`);
  const baseSide = style === 'diff3' ? [line('|', labels.base), side(files.base.bytes)] : [];
  writeOutput(files.ours.name, Buffer.concat([line('<', labels.ours), side(files.ours.bytes), ...baseSide, line('='), side(files.theirs.bytes), line('>', labels.theirs)]));
  process.stderr.write(`revprov: ${pathname}: git merge-file could not be run; the whole file is marked as one conflict\n`);
  return EXIT.conflicts;
}
