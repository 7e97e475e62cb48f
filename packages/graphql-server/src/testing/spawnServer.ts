import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { stringify } from 'yaml';

/** This package's built CLI, `dist/bin/revprov-server.js` (the same path from src/testing and dist/testing). */
export const SERVER_BIN = new URL('../../dist/bin/revprov-server.js', import.meta.url).pathname;

/** One JSON log line of the server (pino): these fields on every line, then the line's own (requestId, operationId, ...). */
export interface LogLine {
  level: string;
  time: string;
  msg: string;
  [field: string]: unknown;
}

/** A `revprov-server` child process and its JSON log lines. */
export interface ServerProcess {
  /** Base URL (from the `listening` log line). */
  url: string;
  pid: number;
  /** Every JSON log line written to stdout so far (as many as `log.level` lets through). */
  logs: LogLine[];
  /** Text written to stderr (configuration errors, the human "GraphQL at ..." line). */
  stderr(): string;
  /** Lines of stdout that are not JSON (none from the server itself), kept rather than lost. */
  otherStdout(): string[];
  /** Resolves with the first log line matching, waiting for it. */
  waitForLog(match: (line: LogLine) => boolean): Promise<LogLine>;
  /** Sends `signal` and resolves with the exit code (or the signal) once the process is gone. */
  stop(signal: NodeJS.Signals): Promise<number | NodeJS.Signals>;
}

/**
 * Writes `config` (the configuration file's content, docs/configuration.md) as YAML to `file` and
 * starts `revprov-server --config file` with `env` added to this process's environment; resolves
 * once it listens (the URL comes from the `listening` log line, or from the line on stderr when
 * `log.level` hides it), rejects with its stderr when it exits before. `bin` defaults to this
 * package's CLI (pass another installation's `node_modules/.bin/revprov-server` to test that one).
 * Stop it with `stop()` (tests: in afterAll).
 */
export async function spawnServer(file: string, config: Record<string, unknown>, env: Record<string, string> = {}, bin = SERVER_BIN): Promise<ServerProcess> {
  writeFileSync(file, stringify(config));
  const child: ChildProcess = spawn(process.execPath, [bin, '--config', file], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: LogLine[] = [];
  const waiters: { match: (l: LogLine) => boolean; resolve: (l: LogLine) => void }[] = [];
  const other: string[] = [];
  let err = '';
  let partial = '';
  let announced: ((url: string) => void) | undefined;
  child.stdout?.on('data', (b: Buffer) => {
    const text = partial + b.toString('utf8');
    const parts = text.split('\n');
    partial = parts.pop() ?? '';
    for (const part of parts) {
      if (part.trim() === '') continue;
      let line: LogLine;
      try {
        line = JSON.parse(part) as LogLine;
      } catch {
        other.push(part);
        continue;
      }
      logs.push(line);
      for (const w of [...waiters]) {
        if (w.match(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    }
  });
  child.stderr?.on('data', (b: Buffer) => {
    err += b.toString('utf8');
    const url = /GraphQL at (\S+)\/graphql/.exec(err)?.[1];
    if (url !== undefined) announced?.(url);
  });
  const exited = new Promise<number | NodeJS.Signals>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const waitForLog = (match: (l: LogLine) => boolean): Promise<LogLine> => {
    const found = logs.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => waiters.push({ match, resolve }));
  };
  const url = await Promise.race([
    waitForLog((l) => l.msg === 'listening').then((l) => String(l.url)),
    new Promise<string>((resolve) => (announced = resolve)),
    exited.then((code) => {
      throw new Error(`revprov-server exited (${code}) before listening: ${err}`);
    }),
  ]);
  return {
    url,
    pid: child.pid ?? -1,
    logs,
    stderr: () => err,
    otherStdout: () => other,
    waitForLog,
    async stop(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
