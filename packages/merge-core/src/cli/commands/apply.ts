import { applyChanges, type ChangeSet } from '../../index.js';
import { OUTPUT_HELP, OUTPUT_OPTIONS, type Command } from '../command.js';
import { emitResult } from '../emitResult.js';
import { CliError, EXIT, formatError, readInput, readJson } from '../io.js';
import { colorWanted, makeStyle } from '../render.js';

function asChangeSet(value: unknown, name: string): ChangeSet {
  const v = value as Partial<ChangeSet> | null;
  if (typeof v !== 'object' || v === null || !Array.isArray(v.changes)) {
    throw new CliError(`${name}: not a change set (expected an object with a "changes" array, as "revprov diff --json" or "revprov merge3 --json" print)`);
  }
  v.changes.forEach((c, i) => {
    if (typeof c !== 'object' || c === null || typeof c.id !== 'string' || !Array.isArray(c.path) || typeof c.kind !== 'string' || typeof c.status !== 'string') {
      throw new CliError(`${name}: changes[${i}] is not a change (needs id, path, kind, status)`);
    }
  });
  const changes = v.changes;
  const summary = { total: changes.length, clean: 0, conflict: 0, applied: 0 };
  for (const c of changes) if (c.status in summary) summary[c.status as 'clean']++;
  return { changes, summary, errors: [] };
}

export const applyCommand: Command = {
  name: 'apply',
  summary: 'apply selected changes of a saved change set to a YAML file',
  help: `Usage: revprov apply <ours> <changeset.json> [--select <id>]... [options]

Applies changes from a change set (the JSON that "revprov diff --json" or "revprov merge3 --json"
prints) to <ours>, byte-locally. --select takes a change id or a path prefix and can be repeated
(a prefix such as 'spec.mesh.dataContract.schema[name=id]' selects every change under it);
without --select every change is applied. "-" reads a file from standard input.

  -s, --select ID    apply this change (or every change under this path); repeatable
${OUTPUT_HELP}

Exit status: 0 every selected change applied, 1 some were skipped (listed with the reason),
2 usage or input error.`,
  options: { ...OUTPUT_OPTIONS, select: { type: 'string', short: 's', multiple: true } },
  positionals: { min: 2, max: 2 },
  run([oursArg, changeSetArg], values) {
    const ours = readInput(oursArg!);
    const saved = readJson(changeSetArg!);
    const changeSet = asChangeSet(saved.value, saved.name);
    const selection = values['select'] as string[] | undefined;
    const result = applyChanges(ours.text, changeSet, selection);
    if (result.errors.length > 0) {
      for (const e of result.errors) process.stderr.write(`revprov: ${formatError(e, {}, ours.name)}\n`);
      return EXIT.error;
    }
    const style = makeStyle(colorWanted());
    emitResult(
      ours,
      result.text,
      values,
      () =>
        result.applied.map((id) => `${style.green('applied')} ${id}\n`).join('') +
        result.skipped.map((s) => `${style.red('skipped')} ${s.id}: ${s.reason}\n`).join('') +
        `${result.applied.length} applied, ${result.skipped.length} skipped\n`,
      () => result,
    );
    return result.skipped.length > 0 ? EXIT.conflicts : EXIT.ok;
  },
};
