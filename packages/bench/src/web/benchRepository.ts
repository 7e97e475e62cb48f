import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ENV = { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@localhost', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@localhost' };
const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, env: ENV, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** The template that makes the workload's component reverse-provisionable. */
export const BENCH_TEMPLATE = `apiVersion: witboost.com/v2
kind: ReverseProvisioningTemplate
metadata:
  name: snowflake-outputport-reverse-provisioning
spec:
  useCaseTemplateId:
    - urn:dmb:utm:snowflake-outputport-template:0.0.0
  parameters:
    properties:
      tableName: { type: string, default: settlements }
`;

/** A bare repository with a working clone to commit from (as people pushing to the branch would). */
export interface BenchRepository {
  /** The bare repository's path: the server's clone URL. */
  url: string;
  /** Commits `catalog-info.yaml` with `text` on main and pushes; returns the sha. */
  commitCatalog(text: string, message: string): string;
  close(): void;
}

/** Creates the repository in a temporary folder with the template and a development environment. */
export function createBenchRepository(): BenchRepository {
  const dir = mkdtempSync(path.join(tmpdir(), 'revprov-web-bench-'));
  const bare = path.join(dir, 'component.git');
  const work = path.join(dir, 'work');
  git(dir, 'init', '--quiet', '--bare', '-b', 'main', bare);
  git(dir, 'clone', '--quiet', bare, work);
  git(work, 'checkout', '--quiet', '-B', 'main');
  mkdirSync(path.join(work, 'environments', 'development'), { recursive: true });
  writeFileSync(path.join(work, 'environments', 'development', 'configurations.yaml'), 'warehouse: BENCH\n');
  writeFileSync(path.join(work, 'reverse-provisioning-template.yaml'), BENCH_TEMPLATE);
  return {
    url: bare,
    commitCatalog(text, message) {
      writeFileSync(path.join(work, 'catalog-info.yaml'), text);
      git(work, 'add', '--all');
      git(work, 'commit', '--quiet', '-m', message);
      git(work, 'push', '--quiet', 'origin', 'main');
      return git(work, 'rev-parse', 'HEAD').trim();
    },
    close() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
