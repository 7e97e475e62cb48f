import { parseArgs } from 'node:util';
import type { Command } from './command.js';
import { applyCommand } from './commands/apply.js';
import { applyUpdatesCommand } from './commands/applyUpdates.js';
import { diffCommand } from './commands/diff.js';
import { mergeDriverCommand } from './commands/mergeDriver.js';
import { merge3Command } from './commands/merge3.js';
import { patchCommand } from './commands/patch.js';
import { CliError, EXIT } from './io.js';

const COMMANDS: readonly Command[] = [diffCommand, merge3Command, applyUpdatesCommand, applyCommand, patchCommand, mergeDriverCommand];

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `Usage: revprov <command> [arguments] [options]

Byte-exact, comment-preserving YAML diff, three-way merge and patching for catalog-info.yaml files.

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run "revprov <command> --help" for the arguments and options of a command.
Exit status: 0 success, 1 conflicts, 2 usage or input error.
`;
}

/** Runs the command line `argv` (without `node` and the script) and returns the exit code. */
export function run(argv: string[]): number {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? process.stderr : process.stdout).write(mainHelp());
    return name === undefined ? EXIT.error : EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`revprov: unknown command ${JSON.stringify(name)}\n\n${mainHelp()}`);
    return EXIT.error;
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      process.stdout.write(command.help + '\n');
      return EXIT.ok;
    }
    const { min, max } = command.positionals;
    if (positionals.length < min || positionals.length > max) {
      throw new CliError(`${command.name} takes ${min === max ? min : `${min} to ${max}`} file arguments, got ${positionals.length} (see "revprov ${command.name} --help")`);
    }
    return command.run(positionals, values);
  } catch (err) {
    if (err instanceof CliError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`revprov: ${(err as Error).message}\n`);
      return EXIT.error;
    }
    throw err;
  }
}
