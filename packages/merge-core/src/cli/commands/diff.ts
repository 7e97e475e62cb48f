import { diff } from '../../index.js';
import { COLOR_HELP, COLOR_OPTION, outputStyle, type Command } from '../command.js';
import { EXIT, formatError, readInput } from '../io.js';
import { renderChanges } from '../render.js';
import { unifiedDiff } from '../unifiedDiff.js';

export const diffCommand: Command = {
  name: 'diff',
  summary: 'list the per-path changes from one YAML file to another',
  usage: 'Usage: revprov diff <before> <after> [--json | --diff] [--color[=WHEN]]',
  help: `Lists the changes that turn <before> into <after>, one per path, at the finest granularity
(a column's dataType is one change; keyed list elements are matched by identity, not index).
"-" reads a file from standard input.

Output:
  (default)   a per-path listing
  --diff      a unified text diff of the two files
  --json      the change set as JSON (input for "revprov apply")
${COLOR_HELP}
  -h, --help  this help

Exit status: 0 no changes, 1 changes (with --diff: the texts differ, comments and formatting
included), 2 usage or input error, as with diff(1) and git diff --exit-code.`,
  options: { json: { type: 'boolean' }, diff: { type: 'boolean' }, ...COLOR_OPTION },
  positionals: { min: 2, max: 2 },
  run([beforeArg, afterArg], values) {
    const before = readInput(beforeArg!);
    const after = readInput(afterArg!);
    const changeSet = diff(before.text, after.text);
    if (changeSet.errors.length > 0) {
      for (const e of changeSet.errors) process.stderr.write(`revprov: ${formatError(e, { before: before.name, after: after.name }, before.name)}\n`);
      return EXIT.error;
    }
    const style = outputStyle(values);
    if (values['json']) process.stdout.write(JSON.stringify(changeSet, null, 2) + '\n');
    else if (values['diff']) process.stdout.write(unifiedDiff(before.text, after.text, { a: before.name, b: after.name }, style));
    else process.stdout.write(renderChanges(changeSet, style));
    const differs = values['diff'] ? before.text !== after.text : changeSet.changes.length > 0;
    return differs ? EXIT.changes : EXIT.ok;
  },
};
