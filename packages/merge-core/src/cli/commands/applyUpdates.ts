import { applyUpdates } from '../../index.js';
import { OUTPUT_HELP, OUTPUT_OPTIONS, type Command } from '../command.js';
import { emitEditedText } from '../emitResult.js';
import { EXIT, formatError, readInput, readJson } from '../io.js';

export const applyUpdatesCommand: Command = {
  name: 'apply-updates',
  summary: "apply a tech adapter's reverse-provisioning `updates` object to a YAML file",
  usage: 'Usage: revprov apply-updates <file> <updates.json> [options]',
  help: `Applies an \`updates\` object (dot-separated paths from the document root → JSON values, as a
reverse-provisioning tech adapter returns it) to <file>, byte-locally. Mappings merge
recursively, anything else replaces; missing parent mappings are created. If any update cannot be
applied (e.g. its path runs through a list), every problem is reported and nothing is written.
"-" reads a file from standard input.

${OUTPUT_HELP}

Exit status: 0 success, 2 usage or input error (nothing written).`,
  options: OUTPUT_OPTIONS,
  positionals: { min: 2, max: 2 },
  run([fileArg, updatesArg], values) {
    const input = readInput(fileArg!);
    const updates = readJson(updatesArg!);
    const result = applyUpdates(input.text, updates.value);
    if (result.errors.length > 0) {
      for (const e of result.errors) {
        const located = e.line !== undefined || e.code === 'YAML_SYNTAX' ? input.name : updates.name;
        process.stderr.write(`revprov: ${formatError(e, {}, located)}\n`);
      }
      return EXIT.error;
    }
    emitEditedText(input, result.text, values);
    return EXIT.ok;
  },
};
