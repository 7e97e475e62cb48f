/** Options of {@link startExampleAdapter}. */
export interface ExampleAdapterOptions {
  /** SQLite database file to introspect. Opened read-only per request; it need not exist at start (requests then fail with 500). */
  dbPath: string;
  /** `sync`: POST answers 200 + status body. `async`: POST answers 202 + token, then polling. Default `'sync'`. */
  mode?: 'sync' | 'async';
  /** TCP port; 0 picks a free one. Default 0. */
  port?: number;
  /** Interface to listen on. Default `'127.0.0.1'`. */
  host?: string;
  /** Prefix of every route, such as `/datamesh.specificprovisioner`. Default `''`. */
  basePath?: string;
  /** Async mode: how many status polls answer RUNNING before the final status. Default 1. */
  pollsBeforeDone?: number;
}

/** Options with every default filled in and the base path normalised (`''` or `/a/b`, no trailing slash). */
export type ResolvedOptions = Required<ExampleAdapterOptions>;

/** Resolves defaults once; throws a `TypeError` on misuse (these are programmer errors, not user input). */
export function resolveOptions(options: ExampleAdapterOptions): ResolvedOptions {
  const { dbPath, mode = 'sync', port = 0, host = '127.0.0.1', basePath = '', pollsBeforeDone = 1 } = options;
  if (typeof dbPath !== 'string' || dbPath === '') throw new TypeError('dbPath must be a non-empty string');
  if (mode !== 'sync' && mode !== 'async') throw new TypeError(`mode must be 'sync' or 'async', got ${String(mode)}`);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new TypeError(`port must be an integer in 0..65535, got ${port}`);
  if (!Number.isInteger(pollsBeforeDone) || pollsBeforeDone < 0) throw new TypeError(`pollsBeforeDone must be a non-negative integer, got ${pollsBeforeDone}`);
  if (typeof basePath !== 'string' || /[?#\s]/.test(basePath)) throw new TypeError(`basePath must be a URL path, got ${String(basePath)}`);
  const trimmed = basePath.replace(/\/+$/, '');
  const normalised = trimmed === '' ? '' : trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
  return { dbPath, mode, port, host, basePath: normalised, pollsBeforeDone };
}
