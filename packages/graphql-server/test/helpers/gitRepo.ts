import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Tester',
  GIT_AUTHOR_EMAIL: 'tester@example.com',
  GIT_COMMITTER_NAME: 'Tester',
  GIT_COMMITTER_EMAIL: 'tester@example.com',
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: ENV, encoding: 'utf8' });
}

/** A fresh temporary folder (removed by the returned cleanup). */
export function tempDir(prefix = 'revprov-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Creates a bare repository at `<dir>/<name>.git` whose `main` holds `files`; returns its path. */
export function createBareRepo(dir: string, files: Record<string, string>, name = 'component'): string {
  const bare = path.join(dir, `${name}.git`);
  git(dir, 'init', '--quiet', '--bare', '-b', 'main', bare);
  commitFiles(bare, files, 'initial commit');
  return bare;
}

/** Commits `files` (path → text; null deletes) on `main` of the bare repo as another user would; returns the new sha. */
export function commitFiles(bare: string, files: Record<string, string | null>, message: string): string {
  const work = mkdtempSync(path.join(tmpdir(), 'revprov-clone-'));
  try {
    git(work, 'clone', '--quiet', bare, 'w');
    const w = path.join(work, 'w');
    git(w, 'checkout', '--quiet', '-B', 'main');
    for (const [file, text] of Object.entries(files)) {
      const abs = path.join(w, file);
      if (text === null) {
        git(w, 'rm', '--quiet', file);
      } else {
        mkdirSync(path.dirname(abs), { recursive: true });
        writeFileSync(abs, text);
        git(w, 'add', file);
      }
    }
    git(w, 'commit', '--quiet', '-m', message);
    git(w, 'push', '--quiet', 'origin', 'main');
    return git(w, 'rev-parse', 'HEAD').trim();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The text of `file` on `main` of the bare repo. */
export function showFile(bare: string, file: string, rev = 'main'): string {
  return git(bare, 'show', `${rev}:${file}`);
}
