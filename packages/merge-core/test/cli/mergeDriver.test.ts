import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applyChanges, merge3 } from '@revprov/merge-core';
import { chooseSide, countBlocks } from '../support/conflictMarkers.js';
import { GitRepo, gitVersion } from './gitRepo.js';
import { assertBuilt, CLI, revprov } from './runCli.js';

/**
 * `revprov merge-driver` as a real git merge driver: temp repositories, the real `git` CLI, the
 * built CLI configured by `revprov git-setup` exactly as docs/cli.md tells users to.
 */

const FILE = 'catalog-info.yaml';
const PACKAGE = fileURLToPath(new URL('../..', import.meta.url));
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
// Theirs: a new dataType for `id` and a new column; ours: a new description for `id` (the very
// next line) and the comments above the columns rewritten.
const THEIRS = BASE.replace('dataType: string', 'dataType: bigint') + `        - name: created_at\n          dataType: timestamp\n`;
const OURS = BASE.replace('description: Identifier', 'description: Order identifier').replace('# money', '# total amount, in EUR');
const OURS_UUID = BASE.replace('dataType: string', 'dataType: uuid');

/**
 * A PATH of one temp directory holding only the named tools (as links), like the PATH of a GUI
 * client or CI job that has git but neither revprov nor, perhaps, node.
 */
function pathWith(...tools: ('git' | 'node')[]): string {
  const bin = tempDir();
  for (const tool of tools) symlinkSync(tool === 'node' ? process.execPath : execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim(), join(bin, tool));
  return bin;
}

const dirs: string[] = [];
function repo(env: Record<string, string | undefined> = {}): GitRepo {
  const r = new GitRepo(env);
  dirs.push(r.dir);
  return r;
}
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'revprov-pkg-'));
  dirs.push(d);
  return d;
}
/** A repository set up with `revprov git-setup` (run by `node` on `cli`), with diverged branches. */
function setUp(ours: string | Uint8Array, theirs: string | Uint8Array, opts: { node?: string; cli?: string; name?: string; base?: string | Uint8Array } = {}): GitRepo {
  const r = repo();
  const setup = r.run([opts.cli ?? CLI, 'git-setup', ...(opts.name && opts.name !== FILE ? ['--pattern', opts.name] : [])], { file: opts.node ?? process.execPath });
  expect(setup.status, setup.out).toBe(0);
  r.diverge(opts.name ?? FILE, opts.base ?? BASE, ours, theirs);
  return r;
}

beforeAll(() => assertBuilt());
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('revprov git-setup', () => {
  it('writes the .gitattributes line and the merge.revprov config, once', () => {
    const r = repo();
    const first = revprov(['git-setup'], { cwd: r.dir, env: { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('.gitattributes: added catalog-info.yaml merge=revprov');
    expect(r.read('.gitattributes')).toBe('catalog-info.yaml merge=revprov\n');
    expect(r.git('config', '--get', 'merge.revprov.name')).toMatch(/^revprov: /);
    const driver = r.git('config', '--get', 'merge.revprov.driver');
    expect(driver).toContain(CLI);
    expect(driver).toContain('%O %A %B %L %P %S %X %Y');
    const again = revprov(['git-setup', '--pattern', 'catalog-info.yaml', '--pattern', '*.json'], { cwd: r.dir, env: { GIT_CONFIG_GLOBAL: '/dev/null' } });
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('already has catalog-info.yaml merge=revprov');
    expect(r.read('.gitattributes')).toBe('catalog-info.yaml merge=revprov\n*.json merge=revprov\n');
  });

  it('keeps the existing .gitattributes and its line breaks', () => {
    const r = repo();
    r.write('.gitattributes', '*.png binary\r\n*.sh text eol=lf');
    expect(revprov(['git-setup'], { cwd: r.dir, env: { GIT_CONFIG_GLOBAL: '/dev/null' } }).status).toBe(0);
    expect(r.read('.gitattributes')).toBe('*.png binary\r\n*.sh text eol=lf\r\ncatalog-info.yaml merge=revprov\r\n');
  });

  it('--global writes the driver to the user config; outside a repository it needs --global', () => {
    const home = tempDir();
    const outside = tempDir();
    const env = { GIT_CONFIG_GLOBAL: join(home, '.gitconfig'), GIT_CEILING_DIRECTORIES: dirname(outside) };
    const refused = revprov(['git-setup'], { cwd: outside, env });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('not inside a git repository');
    const r = revprov(['git-setup', '--global'], { cwd: outside, env });
    expect(r.status, r.stderr).toBe(0);
    const fresh = repo({ GIT_CONFIG_GLOBAL: join(home, '.gitconfig') });
    expect(fresh.git('config', '--get', 'merge.revprov.driver')).toContain(CLI);
    expect(existsSync(join(outside, '.gitattributes'))).toBe(false);
  });

  it('a .gitattributes that is not UTF-8 is left alone, and so is the config', () => {
    const r = repo();
    const latin1 = Buffer.from('# propriétaire: équipe A\n*.png binary\n', 'latin1');
    r.write('.gitattributes', latin1);
    const out = revprov(['git-setup'], { cwd: r.dir, env: { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/^revprov: \S+\.gitattributes: byte 8 \(line 1\): not valid UTF-8 \(the bytes E9 74\); .*; nothing written \[NOT_UTF8\]\n$/);
    expect(r.readBytes('.gitattributes')).toEqual(latin1);
    expect(r.run(['config', '--get', 'merge.revprov.driver']).status).toBe(1);
  });

  it('rejects a pattern with spaces', () => {
    const r = repo();
    const out = revprov(['git-setup', '--pattern', 'a b'], { cwd: r.dir, env: { GIT_CONFIG_GLOBAL: '/dev/null' } });
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('--pattern must be one gitattributes pattern');
  });
});

describe('revprov as a git merge driver', () => {
  it('without the driver, git reports a conflict on the adjacent lines', () => {
    const r = repo();
    r.diverge(FILE, BASE, OURS, THEIRS);
    const m = r.run(['merge', '--no-edit', 'feature']);
    expect(m.status).not.toBe(0);
    expect(r.read(FILE)).toContain('<<<<<<<');
  });

  it('with the driver, the same merge succeeds structurally, with neither revprov nor node on PATH', () => {
    const r = setUp(OURS, THEIRS);
    const m = r.run(['merge', '--no-edit', 'feature'], { env: { PATH: pathWith('git') } });
    expect(m.status, m.out).toBe(0);
    expect(r.read(FILE)).toBe(OURS.replace('dataType: string', 'dataType: bigint') + `        - name: created_at\n          dataType: timestamp\n`);
    expect(r.git('status', '--porcelain')).toBe('');
  });

  it('a conflict leaves git conflict state and a node-local block; either side resolves it', () => {
    const r = setUp(OURS_UUID, THEIRS);
    const m = r.run(['merge', '--no-edit', 'feature']);
    expect(m.status).not.toBe(0);
    expect(m.out).toContain('CONFLICT (content): Merge conflict in catalog-info.yaml');
    expect(m.out).toContain('revprov: catalog-info.yaml: 1 conflict: spec.mesh.dataContract.schema[name=id].dataType');
    expect(r.git('status', '--porcelain')).toBe('UU catalog-info.yaml\n');
    expect(r.git('ls-files', '-u').split('\n').filter(Boolean).map((l) => l.split(/\s+/)[2])).toEqual(['1', '2', '3']);
    const text = r.read(FILE);
    const [major, minor] = gitVersion();
    const [ours, theirs] = major > 2 || (major === 2 && minor >= 44) ? ['HEAD', 'feature'] : ['ours', 'theirs'];
    expect(text).toContain(`<<<<<<< ${ours}\n          dataType: uuid\n=======\n          dataType: bigint\n>>>>>>> ${theirs}\n`);
    expect(countBlocks(text)).toBe(1);
    // the clean change (the new column) is merged outside the block
    expect(text).toContain('        - name: created_at\n          dataType: timestamp\n');
    for (const [side, dataType] of [['ours', 'uuid'], ['theirs', 'bigint']] as const) {
      const chosen = chooseSide(text, side);
      expect(parse(chosen).spec.mesh.dataContract.schema.map((c: { dataType: string }) => c.dataType)).toEqual([dataType, 'decimal(10,2)', 'timestamp']);
    }
    r.write(FILE, chooseSide(text, 'theirs'));
    r.git('add', FILE);
    r.git('commit', '-q', '--no-edit');
    expect(r.git('status', '--porcelain')).toBe('');
    expect(r.git('show', 'HEAD:catalog-info.yaml')).toBe(THEIRS);
  });

  it('honours merge.conflictStyle=diff3 with a base section', () => {
    const r = setUp(OURS_UUID, THEIRS);
    r.git('config', 'merge.conflictStyle', 'diff3');
    expect(r.run(['merge', '--no-edit', 'feature']).status).not.toBe(0);
    const text = r.read(FILE);
    expect(text).toMatch(/<<<<<<< \S+\n {10}dataType: uuid\n\|\|\|\|\|\|\| .+\n {10}dataType: string\n=======\n {10}dataType: bigint\n>>>>>>> \S+\n/);
    expect(parse(chooseSide(text, 'base')).spec.mesh.dataContract.schema[0].dataType).toBe('string');
  });

  it('a change the engine refuses is a conflict naming the path and the reason, never a silent loss', () => {
    const cases = [
      { base: 'kind: A\nmetadata:\n  name: a\n', ours: 'kind: A\nmetadata:\n  name: a\n  title: T\n', theirs: 'kind: A\nmetadata:\n  name: a\n---\nkind: B\nmetadata:\n  name: b\n' },
      { base: 'a: &x\n  k: 1\nb: *x\nc: 1\n', ours: 'a: &x\n  k: 1\nb: *x\nc: 2\n', theirs: 'a:\n  k: 1\nb:\n  k: 2\nc: 1\n' },
    ];
    // the first case the engine refuses today (the library test checks that one is)
    const refused = cases.find((c) => {
      const cs = merge3(c);
      const clean = cs.changes.filter((x) => x.status === 'clean').map((x) => x.id);
      return applyChanges(c.ours, cs, clean).applied.length < clean.length;
    });
    expect(refused).toBeDefined();
    const { base, ours, theirs } = refused!;
    const r = setUp(ours, theirs, { base });
    const m = r.run(['merge', '--no-edit', 'feature']);
    expect(m.status).not.toBe(0);
    expect(m.out).toMatch(/revprov: catalog-info\.yaml: \S+: not merged automatically \(.+\); marked as a conflict/);
    expect(r.git('status', '--porcelain')).toBe('UU catalog-info.yaml\n');
    const text = r.read(FILE);
    expect(countBlocks(text)).toBe(1);
    expect(parse(chooseSide(text, 'ours'))).toBeTruthy();
    const cs = merge3({ base, ours: chooseSide(text, 'theirs'), theirs });
    expect(cs.changes.filter((c) => c.status !== 'applied')).toEqual([]);
  });

  it('JSON-layout files: each side of a block inside a multi-line flow mapping is valid JSON', () => {
    const base = '{\n  "name": "orders",\n  "owner": "team-a",\n  "tags": ["a", "b"],\n  "lifecycle": "experimental"\n}\n';
    const ours = base.replace('experimental', 'dev').replace('team-a', 'team-b');
    const theirs = base.replace(',\n  "lifecycle": "experimental"', '').replace('team-a', 'team-c').replace('"orders"', '"orders-v2"');
    const r = setUp(ours, theirs, { name: 'catalog-info.json', base });
    expect(r.run(['merge', '--no-edit', 'feature']).status).not.toBe(0);
    const text = r.read('catalog-info.json');
    expect(countBlocks(text)).toBe(2);
    expect(text.startsWith('{\n  "name": "orders-v2",\n<<<<<<< ')).toBe(true);
    expect(JSON.parse(chooseSide(text, 'ours'))).toEqual({ name: 'orders-v2', owner: 'team-b', tags: ['a', 'b'], lifecycle: 'dev' });
    expect(JSON.parse(chooseSide(text, 'theirs'))).toEqual({ name: 'orders-v2', owner: 'team-c', tags: ['a', 'b'] });
  });

  it('labels as git 2.44+ passes them (%S %X %Y); defaults where git leaves the placeholders', () => {
    const dir = tempDir();
    const [O, A, B] = ['O', 'A', 'B'].map((n) => join(dir, n)) as [string, string, string];
    const table = [
      { labels: ['merged common ancestors', 'HEAD', 'feature'], expected: ['HEAD', 'merged common ancestors', 'feature'] },
      { labels: ['%S', '%X', '%Y'], expected: ['ours', 'base', 'theirs'] },
    ];
    for (const { labels, expected } of table) {
      writeFileSync(O, BASE);
      writeFileSync(A, OURS_UUID);
      writeFileSync(B, THEIRS);
      const r = revprov(['merge-driver', O, A, B, '9', FILE, ...labels, '--conflict-style', 'diff3']);
      expect(r.status).toBe(1);
      const [ours, base, theirs] = expected;
      expect(readFileSync(A, 'utf8')).toContain(
        `<<<<<<<<< ${ours}\n          dataType: uuid\n||||||||| ${base}\n          dataType: string\n=========\n          dataType: bigint\n>>>>>>>>> ${theirs}\n`,
      );
    }
  });

  it('after a Node upgrade (the recorded node is gone) it runs with the node on PATH', () => {
    const bin = tempDir();
    const node = join(bin, 'node');
    symlinkSync(process.execPath, node);
    const r = setUp(OURS, THEIRS, { node });
    rmSync(node);
    const m = r.run(['merge', '--no-edit', 'feature'], { env: { PATH: pathWith('git', 'node') } });
    expect(m.status, m.out).toBe(0);
    expect(r.read(FILE)).toContain('dataType: bigint\n          description: Order identifier\n');
  });

  it('when the CLI cannot be found at all, git still gets a line merge with markers', () => {
    // a copy of the installed package that is deleted after setup
    const pkg = tempDir();
    cpSync(join(PACKAGE, 'dist'), join(pkg, 'dist'), { recursive: true });
    cpSync(join(PACKAGE, 'package.json'), join(pkg, 'package.json'));
    symlinkSync(join(PACKAGE, '..', '..', 'node_modules'), join(pkg, 'node_modules'));
    const r = setUp(OURS, THEIRS, { cli: join(pkg, 'dist', 'cli', 'main.js') });
    rmSync(join(pkg, 'dist'), { recursive: true });
    const m = r.run(['merge', '--no-edit', 'feature'], { env: { PATH: pathWith('git', 'node') } });
    expect(m.status).not.toBe(0);
    expect(m.out).toContain('revprov: not found');
    expect(r.git('status', '--porcelain')).toBe('UU catalog-info.yaml\n');
    const text = r.read(FILE);
    expect(text).toMatch(/^<<<<<<< ours\n[^]*\n=======\n[^]*\n>>>>>>> theirs$/m);
    expect(parse(chooseSide(text, 'theirs')).spec.mesh.dataContract.schema[0].dataType).toBe('bigint');
  });

  it('falls back to a line merge (git merge-file) when a side is not YAML', () => {
    const ours = BASE.replace('name: orders', 'name: [orders');
    const theirs = BASE.replace('kind: Component', 'kind: Resource');
    const r = setUp(ours, theirs);
    const m = r.run(['merge', '--no-edit', 'feature']);
    expect(m.out).toMatch(/catalog-info\.yaml \(ours\):\d+:\d+: .*\[YAML_SYNTAX\]/);
    expect(m.out).toContain('falling back to a line merge');
    expect(m.status).toBe(0);
    expect(r.read(FILE)).toBe(ours.replace('kind: Component', 'kind: Resource'));
  });
});

describe('files that are not UTF-8 text: git merges the bytes, exactly as without the driver', () => {
  const latin1 = (s: string) => Buffer.from(s, 'latin1');
  const utf16 = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
  const LONG = '# café owner\na: 1\nb: 2\nc: 3\nd: 4\ne: 5\n';
  const SHORT = '# café owner\na: 1\nb: 2\n';
  const table = [
    { name: 'Latin-1, changes far apart: a clean line merge', encode: latin1, base: LONG, ours: LONG.replace('a: 1', 'a: 5'), theirs: LONG.replace('e: 5', 'e: 6'), clean: true },
    { name: 'Latin-1, neighbouring lines: a line conflict', encode: latin1, base: SHORT, ours: SHORT.replace('a: 1', 'a: 5'), theirs: SHORT.replace('b: 2', 'b: 3'), clean: false },
    { name: 'UTF-16 with a byte order mark: binary to git, ours kept in conflict', encode: utf16, base: SHORT, ours: SHORT.replace('a: 1', 'a: 5'), theirs: SHORT.replace('b: 2', 'b: 3'), clean: false },
  ];
  const [major, minor] = gitVersion();
  // git before 2.44 passes no labels (%X %Y): the driver's line merge says ours/theirs where git says HEAD/feature
  const asGitLabels = (b: Buffer) =>
    major > 2 || (major === 2 && minor >= 44) ? b : Buffer.from(b.toString('latin1').replace(/^<{7} ours$/m, '<<<<<<< HEAD').replace(/^>{7} theirs$/m, '>>>>>>> feature'), 'latin1');
  for (const t of table) {
    it(t.name, () => {
      const [base, ours, theirs] = [t.base, t.ours, t.theirs].map(t.encode) as [Buffer, Buffer, Buffer];
      const withDriver = setUp(ours, theirs, { base });
      const plain = repo();
      plain.diverge(FILE, base, ours, theirs);
      const m = withDriver.run(['merge', '--no-edit', 'feature']);
      const g = plain.run(['merge', '--no-edit', 'feature']);
      expect(m.out).toMatch(/revprov: catalog-info\.yaml \(ours\): byte \d+ \(line 1\): not .*\[NOT_UTF8\]/);
      expect([m.status === 0, g.status === 0]).toEqual([t.clean, t.clean]);
      expect(withDriver.git('status', '--porcelain')).toBe(t.clean ? '' : 'UU catalog-info.yaml\n');
      const merged = withDriver.readBytes(FILE);
      expect(asGitLabels(merged)).toEqual(plain.readBytes(FILE));
      expect(merged.includes(Buffer.from('\uFFFD'))).toBe(false);
      if (!t.clean && t.encode === utf16) expect(merged).toEqual(ours);
      if (t.clean) expect(merged).toEqual(latin1(t.ours.replace('e: 5', 'e: 6')));
    });
  }
});
