import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Runs git in `cwd` and returns its output. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' });
}

/** Commits `edit(file)` on `main` of the bare repository `repo` and pushes, as a colleague would; returns the new sha. */
export function colleagueCommit(repo: string, file: string, edit: (text: string) => string, message: string): string {
  const work = mkdtempSync(path.join(tmpdir(), 'revprov-colleague-'));
  const env = { ...process.env, GIT_AUTHOR_NAME: 'Colleague', GIT_AUTHOR_EMAIL: 'colleague@example.com', GIT_COMMITTER_NAME: 'Colleague', GIT_COMMITTER_EMAIL: 'colleague@example.com' };
  try {
    execFileSync('git', ['clone', '--quiet', repo, 'w'], { cwd: work, env });
    const clone = path.join(work, 'w');
    const abs = path.join(clone, file);
    const before = readFileSync(abs, 'utf8');
    const after = edit(before);
    if (after === before) throw new Error(`the colleague's edit changes nothing in ${file}`);
    writeFileSync(abs, after);
    execFileSync('git', ['commit', '--quiet', '-am', message], { cwd: clone, env });
    execFileSync('git', ['push', '--quiet', 'origin', 'main'], { cwd: clone, env });
    return git(clone, 'rev-parse', 'HEAD').trim();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
