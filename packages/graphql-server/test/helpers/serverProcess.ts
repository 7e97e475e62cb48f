import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { stringify } from 'yaml';

/** The built CLI (npm test builds before running). */
export const SERVER_BIN = new URL('../../dist/bin/revprov-server.js', import.meta.url).pathname;

/** A `revprov-server` child process and its JSON log lines. */
export interface ServerProcess {
  /** Base URL (from the `listening` log line). */
  url: string;
  pid: number;
  /** Every JSON line written to stdout so far. */
  logs: Record<string, any>[];
  /** Text written to stderr. */
  stderr(): string;
  /** Resolves with the first log line matching, waiting for it. */
  waitForLog(match: (line: Record<string, any>) => boolean): Promise<Record<string, any>>;
  /** Sends `signal` and resolves with the exit code (or the signal) once the process is gone. */
  stop(signal: NodeJS.Signals): Promise<number | NodeJS.Signals>;
}

/**
 * Writes `config` as YAML to `file` and starts `revprov-server --config file` (the built one, or
 * `bin`); resolves once it listens.
 */
export async function spawnServer(file: string, config: Record<string, unknown>, env: Record<string, string> = {}, bin = SERVER_BIN): Promise<ServerProcess> {
  writeFileSync(file, stringify(config));
  const child: ChildProcess = spawn(process.execPath, [bin, '--config', file], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: Record<string, any>[] = [];
  const waiters: { match: (l: Record<string, any>) => boolean; resolve: (l: Record<string, any>) => void }[] = [];
  let err = '';
  let partial = '';
  child.stdout?.on('data', (b: Buffer) => {
    const text = partial + b.toString('utf8');
    const parts = text.split('\n');
    partial = parts.pop() ?? '';
    for (const part of parts) {
      if (part.trim() === '') continue;
      const line = JSON.parse(part) as Record<string, any>;
      logs.push(line);
      for (const w of [...waiters]) {
        if (w.match(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    }
  });
  child.stderr?.on('data', (b: Buffer) => (err += b.toString('utf8')));
  const exited = new Promise<number | NodeJS.Signals>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const waitForLog = (match: (l: Record<string, any>) => boolean): Promise<Record<string, any>> => {
    const found = logs.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => waiters.push({ match, resolve }));
  };
  const listening = await Promise.race([
    waitForLog((l) => l.msg === 'listening'),
    exited.then((code) => {
      throw new Error(`revprov-server exited (${code}) before listening: ${err}`);
    }),
  ]);
  return {
    url: String(listening.url),
    pid: child.pid ?? -1,
    logs,
    stderr: () => err,
    waitForLog,
    async stop(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
