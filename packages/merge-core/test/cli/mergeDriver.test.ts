import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { assertBuilt, CLI } from './runCli.js';

/**
 * `revprov merge-driver` as a real git merge driver: a temp repository, the real `git` CLI,
 * the built CLI configured exactly as docs/cli.md tells users to.
 */

const BASE = `apiVersion: witboost.com/v2
kind: Component
metadata:
  name: orders
spec:
  mesh:
    dataContract:
      schema:
        # the primary key
        - name: id
          dataType: string
          description: Identifier
        # money
        - name: amount
          dataType: decimal(10,2)
          description: Order total
`;

let repo = '';
const dirs: string[] = [];

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}
function tryGit(...args: string[]): { status: number | null; out: string } {
  const r = spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}
function commitFile(text: string, message: string): void {
  writeFileSync(join(repo, 'catalog-info.yaml'), text);
  git('add', 'catalog-info.yaml');
  git('commit', '-q', '-m', message);
}

/** A repository on `main` with BASE committed, branch `theirs` and `main` diverging from it. */
function setup(withDriver: boolean, ours: string, theirs: string): void {
  repo = mkdtempSync(join(tmpdir(), 'revprov-git-'));
  dirs.push(repo);
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'test@example.com');
  git('config', 'user.name', 'Test');
  git('config', 'commit.gpgsign', 'false');
  if (withDriver) {
    writeFileSync(join(repo, '.gitattributes'), 'catalog-info.yaml merge=revprov\n');
    git('config', 'merge.revprov.driver', `"${process.execPath}" "${CLI}" merge-driver %O %A %B %L %P`);
    git('add', '.gitattributes');
  }
  commitFile(BASE, 'base');
  git('checkout', '-q', '-b', 'theirs');
  commitFile(theirs, 'theirs');
  git('checkout', '-q', 'main');
  commitFile(ours, 'ours');
}

const read = () => readFileSync(join(repo, 'catalog-info.yaml'), 'utf8');

beforeAll(() => assertBuilt());
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

// Theirs: a new dataType for `id` and a new column; ours: a new description for `id` (the very
// next line) and the comments above the columns rewritten and swapped.
const THEIRS = BASE.replace('dataType: string', 'dataType: bigint') + `        - name: created_at\n          dataType: timestamp\n`;
const OURS = BASE.replace('description: Identifier', 'description: Order identifier')
  .replace('# the primary key', '# money is below; this is the key')
  .replace('# money', '# total amount, in EUR');

describe('revprov as a git merge driver', () => {
  it('without the driver, git reports a conflict on the adjacent lines', () => {
    setup(false, OURS, THEIRS);
    const r = tryGit('merge', '--no-edit', 'theirs');
    expect(r.status).not.toBe(0);
    expect(r.out).toContain('CONFLICT');
    expect(read()).toContain('<<<<<<<');
  });

  it('with the driver, the same merge succeeds and keeps both sides', () => {
    setup(true, OURS, THEIRS);
    const r = tryGit('merge', '--no-edit', 'theirs');
    expect(r.status, r.out).toBe(0);
    expect(read()).toBe(
      OURS.replace('dataType: string', 'dataType: bigint') + `        - name: created_at\n          dataType: timestamp\n`,
    );
    expect(git('status', '--porcelain')).toBe('');
  });

  it('a true conflict exits non-zero and leaves a readable, node-local conflict block', () => {
    setup(true, BASE.replace('dataType: string', 'dataType: uuid'), THEIRS);
    const r = tryGit('merge', '--no-edit', 'theirs');
    expect(r.status).not.toBe(0);
    expect(r.out).toContain('CONFLICT');
    const text = read();
    // Only the conflicting entry is inside markers; the clean change (new column) is merged.
    expect(text).toContain('<<<<<<< ours\n          dataType: uuid\n=======\n          dataType: bigint\n>>>>>>> theirs\n');
    expect(text).toContain('        - name: created_at\n          dataType: timestamp\n');
    const withoutBlock = text.replace(/<<<<<<< ours\n.*\n=======\n.*\n>>>>>>> theirs\n/, '          dataType: uuid\n');
    expect(parse(withoutBlock)).toMatchObject({ metadata: { name: 'orders' } });
    expect(git('diff', '--name-only', '--diff-filter=U')).toBe('catalog-info.yaml\n');
  });

  it('falls back to a line merge (git merge-file) when a side is not YAML', () => {
    setup(true, BASE.replace('name: orders', 'name: [orders'), BASE.replace('kind: Component', 'kind: Resource'));
    const r = tryGit('merge', '--no-edit', 'theirs');
    expect(r.out).toContain('falling back to a line merge');
    expect(r.status).toBe(0);
    expect(read()).toBe(BASE.replace('name: orders', 'name: [orders').replace('kind: Component', 'kind: Resource'));
  });
});
