import { diff } from '../index.js';
import { CliError, writeOutput } from './io.js';
import { colorWanted, makeStyle, renderChanges } from './render.js';
import type { Input } from './io.js';
import type { Values } from './command.js';
import { unifiedDiff } from './unifiedDiff.js';

/**
 * Prints and writes the result of a text-producing command: the listing (or `--diff`, or
 * `--json`) on standard output, the text to `--output` / `--write` when asked.
 */
export function emitResult(input: Input, text: string, values: Values, listing: () => string, json: () => unknown, written = true): void {
  const output = values['output'] as string | undefined;
  if (values['write'] && output !== undefined) throw new CliError('--write and --output cannot be used together');
  if (values['write'] && input.name === '<stdin>') throw new CliError('--write needs a file, not standard input');
  if (written) {
    if (values['write']) writeOutput(input.name, text);
    if (output !== undefined) writeOutput(output, text);
  }
  if (output === '-') return;
  if (values['json']) process.stdout.write(JSON.stringify(json(), null, 2) + '\n');
  else if (values['diff']) process.stdout.write(unifiedDiff(input.text, text, { a: `a/${input.name}`, b: `b/${input.name}` }));
  else process.stdout.write(listing());
}

/** `emitResult` for a command that edits one file: the listing is the diff from the input to `text`. */
export function emitEditedText(input: Input, text: string, values: Values): void {
  const changes = () => diff(input.text, text);
  emitResult(
    input,
    text,
    values,
    () => renderChanges(changes(), makeStyle(colorWanted()), false),
    () => ({ text, changes: changes().changes, errors: [] }),
  );
}
