import { spawnSync } from 'node:child_process';
import { mergeWithConflictBlocks } from '../../index.js';
import type { Command } from '../command.js';
import { CliError, EXIT, formatError, readInput, writeOutput } from '../io.js';

/**
 * The line merge git would have done without the driver (`git merge-file`), for files that are
 * not readable YAML. Returns the exit code, or `null` when git cannot be run.
 */
function lineMerge(base: string, ours: string, theirs: string, markerSize: number, pathname: string): number | null {
  const run = spawnSync('git', ['merge-file', `--marker-size=${markerSize}`, '-L', `ours:${pathname}`, '-L', 'base', '-L', `theirs:${pathname}`, ours, base, theirs], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (run.error || run.status === null || run.status < 0) return null;
  return run.status === 0 ? EXIT.ok : EXIT.conflicts;
}

export const mergeDriverCommand: Command = {
  name: 'merge-driver',
  summary: 'git merge driver: structural YAML merge with node-local conflict blocks',
  help: `Usage: revprov merge-driver <base %O> <ours %A> <theirs %B> [<marker-size %L>] [<pathname %P>]

A git merge driver. Merges <theirs> into <ours> three-way against <base>, writing the result to
<ours> (as git expects): every change that does not conflict is applied byte-locally, and each
conflicting node is written as a block
  <<<<<<< ours
  ...ours' lines of that entry...
  =======
  ...theirs' lines...
  >>>>>>> theirs
so the rest of the file stays readable and intact. If a version is not readable YAML (syntax
error, duplicate key, limits), the driver falls back to git's own line merge (git merge-file)
and says why on stderr; if git cannot be run, <ours> is left untouched and the merge fails.

Setup (once per repository):
  echo 'catalog-info.yaml merge=revprov' >> .gitattributes
  git config merge.revprov.driver "revprov merge-driver %O %A %B %L %P"

Exit status: 0 clean merge, 1 conflicts (or the fallback found conflicts), 2 usage error.`,
  options: {},
  positionals: { min: 3, max: 5 },
  run([baseArg, oursArg, theirsArg, sizeArg, pathArg]) {
    const markerSize = sizeArg === undefined ? 7 : Number(sizeArg);
    if (!Number.isInteger(markerSize) || markerSize < 1) throw new CliError(`marker size must be a positive integer, got ${JSON.stringify(sizeArg)}`);
    const pathname = pathArg ?? oursArg!;
    const base = readInput(baseArg!);
    const ours = readInput(oursArg!);
    const theirs = readInput(theirsArg!);
    const merged = mergeWithConflictBlocks({ base: base.text, ours: ours.text, theirs: theirs.text }, { markerSize });
    if (merged.errors.length > 0) {
      const files = { base: `${pathname} (base)`, ours: `${pathname} (ours)`, theirs: `${pathname} (theirs)` };
      for (const e of merged.errors) process.stderr.write(`revprov: ${formatError(e, files, pathname)}\n`);
      process.stderr.write(`revprov: ${pathname}: not mergeable as YAML; falling back to a line merge (git merge-file)\n`);
      const code = lineMerge(base.name, ours.name, theirs.name, markerSize, pathname);
      if (code === null) {
        process.stderr.write(`revprov: ${pathname}: git merge-file could not be run; ${pathname} left as ours\n`);
        return EXIT.conflicts;
      }
      return code;
    }
    writeOutput(ours.name, merged.text);
    if (merged.conflicts.length > 0) {
      process.stderr.write(`revprov: ${pathname}: ${merged.conflicts.length} conflict${merged.conflicts.length === 1 ? '' : 's'}: ${merged.conflicts.map((c) => c.id).join(', ')}\n`);
      return EXIT.conflicts;
    }
    return EXIT.ok;
  },
};
