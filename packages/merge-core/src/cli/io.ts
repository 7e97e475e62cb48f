import { readFileSync, writeFileSync } from 'node:fs';
import { MergeError } from '../model/errors.js';
import { positionAt } from '../model/errors.js';
import { decodeUtf8, type EncodingProblem } from './decodeUtf8.js';

/**
 * Exit codes of every command (documented in docs/cli.md): 1 means "not everything merged or
 * applied" (conflicts, skipped or refused changes, a failed patch test) and, for `diff`, "the
 * files differ"; 2 is a usage or input error.
 */
export const EXIT = { ok: 0, conflicts: 1, changes: 1, error: 2 } as const;

/**
 * A failure the command line reports as one message (`revprov: <message> [<code>]`) and exit code 2;
 * `code` is set where a script may want to tell the failure apart (`NOT_UTF8`).
 */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** An input file: its name as given (`-` is stdin, shown as `<stdin>`) and its text. */
export interface Input {
  name: string;
  text: string;
}

/** An input file's bytes, as read. */
export interface RawInput {
  name: string;
  bytes: Buffer;
}

let stdinUsed = false;

/** Reads a file argument's bytes; `-` reads standard input (once). */
export function readBytes(arg: string): RawInput {
  if (arg === '-') {
    if (stdinUsed) throw new CliError('only one argument can be "-" (standard input)');
    stdinUsed = true;
    try {
      return { name: '<stdin>', bytes: readFileSync(0) };
    } catch (err) {
      throw new CliError(`<stdin>: cannot read standard input: ${(err as Error).message}`);
    }
  }
  try {
    return { name: arg, bytes: readFileSync(arg) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (err as Error).message;
    throw new CliError(`${arg}: cannot read: ${why}`);
  }
}

/** `name: byte N (line L): why` for bytes that are not UTF-8 text. */
export function encodingMessage(name: string, problem: EncodingProblem): string {
  return `${name}: byte ${problem.offset} (line ${problem.line}): ${problem.message}`;
}

/**
 * Reads a file argument as UTF-8 text (`-` reads standard input, once). Bytes that are not UTF-8
 * text (another encoding, UTF-16/32, a binary file) are a `NOT_UTF8` error naming the file and
 * the byte offset, never replacement characters; a UTF-8 byte order mark stays in the text.
 */
export function readInput(arg: string): Input {
  const raw = readBytes(arg);
  const decoded = decodeUtf8(raw.bytes);
  if (decoded.problem) throw new CliError(encodingMessage(raw.name, decoded.problem), 'NOT_UTF8');
  return { name: raw.name, text: decoded.text };
}

/**
 * Reads and parses a JSON file argument; syntax errors name the file, line and column. A UTF-8
 * byte order mark (which some editors write) is skipped, as RFC 8259 allows.
 */
export function readJson(arg: string): { name: string; value: unknown } {
  const input = readInput(arg);
  const json = input.text.startsWith('\uFEFF') ? input.text.slice(1) : input.text;
  try {
    return { name: input.name, value: JSON.parse(json) as unknown };
  } catch (err) {
    const message = (err as Error).message;
    const where = jsonErrorOffset(json, message);
    const loc = where === null ? '' : (({ line, col }) => `:${line}:${col}`)(positionAt(json, where));
    throw new CliError(`${input.name}${loc}: invalid JSON: ${message}`);
  }
}

/**
 * Where a JSON syntax error is: the position V8 reports when it does, else the end of the
 * longest prefix that is still a valid beginning of a JSON text (found by bisection: such a
 * prefix fails only for running out of input).
 */
function jsonErrorOffset(text: string, message: string): number | null {
  const m = /position (\d+)/.exec(message);
  if (m) return Number(m[1]);
  const validStart = (n: number): boolean => {
    try {
      JSON.parse(text.slice(0, n));
      return true;
    } catch (e) {
      const msg = (e as Error).message;
      const at = /position (\d+)/.exec(msg);
      return /end of JSON input/i.test(msg) || (at !== null && Number(at[1]) >= n);
    }
  };
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (validStart(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo < text.length ? lo : null;
}

/** Writes `text` (a string is written as UTF-8) to `file` (`-` = standard output). */
export function writeOutput(file: string, text: string | Uint8Array): void {
  if (file === '-') {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(file, text);
  } catch (err) {
    throw new CliError(`${file}: cannot write: ${(err as Error).message}`);
  }
}

/**
 * `file:line:col: message [CODE]` for an engine error; `files` maps an error's `source`
 * (`base`, `ours`, `theirs`, ...) to the file it came from, `fallback` names the file otherwise.
 */
export function formatError(error: MergeError, files: Record<string, string>, fallback: string): string {
  const file = (error.source !== undefined ? files[error.source] : undefined) ?? fallback;
  const loc = error.line !== undefined ? `:${error.line}:${error.col ?? 1}` : '';
  // The engine prefixes messages with its own name for the input; the file name replaces it.
  const message = error.source !== undefined && error.message.startsWith(`${error.source}: `) ? error.message.slice(error.source.length + 2) : error.message;
  return `${file}${loc}: ${message} [${error.code}]`;
}
