import { parseArgs } from 'node:util';
import { COLOR_MODES } from './color.js';
import type { Command } from './command.js';
import { applyCommand } from './commands/apply.js';
import { applyUpdatesCommand } from './commands/applyUpdates.js';
import { diffCommand } from './commands/diff.js';
import { gitSetupCommand } from './commands/gitSetup.js';
import { mergeDriverCommand } from './commands/mergeDriver.js';
import { merge3Command } from './commands/merge3.js';
import { patchCommand } from './commands/patch.js';
import { CliError, EXIT } from './io.js';
import { packageVersion } from './version.js';

const COMMANDS: readonly Command[] = [diffCommand, merge3Command, applyUpdatesCommand, applyCommand, patchCommand, mergeDriverCommand, gitSetupCommand];

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `Usage: revprov <command> [arguments] [options]

Byte-exact, comment-preserving YAML diff, three-way merge and patching for catalog-info.yaml files.

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

  revprov help <command>   the arguments and options of a command (also: revprov <command> --help)
  revprov --version        the version

Exit status: 0 success (diff: no changes), 1 changes (diff), conflicts or changes not applied,
2 usage or input error.
`;
}

const commandHelp = (c: Command) => `${c.usage}\n\n${c.help}\n`;

/** A usage error: the message, the command's synopsis, where to read more; exit 2. */
function usageError(message: string, command: Command | null): number {
  const more = command ? `${command.usage}\nRun "revprov help ${command.name}" for details.\n` : mainHelp();
  process.stderr.write(`revprov: ${message}\n\n${more}`);
  return EXIT.error;
}

/** `--color` alone means `always` and `--no-color` means `never` (as in git and GNU tools). */
function normalizeColor(args: string[]): string[] {
  const end = args.indexOf('--');
  return args.map((a, i) => (end !== -1 && i > end ? a : a === '--color' ? '--color=always' : a === '--no-color' ? '--color=never' : a));
}

/** Runs the command line `argv` (without `node` and the script) and returns the exit code. */
export function run(argv: string[]): number {
  const [name, ...rest] = argv;
  if (name === undefined) {
    process.stderr.write(mainHelp());
    return EXIT.error;
  }
  if (name === '--help' || name === '-h') {
    process.stdout.write(mainHelp());
    return EXIT.ok;
  }
  if (name === '--version') {
    process.stdout.write(`revprov ${packageVersion()}\n`);
    return EXIT.ok;
  }
  if (name === 'help') return help(rest);
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) return usageError(name.startsWith('-') ? `unknown option ${JSON.stringify(name)}` : `unknown command ${JSON.stringify(name)}`, null);
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: normalizeColor(rest),
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    const unknown = /^Unknown option '([^']*)'/.exec((err as Error).message);
    return usageError(unknown ? `unknown option ${JSON.stringify(unknown[1])}` : (err as Error).message, command);
  }
  const { values, positionals } = parsed;
  if (values['help']) {
    process.stdout.write(commandHelp(command));
    return EXIT.ok;
  }
  const color = values['color'];
  if (color !== undefined && !COLOR_MODES.includes(color as never)) {
    return usageError(`--color must be one of ${COLOR_MODES.join(', ')}, got ${JSON.stringify(color)}`, command);
  }
  if (values['json'] && values['diff']) return usageError('--json and --diff cannot be used together', command);
  const { min, max } = command.positionals;
  if (positionals.length < min || positionals.length > max) {
    return usageError(`${command.name} takes ${min === max ? min : `${min} to ${max}`} arguments, got ${positionals.length}`, command);
  }
  try {
    return command.run(positionals, values as Record<string, string | boolean | string[] | undefined>);
  } catch (err) {
    if (err instanceof CliError) {
      process.stderr.write(`revprov: ${err.message}${err.code !== undefined ? ` [${err.code}]` : ''}\n`);
      return EXIT.error;
    }
    throw err;
  }
}

function help(args: string[]): number {
  const [topic, ...extra] = args;
  if (topic === undefined) {
    process.stdout.write(mainHelp());
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === topic);
  if (!command || extra.length > 0) return usageError(command ? 'help takes one command name' : `unknown command ${JSON.stringify(topic)}`, null);
  process.stdout.write(commandHelp(command));
  return EXIT.ok;
}
