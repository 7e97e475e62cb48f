import { applyChanges, merge3, mergeWithConflictBlocks, type MergeError } from '../../index.js';
import { refusedChanges } from '../../interop/refusedChanges.js';
import { OUTPUT_HELP, OUTPUT_OPTIONS, type Command } from '../command.js';
import { emitResult } from '../emitResult.js';
import { conflictStyle } from '../conflictStyle.js';
import { CliError, EXIT, formatError, readInput } from '../io.js';
import { changeName, renderMerge } from '../render.js';

export const merge3Command: Command = {
  name: 'merge3',
  summary: 'three-way merge: apply the clean changes of base→theirs to ours',
  usage: 'Usage: revprov merge3 <base> <ours> <theirs> [--markers [--conflict-style STYLE]] [options]',
  help: `Computes the changes from <base> to <theirs>, classifies each against <ours> (clean, conflict,
already applied) and produces <ours> with every clean change applied, byte-locally (comments and
formatting of ours are kept). Conflicting changes are left out, or with --markers written as
git-style conflict blocks around just the lines that differ. A clean change the engine refuses to
write (its own check of the output failed, or an unsupported construct) is never dropped
silently: it is listed as SKIPPED with the reason, reported on standard error, makes the exit
status 1, and with --markers gets a conflict block like a conflict. "-" reads a file from
standard input.

  --markers               write conflicts as <<<<<<< ours / ======= / >>>>>>> theirs blocks
  --conflict-style STYLE  with --markers: merge (default), or diff3 / zdiff3 to add base's lines
                          after a ||||||| base marker
${OUTPUT_HELP}
  (--write writes to <ours>; --diff compares <ours> with the result)

Exit status: 0 every change merged, 1 conflicts or skipped changes (listed; the output holds
every other change), 2 usage or input error (nothing written).`,
  options: { ...OUTPUT_OPTIONS, markers: { type: 'boolean' }, 'conflict-style': { type: 'string' } },
  positionals: { min: 3, max: 3 },
  run([baseArg, oursArg, theirsArg], values) {
    const style = conflictStyle(values['conflict-style'] as string | undefined, '--conflict-style');
    if (values['conflict-style'] !== undefined && !values['markers']) throw new CliError('--conflict-style needs --markers');
    const base = readInput(baseArg!);
    const ours = readInput(oursArg!);
    const theirs = readInput(theirsArg!);
    const input = { base: base.text, ours: ours.text, theirs: theirs.text };
    const files = { base: base.name, ours: ours.name, theirs: theirs.name };
    const report = (errors: readonly MergeError[]) => {
      for (const e of errors) process.stderr.write(`revprov: ${formatError(e, files, ours.name)}\n`);
      return EXIT.error;
    };
    const changeSet = merge3(input);
    if (changeSet.errors.length > 0) return report(changeSet.errors);
    let text: string;
    let skipped: { id: string; reason: string }[];
    if (values['markers']) {
      const merged = mergeWithConflictBlocks(input, { conflictStyle: style });
      if (merged.errors.length > 0) return report(merged.errors);
      ({ text, skipped } = merged);
    } else {
      const clean = changeSet.changes.filter((c) => c.status === 'clean');
      const applied = applyChanges(ours.text, changeSet, clean.map((c) => c.id));
      if (applied.errors.length > 0) return report(applied.errors);
      text = applied.text;
      skipped = refusedChanges(clean, applied).map((r) => ({ id: r.change.id, reason: r.reason }));
    }
    const skips = new Map(skipped.map((s) => [s.id, s.reason]));
    const listed = emitResult(ours, text, values, {
      listing: (s) => renderMerge(changeSet, skips, s),
      json: () => ({ ...changeSet, skipped, text }),
    });
    for (const s of skipped) process.stderr.write(`revprov: ${ours.name}: ${changeName(s.id)}: not merged: ${s.reason}\n`);
    const conflicts = changeSet.changes.filter((c) => c.status === 'conflict');
    if (!listed && conflicts.length > 0) process.stderr.write(`revprov: ${ours.name}: ${conflicts.length} conflict${conflicts.length === 1 ? '' : 's'}: ${conflicts.map((c) => changeName(c.id)).join(', ')}\n`);
    return conflicts.length > 0 || skipped.length > 0 ? EXIT.conflicts : EXIT.ok;
  },
};
