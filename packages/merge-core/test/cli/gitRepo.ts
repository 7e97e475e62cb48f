import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childEnv } from './runCli.js';

/**
 * A throw-away git repository in a temp directory, driven through the real `git` CLI. Git reads
 * no global or system config (so a developer's own settings cannot change the outcome) unless a
 * test hands in `GIT_CONFIG_GLOBAL`.
 */
export class GitRepo {
  readonly dir: string;
  private readonly env: NodeJS.ProcessEnv;

  constructor(env: Record<string, string | undefined> = {}) {
    this.dir = mkdtempSync(join(tmpdir(), 'revprov-git-'));
    this.env = childEnv({ GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', ...env });
    this.git('init', '-q', '-b', 'main');
    this.git('config', 'user.email', 'test@example.com');
    this.git('config', 'user.name', 'Test');
    this.git('config', 'commit.gpgsign', 'false');
  }

  /** Runs git; throws (with its output) when it fails. */
  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, encoding: 'utf8', env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
  }

  /** Runs git (or another command with `file`) and returns its exit status and all its output. */
  run(args: string[], opts: { file?: string; env?: Record<string, string | undefined> } = {}): { status: number | null; out: string } {
    const r = spawnSync(opts.file ?? 'git', args, { cwd: this.dir, encoding: 'utf8', env: { ...this.env, ...opts.env } });
    return { status: r.status, out: r.stdout + r.stderr };
  }

  write(name: string, text: string | Uint8Array): void {
    writeFileSync(join(this.dir, name), text);
  }

  read(name: string): string {
    return readFileSync(join(this.dir, name), 'utf8');
  }

  readBytes(name: string): Buffer {
    return readFileSync(join(this.dir, name));
  }

  commit(name: string, text: string | Uint8Array, message: string): void {
    this.write(name, text);
    this.git('add', '-A');
    this.git('commit', '-q', '-m', message);
  }

  /**
   * `base` committed on main, then `theirs` on branch `branch` and `ours` on main; the caller
   * merges `branch` into main.
   */
  diverge(name: string, base: string | Uint8Array, ours: string | Uint8Array, theirs: string | Uint8Array, branch = 'feature'): void {
    this.commit(name, base, 'base');
    this.git('checkout', '-q', '-b', branch);
    this.commit(name, theirs, 'theirs');
    this.git('checkout', '-q', 'main');
    this.commit(name, ours, 'ours');
  }
}

/** The installed git's version as [major, minor]. */
export function gitVersion(): [number, number] {
  const m = /(\d+)\.(\d+)/.exec(execFileSync('git', ['--version'], { encoding: 'utf8' }));
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
}
