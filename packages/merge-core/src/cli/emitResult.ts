import { diff } from '../index.js';
import { outputStyle, type Values } from './command.js';
import { CliError, writeOutput, type Input } from './io.js';
import { renderChanges } from './render.js';
import type { Style } from './style.js';
import { unifiedDiff } from './unifiedDiff.js';

/** What a text-producing command prints by default (`listing`) and with `--json`. */
export interface Report {
  listing(style: Style): string;
  json(): unknown;
}

/**
 * Prints and writes the result of a text-producing command: the listing (or `--diff`, or
 * `--json`) on standard output, the text to `--output` / `--write` when asked. Returns whether
 * the listing went to standard output (`-o -` prints the text only).
 */
export function emitResult(input: Input, text: string, values: Values, report: Report): boolean {
  const output = values['output'] as string | undefined;
  if (values['write'] && output !== undefined) throw new CliError('--write and --output cannot be used together');
  if (values['write'] && input.name === '<stdin>') throw new CliError('--write needs a file, not standard input');
  const style = outputStyle(values);
  if (values['write']) writeOutput(input.name, text);
  if (output !== undefined) writeOutput(output, text);
  if (output === '-') return false;
  if (values['json']) process.stdout.write(JSON.stringify(report.json(), null, 2) + '\n');
  else if (values['diff']) process.stdout.write(unifiedDiff(input.text, text, { a: `a/${input.name}`, b: `b/${input.name}` }, style));
  else process.stdout.write(report.listing(style));
  return !values['json'] && !values['diff'];
}

/** `emitResult` for a command that edits one file: the listing is the diff from the input to `text`. */
export function emitEditedText(input: Input, text: string, values: Values): void {
  const changes = () => diff(input.text, text);
  emitResult(input, text, values, {
    listing: (style) => renderChanges(changes(), style),
    json: () => ({ text, changes: changes().changes, errors: [] }),
  });
}
