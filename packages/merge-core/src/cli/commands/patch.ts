import { applyJsonPatch, applyMergePatch } from '../../index.js';
import { OUTPUT_HELP, OUTPUT_OPTIONS, type Command } from '../command.js';
import { emitEditedText } from '../emitResult.js';
import { EXIT, formatError, readInput, readJson } from '../io.js';

export const patchCommand: Command = {
  name: 'patch',
  summary: 'apply a JSON Patch (RFC 6902) or JSON Merge Patch (RFC 7396) to a YAML file',
  usage: 'Usage: revprov patch <file> <patch.json> [--merge-patch] [options]',
  help: `Applies <patch.json> to the YAML <file>, byte-locally: only the nodes the patch touches change.
By default the patch is a JSON Patch (an array of add/remove/replace/move/copy/test operations);
with --merge-patch it is a JSON Merge Patch (an object; null deletes). Patches are atomic: on any
error nothing is written. "-" reads a file from standard input.

  --merge-patch      read <patch.json> as an RFC 7396 merge patch
${OUTPUT_HELP}

Exit status: 0 success, 1 a "test" operation failed (the file is not the one the patch was made
for; nothing written), 2 usage or input error.`,
  options: { ...OUTPUT_OPTIONS, 'merge-patch': { type: 'boolean' } },
  positionals: { min: 2, max: 2 },
  run([fileArg, patchArg], values) {
    const input = readInput(fileArg!);
    const patch = readJson(patchArg!);
    const result = values['merge-patch'] ? applyMergePatch(input.text, patch.value) : applyJsonPatch(input.text, patch.value);
    if (result.errors.length > 0) {
      for (const e of result.errors) process.stderr.write(`revprov: ${formatError(e, { patch: patch.name }, input.name)}\n`);
      return result.errors.every((e) => e.code === 'PATCH_TEST_FAILED') ? EXIT.conflicts : EXIT.error;
    }
    emitEditedText(input, result.text, values);
    return EXIT.ok;
  },
};
