import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RepositoryConfig } from '../config/config.js';
import { BoundedCache } from './boundedCache.js';
import { splitRepositoryUrl } from './repositoryCredentials.js';

/** The git CLI failed in a way the caller cannot act on (bad URL, missing branch, disk full...). */
export class GitError extends Error {
  override readonly name = 'GitError';
}

/** Result of a compare-and-swap push. */
export type PushResult = { ok: true } | { ok: false; rejected: true; message: string };

/**
 * Git access through the real `git` CLI, on one working clone per repository under `dataDir/repos`.
 * Reads go through immutable commit shas (cached); writes build a commit with plumbing (no
 * worktree) on an explicit parent and push it without force, so git itself refuses the push when
 * the remote branch moved. Every operation on one repository runs under `withLock`.
 */
export interface GitService {
  /** Runs `fn` alone among the git operations on `repo` (per-repository queue). */
  withLock<T>(repo: RepositoryConfig, fn: () => Promise<T>): Promise<T>;
  /**
   * Fetches the branch and returns the sha of its head. Reads share fetches: a head fetched less
   * than `freshnessMs` ago is reused, and calls made while a fetch runs wait for it, so no query
   * shape multiplies `git fetch`. `fresh: true` (saves) always fetches.
   */
  fetchHead(repo: RepositoryConfig, options?: { fresh?: boolean }): Promise<string>;
  /** Every file path of the tree of `sha`. */
  listFiles(repo: RepositoryConfig, sha: string): Promise<string[]>;
  /** The text of `file` at `sha`, or null when absent. */
  readFile(repo: RepositoryConfig, sha: string, file: string): Promise<string | null>;
  /**
   * Creates (locally, unpushed) a commit with `parent` as only parent where `file` has `content`.
   * The committer is the server's identity; the author is `change.author` (default: the server).
   */
  commitFile(repo: RepositoryConfig, change: { parent: string; file: string; content: string; message: string; author?: { name: string; email: string } }): Promise<string>;
  /** Pushes `sha` to the branch as a fast-forward only: rejected when the remote head is not its parent. */
  push(repo: RepositoryConfig, sha: string): Promise<PushResult>;
  /** True when `sha` names a commit in the working clone. */
  hasCommit(repo: RepositoryConfig, sha: string): Promise<boolean>;
  /** Asks the remote for the branch (`git ls-remote`): resolves when it answers and has it, within `timeoutMs`. */
  probe(repo: RepositoryConfig, timeoutMs: number): Promise<{ ok: true } | { ok: false; reason: string }>;
}

interface GitRun {
  code: number;
  stdout: string;
  stderr: string;
}

function runGit(args: string[], options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<GitRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd: options.cwd,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(options.timeoutMs ? { timeout: options.timeoutMs, killSignal: 'SIGKILL' as const } : {}),
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => reject(new GitError(`cannot run git: ${e.message}`)));
    child.on('close', (code) =>
      resolve({ code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
    child.stdin.on('error', () => undefined); // git may exit before reading stdin (EPIPE); its exit code tells
    child.stdin.end(options.input ?? '');
  });
}

/** Tree listings kept in memory, counted in paths. */
const MAX_CACHED_TREE_PATHS = 200_000;
/** File texts kept in memory, counted in characters (64 Mi). */
const MAX_CACHED_BLOB_CHARS = 64 * 1024 * 1024;

/**
 * Creates the git service; clones live in `<dataDir>/repos/<name>-<hash>`. `credentials`: the
 * `Authorization` header of a repository, by its URL without credentials (see
 * `withoutCredentials`); a repository URL that still carries credentials is split here too. They
 * are handed to git per command (`http.extraHeader` in the environment), never written to the
 * clone's config, the command line or a message.
 */
export function createGitService(
  dataDir: string,
  author: { name: string; email: string },
  options: { freshnessMs?: number; credentials?: ReadonlyMap<string, string> } = {},
): GitService {
  const freshnessMs = options.freshnessMs ?? 1000;
  // Per repository: the last head fetched (and when the fetch started), and the fetch in flight.
  const heads = new Map<string, { sha: string; at: number }>();
  const fetching = new Map<string, Promise<string>>();
  const queues = new Map<string, Promise<unknown>>();
  // Trees and blobs at a commit never change: kept (bounded, least recently used first out), and
  // concurrent reads of one blob share its git process, so listing 100 operations of one file in
  // 14 aliases reads the file once, not 1,400 times.
  const fileLists = new BoundedCache<string[]>(MAX_CACHED_TREE_PATHS, (files) => files.length);
  const blobs = new BoundedCache<Promise<string>>(MAX_CACHED_BLOB_CHARS);
  const ready = new Map<string, Promise<string>>();
  const identity = {
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_COMMITTER_NAME: author.name,
    GIT_COMMITTER_EMAIL: author.email,
  };

  /** The URL to show and store, and the environment that gives git the credentials. */
  function remoteOf(repo: RepositoryConfig): { url: string; env: NodeJS.ProcessEnv } {
    const split = splitRepositoryUrl(repo.url);
    const authorization = split.authorization ?? options.credentials?.get(split.url) ?? null;
    const env = authorization === null ? {} : { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'http.extraHeader', GIT_CONFIG_VALUE_0: `Authorization: ${authorization}` };
    return { url: split.url, env };
  }

  const keyOf = (repo: RepositoryConfig): string => `${remoteOf(repo).url}#${repo.branch}`;

  function cloneDir(repo: RepositoryConfig): string {
    const { url } = remoteOf(repo);
    const hash = createHash('sha256').update(url).digest('hex').slice(0, 12);
    const base = path.basename(url).replace(/\.git$/, '').replace(/[^A-Za-z0-9_.-]/g, '_') || 'repo';
    return path.join(dataDir, 'repos', `${base}-${hash}.git`);
  }

  async function git(dir: string, args: string[], input?: string, env?: NodeJS.ProcessEnv): Promise<string> {
    const r = await runGit(args, { cwd: dir, input, env });
    if (r.code !== 0) throw new GitError(`git ${args[0]} failed: ${r.stderr.trim() || r.stdout.trim()}`);
    return r.stdout;
  }

  /** A bare working clone with `origin` pointing at the configured URL (created once). */
  function ensureClone(repo: RepositoryConfig): Promise<string> {
    const dir = cloneDir(repo);
    let p = ready.get(dir);
    if (!p) {
      p = (async () => {
        if (!existsSync(path.join(dir, 'HEAD'))) {
          rmSync(dir, { recursive: true, force: true });
          mkdirSync(dir, { recursive: true });
          await git(dir, ['init', '--bare', '--quiet']);
          await git(dir, ['remote', 'add', 'origin', remoteOf(repo).url]);
        }
        return dir;
      })();
      p.catch(() => ready.delete(dir));
      ready.set(dir, p);
    }
    return p;
  }

  /** One real `git fetch` of the branch; the sha of its head. */
  async function fetchNow(repo: RepositoryConfig): Promise<string> {
    const dir = await ensureClone(repo);
    const ref = `refs/remotes/origin/${repo.branch}`;
    const remote = remoteOf(repo);
    await git(dir, ['fetch', '--quiet', '--no-tags', 'origin', `+refs/heads/${repo.branch}:${ref}`], undefined, remote.env).catch((e: Error) => {
      throw new GitError(`cannot fetch branch "${repo.branch}" of ${remote.url}: ${e.message.replace(/^git fetch failed: /, '')}`);
    });
    return (await git(dir, ['rev-parse', '--verify', `${ref}^{commit}`])).trim();
  }

  return {
    withLock<T>(repo: RepositoryConfig, fn: () => Promise<T>): Promise<T> {
      const key = cloneDir(repo);
      const prev = queues.get(key) ?? Promise.resolve();
      const next = prev.then(fn, fn);
      const settled = next.then(
        () => undefined,
        () => undefined,
      );
      queues.set(key, settled);
      void settled.then(() => {
        if (queues.get(key) === settled) queues.delete(key);
      });
      return next;
    },

    async fetchHead(repo, opts = {}) {
      const key = keyOf(repo);
      const known = heads.get(key);
      if (!opts.fresh && known && Date.now() - known.at < freshnessMs) return known.sha;
      const running = fetching.get(key);
      if (running && !opts.fresh) return running;
      const at = Date.now();
      const p = fetchNow(repo).then((sha) => {
        heads.set(key, { sha, at });
        return sha;
      });
      fetching.set(key, p);
      void p.then(
        () => fetching.get(key) === p && fetching.delete(key),
        () => fetching.get(key) === p && fetching.delete(key),
      );
      return p;
    },

    async listFiles(repo, sha) {
      const cacheKey = `${keyOf(repo)}@${sha}`;
      const cached = fileLists.get(cacheKey);
      if (cached) return cached;
      const dir = await ensureClone(repo);
      const out = await git(dir, ['ls-tree', '-r', '-z', '--name-only', sha]);
      const files = out.split('\0').filter((f) => f !== '');
      fileLists.set(cacheKey, files);
      return files;
    },

    async readFile(repo, sha, file) {
      const files = await this.listFiles(repo, sha);
      if (!files.includes(file)) return null;
      const cacheKey = `${keyOf(repo)}@${sha}:${file}`;
      const cached = blobs.get(cacheKey);
      if (cached) return cached;
      const read = ensureClone(repo).then((dir) => git(dir, ['cat-file', 'blob', `${sha}:${file}`]));
      blobs.set(cacheKey, read, 0);
      read.then(
        (text) => blobs.resize(cacheKey, text.length),
        () => blobs.delete(cacheKey),
      );
      return read;
    },

    async commitFile(repo, change) {
      const dir = await ensureClone(repo);
      const index = path.join(tmpdir(), `revprov-index-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
      const env = {
        GIT_INDEX_FILE: index,
        ...identity,
        ...(change.author ? { GIT_AUTHOR_NAME: change.author.name, GIT_AUTHOR_EMAIL: change.author.email } : {}),
      };
      try {
        await git(dir, ['read-tree', change.parent], undefined, env);
        const blob = (await git(dir, ['hash-object', '-w', '--stdin'], change.content)).trim();
        await git(dir, ['update-index', '--add', '--cacheinfo', `100644,${blob},${change.file}`], undefined, env);
        const tree = (await git(dir, ['write-tree'], undefined, env)).trim();
        return (await git(dir, ['commit-tree', tree, '-p', change.parent, '-F', '-'], change.message, env)).trim();
      } finally {
        rmSync(index, { force: true });
      }
    },

    async push(repo, sha) {
      const dir = await ensureClone(repo);
      // No force: git refuses anything but a fast-forward of the remote branch.
      const remote = remoteOf(repo);
      const r = await runGit(['push', '--porcelain', 'origin', `${sha}:refs/heads/${repo.branch}`], { cwd: dir, env: remote.env });
      if (r.code === 0) {
        heads.set(keyOf(repo), { sha, at: Date.now() }); // our push moved the branch: reads see it at once
        return { ok: true };
      }
      const text = `${r.stdout}\n${r.stderr}`;
      if (/\[rejected\]|non-fast-forward|fetch first|stale info|\[remote rejected\]/.test(text)) {
        return { ok: false, rejected: true, message: text.trim() };
      }
      throw new GitError(`cannot push to ${remote.url} (${repo.branch}): ${r.stderr.trim()}`);
    },

    async probe(repo, timeoutMs) {
      const started = Date.now();
      const remote = remoteOf(repo);
      const r = await runGit(['ls-remote', '--heads', remote.url, `refs/heads/${repo.branch}`], { timeoutMs, env: remote.env }).catch((e: Error) => ({ code: -1, stdout: '', stderr: e.message }));
      if (r.code === 0 && r.stdout.trim() !== '') return { ok: true };
      if (r.code === 0) return { ok: false, reason: `branch ${repo.branch} not found` };
      // stderr may quote the URL with credentials: keep only the kind of failure
      return { ok: false, reason: Date.now() - started >= timeoutMs ? `no answer within ${timeoutMs} ms` : 'cannot be read' };
    },

    async hasCommit(repo, sha) {
      if (!/^[0-9a-f]{4,64}$/i.test(sha)) return false;
      const dir = await ensureClone(repo);
      const r = await runGit(['cat-file', '-e', `${sha}^{commit}`], { cwd: dir });
      return r.code === 0;
    },
  };
}
