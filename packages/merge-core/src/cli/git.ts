import { spawnSync } from 'node:child_process';

/** The outcome of one `git` run; `status` is `null` when git could not be started at all. */
export interface GitRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `git <args>` in `cwd` (default: the current directory) without a shell. */
export function git(args: readonly string[], cwd?: string): GitRun {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.error) return { status: null, stdout: '', stderr: r.error.message };
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `git config --get <key>`, or `undefined` when unset (or git is not available). */
export function gitConfig(key: string, cwd?: string): string | undefined {
  const r = git(['config', '--get', key], cwd);
  return r.status === 0 ? r.stdout.replace(/\r?\n$/, '') : undefined;
}

/** Options of git's own line merge. */
export interface LineMergeOptions {
  markerSize: number;
  labels: { ours: string; base: string; theirs: string };
  style: 'merge' | 'diff3';
}

/**
 * git's own line merge of three files (`git merge-file`), written into `oursFile` as git would
 * without a driver. Returns the number of conflicting hunks, or `null` when git could not run it.
 */
export function lineMerge(oursFile: string, baseFile: string, theirsFile: string, options: LineMergeOptions): number | null {
  const { labels } = options;
  const args = ['merge-file', `--marker-size=${options.markerSize}`, '-L', labels.ours, '-L', labels.base, '-L', labels.theirs];
  if (options.style === 'diff3') args.push('--diff3');
  const r = git([...args, oursFile, baseFile, theirsFile]);
  if (r.stderr) process.stderr.write(r.stderr);
  if (r.status === null || r.status < 0 || r.status > 127) return null;
  return r.status;
}
