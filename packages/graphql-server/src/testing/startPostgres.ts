import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** A throw-away PostgreSQL cluster on a loopback port (Debian's `postgresql` package). */
export interface PostgresServer {
  port: number;
  /** URL of database `db` (default `postgres`) as the superuser `postgres`. */
  url(db?: string): string;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server abruptly (`-m immediate`, as a crash would); `start()` brings it back on the same port. */
  stop(): void;
  start(): void;
  /** The postmaster's process id (its backends are its children), e.g. to read CPU times. */
  pid(): number;
  /** Stops it and removes its data directory. */
  close(): void;
}

/** Debian and Ubuntu install the server binaries under /usr/lib/postgresql/<major>/bin, not on PATH. */
function debianBinDir(): string {
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root) ? readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin', 'initdb'))) : [];
  const newest = majors.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error(`no PostgreSQL server binaries under ${root}: apt-get install postgresql (.ci/run does)`);
  return path.join(root, newest, 'bin');
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A throw-away PostgreSQL server for tests: `initdb` + `pg_ctl start` in a fresh folder under the
 * OS temp dir, on a free loopback port, trust authentication on 127.0.0.1 only, as the `postgres`
 * user when run as root (PostgreSQL refuses root; `runuser` switches). No fsync (only the machine
 * crashing could lose data), but commits are synchronous: `stop()` is a crash of the server, and a
 * committed transaction must survive it as in production. Call `close()` in afterAll.
 *
 * `options.binDir`: the folder holding `initdb`, `pg_ctl` and `postgres`; default: the newest
 * `/usr/lib/postgresql/<major>/bin` (Debian's and Ubuntu's `postgresql` package). Throws, naming
 * what to install, when there is none.
 */
export async function startPostgres(options: { binDir?: string } = {}): Promise<PostgresServer> {
  const bin = options.binDir ?? debianBinDir();
  const dir = mkdtempSync(path.join(tmpdir(), 'revprov-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (tool: string, args: string[]): void => {
    const cmd = path.join(bin, tool);
    if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe' });
    else execFileSync(cmd, args, { stdio: 'pipe' });
  };
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200`;
  const start = (): void => run('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', '-o', serverOptions, 'start']);
  const stop = (): void => run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
  start();
  const url = (db = 'postgres'): string => `postgres://postgres@127.0.0.1:${port}/${db}`;
  return {
    port,
    url,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    stop,
    start,
    pid: () => Number(readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]),
    close() {
      try {
        stop();
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
