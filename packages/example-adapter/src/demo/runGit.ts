import { execFile } from 'node:child_process';

/** The identity and date the demo commits are made with, so seeding gives the same commit every time. */
const COMMIT_ENV = {
  GIT_AUTHOR_NAME: 'revprov demo',
  GIT_AUTHOR_EMAIL: 'demo@revprov.invalid',
  GIT_COMMITTER_NAME: 'revprov demo',
  GIT_COMMITTER_EMAIL: 'demo@revprov.invalid',
  GIT_AUTHOR_DATE: '2024-05-06T10:00:00Z',
  GIT_COMMITTER_DATE: '2024-05-06T10:00:00Z',
};

/**
 * Runs the `git` CLI with the user's global and system configuration ignored (no hooks, signing or
 * templates leak in) and never prompting. Rejects with git's stderr when it fails.
 */
export function runGit(args: string[], cwd: string): Promise<string> {
  const env = { ...process.env, ...COMMIT_ENV, GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
  const fullArgs = ['-c', 'user.name=revprov demo', '-c', 'user.email=demo@revprov.invalid', '-c', 'commit.gpgsign=false', ...args];
  return new Promise((resolve, reject) => {
    execFile('git', fullArgs, { cwd, env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`git ${args.join(' ')} failed: ${stderr.trim() || error.message}`));
      else resolve(stdout);
    });
  });
}
