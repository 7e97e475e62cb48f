import { applyChanges, DEFAULT_LIMITS, MergeError, parsePath, parseYaml, type ChangeSet } from '../../index.js';
import { validateChangeSet } from '../../model/validateChangeSet.js';
import { selectChanges } from '../../select/selectChanges.js';
import { OUTPUT_HELP, OUTPUT_OPTIONS, type Command } from '../command.js';
import { emitResult } from '../emitResult.js';
import { CliError, EXIT, formatError, readInput, readJson } from '../io.js';
import { changeName } from '../render.js';
import { staleChanges } from '../staleChanges.js';

/** The saved change set, checked as the engine checks it; a malformed one names the place. */
function asChangeSet(value: unknown, name: string): ChangeSet {
  const invalid = validateChangeSet(value, DEFAULT_LIMITS);
  if (invalid !== null) {
    throw new CliError(`${formatError(invalid, {}, name)} (a change set is the JSON "revprov diff --json" or "revprov merge3 --json" print)`);
  }
  const changes = (value as ChangeSet).changes;
  const summary = { total: changes.length, clean: 0, conflict: 0, applied: 0 };
  for (const c of changes) if (c.status in summary) summary[c.status as 'clean']++;
  const { documents } = value as ChangeSet;
  return { changes, summary, errors: [], ...(documents ? { documents } : {}) };
}


/** A `--select` value must be a change id or a path; an empty one would select every change. */
function checkSelector(value: string): void {
  if (value === '') throw new CliError('--select needs a change id or a path prefix, got an empty string (without --select every change is applied)');
  try {
    parsePath(value);
  } catch (err) {
    if (err instanceof MergeError) throw new CliError(`--select: ${err.message}`, err.code);
    throw err;
  }
}

export const applyCommand: Command = {
  name: 'apply',
  summary: 'apply selected changes of a saved change set to a YAML file',
  usage: 'Usage: revprov apply <ours> <changeset.json> [--select <id>]... [--force] [options]',
  help: `Applies changes from a change set (the JSON that "revprov diff --json" or "revprov merge3 --json"
prints) to <ours>, byte-locally. --select takes a change id or a path prefix and can be repeated
(a prefix such as 'spec.mesh.dataContract.schema[name=id]' selects every change under it);
without --select every change is applied. "-" reads a file from standard input.

Like git apply, it first checks that the file is the one the change set was made for: at each
selected change's path <ours> must still hold the value the change set saw there (its "ours", or
"base" for a two-way change set), or already the new value. Otherwise nothing is written and every
mismatch is listed with the path, unless --force.

  -s, --select ID    apply this change (or every change under this path); repeatable
  -f, --force        apply even where the file no longer holds the change's old value
${OUTPUT_HELP}

Exit status: 0 every selected change applied, 1 some were skipped or the file does not fit the
change set (each listed with the path and the reason), 2 usage or input error.`,
  options: { ...OUTPUT_OPTIONS, select: { type: 'string', short: 's', multiple: true }, force: { type: 'boolean', short: 'f' } },
  positionals: { min: 2, max: 2 },
  run([oursArg, changeSetArg], values) {
    const selection = values['select'] as string[] | undefined;
    for (const s of selection ?? []) checkSelector(s);
    const ours = readInput(oursArg!);
    const saved = readJson(changeSetArg!);
    const changeSet = asChangeSet(saved.value, saved.name);
    const parsed = parseYaml(ours.text);
    if (parsed.errors.length > 0) {
      for (const e of parsed.errors) process.stderr.write(`revprov: ${formatError(e, {}, ours.name)}\n`);
      return EXIT.error;
    }
    if (!values['force']) {
      const stale = staleChanges(parsed.values, selectChanges(changeSet.changes, selection).selected);
      if (stale.length > 0) {
        for (const s of stale) {
          const expected = s.expected === undefined ? 'no value' : JSON.stringify(s.expected);
          process.stderr.write(`revprov: ${ours.name}: ${changeName(s.id)}: the change set expects ${expected} here, the file has ${s.has}\n`);
        }
        process.stderr.write(`revprov: ${ours.name}: does not fit ${saved.name} (${stale.length} change${stale.length === 1 ? '' : 's'}); nothing written (--force applies anyway)\n`);
        return EXIT.conflicts;
      }
    }
    const result = applyChanges(ours.text, changeSet, selection);
    if (result.errors.length > 0) {
      for (const e of result.errors) process.stderr.write(`revprov: ${formatError(e, {}, ours.name)}\n`);
      return EXIT.error;
    }
    emitResult(ours, result.text, values, {
      listing: (style) =>
        result.applied.map((id) => `${style.green('applied')} ${changeName(id)}\n`).join('') +
        result.skipped.map((s) => `${style.red('skipped')} ${changeName(s.id)}: ${s.reason}\n`).join('') +
        `${result.applied.length} applied, ${result.skipped.length} skipped\n`,
      json: () => result,
    });
    for (const s of result.skipped) process.stderr.write(`revprov: ${ours.name}: ${changeName(s.id)}: not applied: ${s.reason}\n`);
    return result.skipped.length > 0 ? EXIT.conflicts : EXIT.ok;
  },
};
