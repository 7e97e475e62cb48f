import { mergeWithConflictBlocks, type MergedText } from '../../index.js';
import type { Command } from '../command.js';
import { conflictStyle } from '../conflictStyle.js';
import { gitConfig, lineMerge } from '../git.js';
import { CliError, EXIT, formatError, readInput, writeOutput, type Input } from '../io.js';
import { changeName } from '../render.js';

/** A label argument, or `undefined` when git left its placeholder as is (git before 2.44 has no %S %X %Y). */
function label(arg: string | undefined, placeholder: string): string | undefined {
  return arg === undefined || arg === `%${placeholder}` ? undefined : arg;
}

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
(syntax error, duplicate key, limits), the driver says why and falls back to git's own line
merge (git merge-file); if even git cannot be run, the whole file becomes one conflict block.

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
    const base = readInput(baseArg!);
    const ours = readInput(oursArg!);
    const theirs = readInput(theirsArg!);
    let merged: MergedText;
    try {
      merged = mergeWithConflictBlocks({ base: base.text, ours: ours.text, theirs: theirs.text }, { markerSize, labels, conflictStyle: style });
    } catch (err) {
      process.stderr.write(`revprov: ${pathname}: internal error: ${(err as Error).stack ?? String(err)}\n`);
      return fallBack(pathname, base, ours, theirs, { markerSize, labels, style });
    }
    if (merged.errors.length > 0) {
      const files = { base: `${pathname} (${labels.base})`, ours: `${pathname} (${labels.ours})`, theirs: `${pathname} (${labels.theirs})` };
      for (const e of merged.errors) process.stderr.write(`revprov: ${formatError(e, files, pathname)}\n`);
      return fallBack(pathname, base, ours, theirs, { markerSize, labels, style });
    }
    writeOutput(ours.name, merged.text);
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

/**
 * git's own line merge, as without the driver. If git cannot run it, the whole file becomes one
 * conflict block (ours against theirs), so a merge never leaves ours silently in place.
 */
function fallBack(pathname: string, base: Input, ours: Input, theirs: Input, options: Parameters<typeof lineMerge>[3]): number {
  process.stderr.write(`revprov: ${pathname}: not mergeable as YAML; falling back to a line merge (git merge-file)\n`);
  const conflicts = lineMerge(ours.name, base.name, theirs.name, options);
  if (conflicts !== null) return conflicts === 0 ? EXIT.ok : EXIT.conflicts;
  const { markerSize: n, labels, style } = options;
  const eol = ours.text.includes('\r\n') ? '\r\n' : '\n';
  const side = (t: string) => (t === '' || t.endsWith('\n') ? t : t + eol);
  const baseSide = style === 'diff3' ? `${'|'.repeat(n)} ${labels.base}${eol}${side(base.text)}` : '';
  writeOutput(ours.name, `${'<'.repeat(n)} ${labels.ours}${eol}${side(ours.text)}${baseSide}${'='.repeat(n)}${eol}${side(theirs.text)}${'>'.repeat(n)} ${labels.theirs}${eol}`);
  process.stderr.write(`revprov: ${pathname}: git merge-file could not be run; the whole file is marked as one conflict\n`);
  return EXIT.conflicts;
}
