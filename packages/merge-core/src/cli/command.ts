import type { ParseArgsConfig } from 'node:util';
import { colorEnabled, type ColorMode } from './color.js';
import { makeStyle, type Style } from './style.js';

/** Parsed option values of one command. */
export type Values = Record<string, string | boolean | string[] | undefined>;

/** One `revprov` sub-command: its help text, its options, and what it does (returns the exit code). */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The synopsis, `revprov <name> ...` (shown with usage errors). */
  usage: string;
  /** The rest of `revprov help <name>`: description, options, exit status. */
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  positionals: { min: number; max: number };
  run(positionals: string[], values: Values): number;
}

/** `--color[=WHEN]` and `--no-color` (rewritten to `--color=never` before parsing). */
export const COLOR_OPTION = { color: { type: 'string' } } as const;

export const COLOR_HELP = `  --color[=WHEN]     colour the output: auto (default: only on a terminal; FORCE_COLOR
                     turns it on, NO_COLOR off), always, never; --no-color = never`;

/** Options every text-producing command shares. */
export const OUTPUT_OPTIONS = {
  json: { type: 'boolean' },
  diff: { type: 'boolean' },
  output: { type: 'string', short: 'o' },
  write: { type: 'boolean', short: 'w' },
  ...COLOR_OPTION,
} as const;

export const OUTPUT_HELP = `Output (--diff and --json exclude each other):
  (default)          a per-path listing of the changes
  --diff             a unified diff of the input file against the result
  --json             machine-readable JSON
  -o, --output FILE  write the resulting YAML to FILE ("-" = standard output, then nothing else is printed)
  -w, --write        write the resulting YAML back to the input file (in place)
${COLOR_HELP}
  -h, --help         this help`;

/** The styling for standard output under the command's `--color` value (checked by `run`). */
export function outputStyle(values: Values): Style {
  return makeStyle(colorEnabled((values['color'] as ColorMode | undefined) ?? 'auto', process.stdout));
}
