import type { ParseArgsConfig } from 'node:util';

/** Parsed option values of one command. */
export type Values = Record<string, string | boolean | string[] | undefined>;

/** One `revprov` sub-command: its help text, its options, and what it does (returns the exit code). */
export interface Command {
  name: string;
  summary: string;
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  positionals: { min: number; max: number };
  run(positionals: string[], values: Values): number;
}

/** Options every text-producing command shares. */
export const OUTPUT_OPTIONS = {
  json: { type: 'boolean' },
  diff: { type: 'boolean' },
  output: { type: 'string', short: 'o' },
  write: { type: 'boolean', short: 'w' },
} as const;

export const OUTPUT_HELP = `Output:
  (default)          a per-path listing of the changes (coloured on a terminal unless NO_COLOR is set)
  --diff             a unified diff of the input file against the result
  --json             machine-readable JSON
  -o, --output FILE  write the resulting YAML to FILE ("-" = standard output, then nothing else is printed)
  -w, --write        write the resulting YAML back to the input file (in place)
  -h, --help         this help`;
