import { applyChanges, merge3, mergeWithConflictBlocks, type MergeError } from '../../index.js';
import { OUTPUT_HELP, OUTPUT_OPTIONS, type Command } from '../command.js';
import { emitResult } from '../emitResult.js';
import { EXIT, formatError, readInput } from '../io.js';
import { colorWanted, makeStyle, renderChanges } from '../render.js';

export const merge3Command: Command = {
  name: 'merge3',
  summary: 'three-way merge: apply the clean changes of base→theirs to ours',
  help: `Usage: revprov merge3 <base> <ours> <theirs> [options]

Computes the changes from <base> to <theirs>, classifies each against <ours> (clean, conflict,
already applied) and produces <ours> with every clean change applied, byte-locally (comments and
formatting of ours are kept). Conflicting changes are left out, or with --markers written as
git-style conflict blocks around just the conflicting node. "-" reads a file from standard input.

  --markers          write conflicts as <<<<<<< ours / ======= / >>>>>>> theirs blocks
${OUTPUT_HELP}
  (--write writes to <ours>; --diff compares <ours> with the result)

Exit status: 0 clean merge, 1 conflicts, 2 usage or input error.`,
  options: { ...OUTPUT_OPTIONS, markers: { type: 'boolean' } },
  positionals: { min: 3, max: 3 },
  run([baseArg, oursArg, theirsArg], values) {
    const base = readInput(baseArg!);
    const ours = readInput(oursArg!);
    const theirs = readInput(theirsArg!);
    const files = { base: base.name, ours: ours.name, theirs: theirs.name };
    const changeSet = merge3({ base: base.text, ours: ours.text, theirs: theirs.text });
    const report = (errors: readonly MergeError[]) => {
      for (const e of errors) process.stderr.write(`revprov: ${formatError(e, files, ours.name)}\n`);
      return EXIT.error;
    };
    if (changeSet.errors.length > 0) return report(changeSet.errors);
    let text: string;
    if (values['markers']) {
      const merged = mergeWithConflictBlocks({ base: base.text, ours: ours.text, theirs: theirs.text });
      if (merged.errors.length > 0) return report(merged.errors);
      text = merged.text;
    } else {
      const clean = changeSet.changes.filter((c) => c.status === 'clean').map((c) => c.id);
      const applied = applyChanges(ours.text, changeSet, clean);
      if (applied.errors.length > 0) return report(applied.errors);
      text = applied.text;
    }
    emitResult(
      ours,
      text,
      values,
      () => renderChanges(changeSet, makeStyle(colorWanted()), true),
      () => ({ ...changeSet, text }),
    );
    return changeSet.summary.conflict > 0 ? EXIT.conflicts : EXIT.ok;
  },
};
