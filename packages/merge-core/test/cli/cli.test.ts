import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { assertBuilt, childEnv, CLI, revprov } from './runCli.js';

/** The `revprov` command line, run as real processes against files in a temp directory. */

const BASE = `# Orders data product
apiVersion: witboost.com/v2
kind: Component
metadata:
  name: orders   # do not rename
spec:
  lifecycle: experimental
  mesh:
    dataContract:
      schema:
        - name: id
          dataType: string
          description: Identifier
        - name: amount
          dataType: decimal(10,2)
`;
const THEIRS = BASE.replace('lifecycle: experimental', 'lifecycle: production').replace('dataType: string', 'dataType: bigint');
const OURS = BASE.replace('description: Identifier', 'description: Order identifier');
const COMMANDS = ['diff', 'merge3', 'apply-updates', 'apply', 'patch', 'merge-driver', 'git-setup'];
const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

let dir: string;
const f = (name: string) => join(dir, name);

beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'revprov-cli-'));
  writeFileSync(f('base.yaml'), BASE);
  writeFileSync(f('theirs.yaml'), THEIRS);
  writeFileSync(f('ours.yaml'), OURS);
  writeFileSync(f('comment.yaml'), BASE.replace('# Orders data product', '# Orders'));
  writeFileSync(f('bad.yaml'), 'kind: Component\nmetadata:\n  name: [unclosed\n  title: x\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('conventions: help, version, usage errors', () => {
  const table: { args: () => string[]; status: number; stdout?: RegExp; stderr?: RegExp }[] = [
    { args: () => ['--version'], status: 0, stdout: new RegExp(`^revprov ${VERSION.replace(/\./g, '\\.')}\n$`) },
    { args: () => ['--help'], status: 0, stdout: /^Usage: revprov <command>/ },
    { args: () => ['help'], status: 0, stdout: /^Usage: revprov <command>/ },
    { args: () => [], status: 2, stderr: /^Usage: revprov <command>/ },
    { args: () => ['help', 'frobnicate'], status: 2, stderr: /^revprov: unknown command "frobnicate"\n\nUsage: revprov <command>/ },
    { args: () => ['frobnicate'], status: 2, stderr: /^revprov: unknown command "frobnicate"\n\nUsage: revprov <command>/ },
    { args: () => ['--frob'], status: 2, stderr: /^revprov: unknown option "--frob"\n\nUsage: revprov <command>/ },
    { args: () => ['diff', '--frob', 'a', 'b'], status: 2, stderr: /^revprov: unknown option "--frob"\n\nUsage: revprov diff <before> <after>.*\nRun "revprov help diff" for details\.\n$/ },
    { args: () => ['merge3', '-o'], status: 2, stderr: /^revprov: Option '-o, --output <value>' argument missing\n\nUsage: revprov merge3 / },
    { args: () => ['diff', f('base.yaml')], status: 2, stderr: /^revprov: diff takes 2 arguments, got 1\n\nUsage: revprov diff / },
    { args: () => ['diff', '--color=sometimes', f('base.yaml'), f('theirs.yaml')], status: 2, stderr: /--color must be one of auto, always, never, got "sometimes"/ },
    { args: () => ['merge3', '--conflict-style', 'diff3', f('base.yaml'), f('ours.yaml'), f('theirs.yaml')], status: 2, stderr: /--conflict-style needs --markers/ },
    { args: () => ['merge3', '--markers', '--conflict-style', 'fancy', f('base.yaml'), f('ours.yaml'), f('theirs.yaml')], status: 2, stderr: /--conflict-style must be one of merge, diff3, zdiff3/ },
  ];
  for (const t of table) {
    it(`revprov ${t.args.toString().replace(/^\(\) => \[|\]$/g, '')} → ${t.status}`, () => {
      const r = revprov(t.args());
      expect(r.status).toBe(t.status);
      if (t.stdout) expect(r.stdout).toMatch(t.stdout);
      if (t.stderr) expect(r.stderr).toMatch(t.stderr);
      if (t.status === 2) expect(r.stdout).toBe('');
    });
  }
  for (const command of COMMANDS) {
    it(`revprov help ${command} = revprov ${command} --help`, () => {
      const r = revprov(['help', command]);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: revprov ${command} `));
      expect(r.stdout).toMatch(/Exit status: 0/);
      expect(revprov([command, '--help']).stdout).toBe(r.stdout);
      expect(revprov(['--help']).stdout).toContain(`  ${command} `);
    });
  }
});

describe('diff: exit status like diff(1)', () => {
  const table = [
    { name: 'identical files', args: ['base.yaml', 'base.yaml'], status: 0, stdout: 'no changes\n' },
    { name: 'different values', args: ['base.yaml', 'theirs.yaml'], status: 1, stdout: '~ spec.lifecycle: "experimental" -> "production"\n~ spec.mesh.dataContract.schema[name=id].dataType: "string" -> "bigint"\n2 changes\n' },
    { name: 'only a comment differs: no value change', args: ['base.yaml', 'comment.yaml'], status: 0, stdout: 'no changes\n' },
    { name: '--diff of texts that differ only in a comment', args: ['--diff', 'base.yaml', 'comment.yaml'], status: 1 },
    { name: '--diff of identical texts', args: ['--diff', 'base.yaml', 'base.yaml'], status: 0, stdout: '' },
    { name: 'invalid YAML', args: ['base.yaml', 'bad.yaml'], status: 2, stdout: '' },
    { name: 'a missing file', args: ['base.yaml', 'missing.yaml'], status: 2, stdout: '' },
  ];
  for (const t of table) {
    it(`${t.name} → ${t.status}`, () => {
      const r = revprov(['diff', ...t.args.map((a) => (a.endsWith('.yaml') ? f(a) : a))]);
      expect(r.status, r.stderr).toBe(t.status);
      if (t.stdout !== undefined) expect(r.stdout).toBe(t.stdout);
    });
  }
  it('--json prints the change set', () => {
    const r = revprov(['diff', '--json', f('base.yaml'), f('theirs.yaml')]);
    expect(r.status).toBe(1);
    const cs = JSON.parse(r.stdout) as { changes: { id: string }[] };
    expect(cs.changes.map((c) => c.id).sort()).toEqual(['spec.lifecycle', 'spec.mesh.dataContract.schema[name=id].dataType']);
  });
  it('reads standard input for "-"', () => {
    const r = revprov(['diff', '-', f('theirs.yaml')], { input: BASE });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('2 changes');
  });
});

describe('--diff: unified diffs (jsdiff)', () => {
  const table = [
    {
      name: 'one changed line with 3 lines of context',
      a: 'a: 1\nb: 1\nc: 1\nd: 1\ne: 1\nf: 1\ng: 1\nh: 1\n',
      b: 'a: 1\nb: 1\nc: 1\nd: 1\ne: 2\nf: 1\ng: 1\nh: 1\n',
      expected: '--- a.yaml\n+++ b.yaml\n@@ -2,7 +2,7 @@\n b: 1\n c: 1\n d: 1\n-e: 1\n+e: 2\n f: 1\n g: 1\n h: 1\n',
    },
    {
      name: 'a missing final line break is marked',
      a: 'k: 1\n',
      b: 'k: 2',
      expected: '--- a.yaml\n+++ b.yaml\n@@ -1,1 +1,1 @@\n-k: 1\n+k: 2\n\\ No newline at end of file\n',
    },
    {
      name: 'distant changes make two hunks',
      a: 'a: 1\nb: 2\nc: 3\nd: 4\ne: 5\nf: 6\ng: 7\nh: 8\ni: 9\nj: 10\nk: 11\nl: 12\n',
      b: 'a: 0\nb: 2\nc: 3\nd: 4\ne: 5\nf: 6\ng: 7\nh: 8\ni: 9\nj: 10\nk: 11\nl: 13\n',
      expected: '--- a.yaml\n+++ b.yaml\n@@ -1,4 +1,4 @@\n-a: 1\n+a: 0\n b: 2\n c: 3\n d: 4\n@@ -9,4 +9,4 @@\n i: 9\n j: 10\n k: 11\n-l: 12\n+l: 13\n',
    },
    {
      name: 'CRLF lines keep their CR',
      a: 'a: 1\r\nb: 1\r\n',
      b: 'a: 2\r\nb: 1\r\n',
      expected: '--- a.yaml\n+++ b.yaml\n@@ -1,2 +1,2 @@\n-a: 1\r\n+a: 2\r\n b: 1\r\n',
    },
  ];
  for (const t of table) {
    it(t.name, () => {
      writeFileSync(f('a.yaml'), t.a);
      writeFileSync(f('b.yaml'), t.b);
      const r = revprov(['diff', '--diff', 'a.yaml', 'b.yaml'], { cwd: dir });
      expect(r.status).toBe(1);
      expect(r.stdout).toBe(t.expected);
    });
  }
  it('commands that edit a file diff it against the result as a/ and b/', () => {
    writeFileSync(f('mp-diff.json'), JSON.stringify({ spec: { lifecycle: 'production' } }));
    const r = revprov(['patch', '--merge-patch', '--diff', 'base.yaml', 'mp-diff.json'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('--- a/base.yaml\n+++ b/base.yaml\n@@ -4,7 +4,7 @@\n metadata:\n   name: orders   # do not rename\n spec:\n-  lifecycle: experimental\n+  lifecycle: production\n   mesh:\n     dataContract:\n       schema:\n');
  });
});

describe('colour: --color=auto|always|never, FORCE_COLOR, NO_COLOR', () => {
  const ESC = '\u001b[';
  const table: { args: string[]; env: Record<string, string>; coloured: boolean }[] = [
    { args: [], env: {}, coloured: false },
    { args: ['--color=always'], env: {}, coloured: true },
    { args: ['--color'], env: {}, coloured: true },
    { args: ['--color=never'], env: { FORCE_COLOR: '1' }, coloured: false },
    { args: ['--no-color'], env: { FORCE_COLOR: '1' }, coloured: false },
    { args: ['--color=always'], env: { NO_COLOR: '1' }, coloured: true },
    { args: [], env: { FORCE_COLOR: '1' }, coloured: true },
    { args: [], env: { FORCE_COLOR: '' }, coloured: true },
    { args: [], env: { FORCE_COLOR: '0' }, coloured: false },
    { args: ['--color=auto'], env: { FORCE_COLOR: '1', NO_COLOR: '1' }, coloured: true },
    { args: [], env: { NO_COLOR: '1' }, coloured: false },
  ];
  for (const t of table) {
    it(`${t.args.join(' ') || '(no flag)'} ${JSON.stringify(t.env)} → ${t.coloured ? 'coloured' : 'plain'}`, () => {
      for (const mode of [[], ['--diff']]) {
        const r = revprov(['diff', ...mode, ...t.args, f('base.yaml'), f('theirs.yaml')], { env: t.env });
        expect(r.status).toBe(1);
        expect(r.stdout.includes(ESC)).toBe(t.coloured);
      }
    });
  }
  it('coloured --diff marks removed lines red, added green, hunks cyan', () => {
    const r = revprov(['diff', '--diff', '--color=always', f('base.yaml'), f('theirs.yaml')]);
    expect(r.stdout).toContain(`${ESC}31m-  lifecycle: experimental${ESC}39m\n${ESC}32m+  lifecycle: production${ESC}39m\n`);
    expect(r.stdout).toMatch(/\u001b\[36m@@ -\d+,\d+ \+\d+,\d+ @@\u001b\[39m/);
  });
  it('auto colours a terminal (run under script(1) for a real pseudo-terminal)', () => {
    const command = [process.execPath, CLI, 'diff', f('base.yaml'), f('theirs.yaml')].map((a) => `'${a}'`).join(' ');
    const tty = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: childEnv({ TERM: 'xterm' }) });
    expect(tty.stdout).toContain(`${ESC}33m~${ESC}39m spec.lifecycle`);
    const noColor = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: childEnv({ TERM: 'xterm', NO_COLOR: '1' }) });
    expect(noColor.stdout).toContain('~ spec.lifecycle');
    expect(noColor.stdout).not.toContain(ESC);
  });
});

describe('merge3', () => {
  it('applies clean changes byte-locally and writes with -o', () => {
    const r = revprov(['merge3', f('base.yaml'), f('ours.yaml'), f('theirs.yaml'), '-o', f('merged.yaml')]);
    expect(r.status).toBe(0);
    expect(readFileSync(f('merged.yaml'), 'utf8')).toBe(
      OURS.replace('lifecycle: experimental', 'lifecycle: production').replace('dataType: string', 'dataType: bigint'),
    );
    expect(r.stdout).toMatch(/clean +~ spec\.lifecycle/);
    expect(r.stdout).toContain('2 changes (2 clean, 0 conflicts, 0 skipped, 0 already applied)\n');
  });
  it('-o - prints the merged YAML only', () => {
    const r = revprov(['merge3', f('base.yaml'), f('ours.yaml'), f('theirs.yaml'), '-o', '-']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('# Orders data product\n');
    expect(r.stdout).toContain('description: Order identifier');
  });
  it('exits 1 on a conflict and shows it; --markers writes a conflict block, --conflict-style diff3 with base', () => {
    writeFileSync(f('ours2.yaml'), BASE.replace('dataType: string', 'dataType: uuid'));
    const r = revprov(['merge3', f('base.yaml'), f('ours2.yaml'), f('theirs.yaml')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/CONFLICT ~ spec\.mesh\.dataContract\.schema\[name=id\]\.dataType/);
    const m = revprov(['merge3', '--markers', f('base.yaml'), f('ours2.yaml'), f('theirs.yaml'), '-o', '-']);
    expect(m.status).toBe(1);
    expect(m.stdout).toContain('<<<<<<< ours\n          dataType: uuid\n=======\n          dataType: bigint\n>>>>>>> theirs\n');
    expect(m.stdout).toContain('lifecycle: production');
    expect(m.stderr).toBe(`revprov: ${f('ours2.yaml')}: 1 conflict: spec.mesh.dataContract.schema[name=id].dataType\n`);
    const d = revprov(['merge3', '--markers', '--conflict-style', 'zdiff3', f('base.yaml'), f('ours2.yaml'), f('theirs.yaml'), '-o', '-']);
    expect(d.stdout).toContain('<<<<<<< ours\n          dataType: uuid\n||||||| base\n          dataType: string\n=======\n          dataType: bigint\n>>>>>>> theirs\n');
  });
  it('--write updates ours in place', () => {
    writeFileSync(f('ours3.yaml'), OURS);
    const r = revprov(['merge3', '--write', f('base.yaml'), f('ours3.yaml'), f('theirs.yaml')]);
    expect(r.status).toBe(0);
    expect(readFileSync(f('ours3.yaml'), 'utf8')).toContain('lifecycle: production');
  });
  it('a clean change the engine refuses is SKIPPED with its reason, exit 1, never "clean" and 0', () => {
    // theirs adds a second document: listed as clean by merge3, refused by the writer
    const base = 'kind: A\nmetadata:\n  name: a\n';
    writeFileSync(f('doc-base.yaml'), base);
    writeFileSync(f('doc-theirs.yaml'), base + '---\nkind: B\nmetadata:\n  name: b\n');
    const r = revprov(['merge3', f('doc-base.yaml'), f('doc-base.yaml'), f('doc-theirs.yaml'), '-o', f('doc-merged.yaml')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^SKIPPED +\+ \$\[b:default\/b\]: .*\n {9}not written: .+\n/);
    expect(r.stdout).not.toMatch(/^clean/m);
    expect(r.stdout).toContain('1 change (0 clean, 0 conflicts, 1 skipped, 0 already applied)');
    expect(r.stderr).toMatch(new RegExp(`^revprov: ${f('doc-base.yaml').replace(/[.]/g, '\\.')}: \\$\\[b:default/b\\]: not merged: .+\\n$`));
    const json = revprov(['merge3', '--json', f('doc-base.yaml'), f('doc-base.yaml'), f('doc-theirs.yaml')]);
    expect(json.status).toBe(1);
    expect((JSON.parse(json.stdout) as { skipped: { id: string }[] }).skipped.map((s) => s.id)).toEqual(['$[b:default/b]']);
    const markers = revprov(['merge3', '--markers', f('doc-base.yaml'), f('doc-base.yaml'), f('doc-theirs.yaml'), '-o', '-']);
    expect(markers.status).toBe(1);
    expect(markers.stdout).toContain('<<<<<<< ours\n');
    expect(markers.stdout).toContain('kind: B\n');
  });
});

describe('apply: the file must fit the change set (like git apply)', () => {
  beforeAll(() => {
    writeFileSync(f('cs.json'), revprov(['diff', '--json', f('base.yaml'), f('theirs.yaml')]).stdout);
  });
  const table = [
    { name: 'the file the change set was made from', file: BASE, args: [] as string[], status: 0, result: THEIRS },
    { name: 'a selection', file: BASE, args: ['--select', 'spec.lifecycle'], status: 0, result: BASE.replace('lifecycle: experimental', 'lifecycle: production') },
    { name: 'a file that already has one change', file: BASE.replace('dataType: string', 'dataType: bigint'), args: [], status: 0, result: THEIRS },
    { name: 'a file changed elsewhere', file: OURS, args: [], status: 0, result: THEIRS.replace('description: Identifier', 'description: Order identifier') },
    { name: 'a value that changed since', file: BASE.replace('lifecycle: experimental', 'lifecycle: staging'), args: [], status: 1, result: null },
    { name: 'a value that changed, not selected', file: BASE.replace('lifecycle: experimental', 'lifecycle: staging'), args: ['-s', 'spec.mesh'], status: 0, result: BASE.replace('lifecycle: experimental', 'lifecycle: staging').replace('dataType: string', 'dataType: bigint') },
    { name: 'a value that changed, with --force', file: BASE.replace('lifecycle: experimental', 'lifecycle: staging'), args: ['--force'], status: 0, result: THEIRS },
  ];
  for (const t of table) {
    it(`${t.name} → ${t.status}`, () => {
      writeFileSync(f('target.yaml'), t.file);
      const r = revprov(['apply', f('target.yaml'), f('cs.json'), '--write', ...t.args]);
      expect(r.status, r.stderr).toBe(t.status);
      expect(readFileSync(f('target.yaml'), 'utf8')).toBe(t.result ?? t.file);
      if (t.status === 1) {
        expect(r.stderr).toBe(
          `revprov: ${f('target.yaml')}: spec.lifecycle: the change set expects "experimental" here, the file has "staging"\n` +
            `revprov: ${f('target.yaml')}: does not fit ${f('cs.json')} (1 change); nothing written (--force applies anyway)\n`,
        );
      }
    });
  }
  it('a three-way change set checks against ours', () => {
    writeFileSync(f('ours-uuid.yaml'), BASE.replace('dataType: string', 'dataType: uuid'));
    writeFileSync(f('cs3.json'), revprov(['merge3', '--json', f('base.yaml'), f('ours-uuid.yaml'), f('theirs.yaml')]).stdout);
    const ok = revprov(['apply', f('ours-uuid.yaml'), f('cs3.json'), '-o', '-']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toBe(THEIRS);
    const stale = revprov(['apply', f('base.yaml'), f('cs3.json'), '-s', 'spec.mesh']);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('spec.mesh.dataContract.schema[name=id].dataType: the change set expects "uuid" here, the file has "string"');
  });
});

describe('apply-updates and apply', () => {
  it('apply-updates writes the proposal and keeps comments', () => {
    writeFileSync(f('updates.json'), JSON.stringify({ 'spec.lifecycle': 'production', 'metadata.title': 'Orders' }));
    const r = revprov(['apply-updates', f('base.yaml'), f('updates.json'), '-o', '-']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('  name: orders   # do not rename\n');
    expect(parse(r.stdout)).toMatchObject({ metadata: { title: 'Orders' }, spec: { lifecycle: 'production' } });
  });
  it('apply-updates reports an update through a list, naming it, and writes nothing', () => {
    writeFileSync(f('updates-bad.json'), JSON.stringify({ 'spec.mesh.dataContract.schema.name': 'x' }));
    const r = revprov(['apply-updates', f('base.yaml'), f('updates-bad.json'), '-o', f('never.yaml')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('spec.mesh.dataContract.schema');
    expect(() => readFileSync(f('never.yaml'))).toThrow();
  });
  it('apply takes a saved change set and a selection', () => {
    writeFileSync(f('cs.json'), revprov(['diff', '--json', f('base.yaml'), f('theirs.yaml')]).stdout);
    const r = revprov(['apply', f('base.yaml'), f('cs.json'), '--select', 'spec.lifecycle', '-o', '-']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(BASE.replace('lifecycle: experimental', 'lifecycle: production'));
  });
  it('apply rejects a file that is not a change set', () => {
    writeFileSync(f('not-cs.json'), '{"hello": 1}');
    const r = revprov(['apply', f('base.yaml'), f('not-cs.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('not-cs.json: changes must be an array of changes [INVALID_CHANGESET]');
  });
  it('apply names the place in a malformed change set', () => {
    const change = { id: 'spec.lifecycle', path: [{ kind: 'key', key: 'spec' }, { kind: 'key', key: 'lifecycle' }], kind: 'replace', theirs: 'production', status: 'clean' };
    writeFileSync(f('bad-cs.json'), JSON.stringify({ changes: [change, { ...change, path: [{ kind: 'key', key: 'spec' }, 'lifecycle'] }] }));
    const r = revprov(['apply', f('base.yaml'), f('bad-cs.json'), '-o', f('never.yaml')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('bad-cs.json: changes[1].path[1] must be a path segment');
    expect(r.stderr).toContain('[INVALID_CHANGESET]');
    expect(existsSync(f('never.yaml'))).toBe(false);
  });
});

describe('patch', () => {
  it('applies a JSON Patch byte-locally', () => {
    writeFileSync(f('p.json'), JSON.stringify([{ op: 'test', path: '/metadata/name', value: 'orders' }, { op: 'replace', path: '/spec/lifecycle', value: 'production' }]));
    const r = revprov(['patch', f('base.yaml'), f('p.json'), '-o', '-']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(BASE.replace('lifecycle: experimental', 'lifecycle: production'));
  });
  it('applies a merge patch with --merge-patch', () => {
    writeFileSync(f('mp.json'), JSON.stringify({ spec: { lifecycle: null }, metadata: { title: 'Orders' } }));
    const r = revprov(['patch', '--merge-patch', f('base.yaml'), f('mp.json'), '-o', '-']);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('lifecycle');
    expect(parse(r.stdout)).toMatchObject({ metadata: { name: 'orders', title: 'Orders' } });
  });
  it('a failed test op exits 1 and writes nothing', () => {
    writeFileSync(f('p-test.json'), JSON.stringify([{ op: 'test', path: '/metadata/name', value: 'payments' }]));
    const r = revprov(['patch', '--write', f('ours.yaml'), f('p-test.json')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('PATCH_TEST_FAILED');
    expect(readFileSync(f('ours.yaml'), 'utf8')).toBe(OURS);
  });
  it('an invalid JSON Patch names the operation', () => {
    writeFileSync(f('p-bad.json'), JSON.stringify([{ op: 'add', path: '/a', value: 1 }, { op: 'frob', path: '/a' }]));
    const r = revprov(['patch', f('base.yaml'), f('p-bad.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('p-bad.json: patch operation 1: unrecognized op "frob" [INVALID_PATCH]');
  });
  it('a patch file that is not JSON names file, line and column', () => {
    writeFileSync(f('p-syntax.json'), '[\n  {"op": "add",\n   "path": }\n]\n');
    const r = revprov(['patch', f('base.yaml'), f('p-syntax.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/p-syntax\.json:3:\d+: invalid JSON/);
  });
});

describe('bad input', () => {
  it('a missing file is named', () => {
    const r = revprov(['diff', f('nope.yaml'), f('base.yaml')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${f('nope.yaml')}: cannot read: no such file`);
  });
  it('invalid YAML names the file, line and column', () => {
    const r = revprov(['diff', f('base.yaml'), f('bad.yaml')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`${f('bad.yaml').replace(/[.]/g, '\\.')}:\\d+:\\d+: .*\\[YAML_SYNTAX\\]`));
  });
  it('invalid YAML read from standard input is named <stdin>', () => {
    const r = revprov(['patch', '-', f('p.json')], { input: 'a: [1\n' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/<stdin>:\d+:\d+: /);
  });
  it('--write with standard input is refused', () => {
    const r = revprov(['patch', '--write', '-', f('p.json')], { input: BASE });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--write needs a file');
  });
});

describe('messages name every value and place', () => {
  beforeAll(() => {
    writeFileSync(f('m-base.yaml'), 'a: 1\nb:\n  c: 1\n');
    writeFileSync(f('m-theirs.yaml'), 'a: 2\nb:\n  c: 2\n');
    writeFileSync(f('m-cs.json'), revprov(['diff', '--json', f('m-base.yaml'), f('m-theirs.yaml')]).stdout);
  });
  const selectors = [
    { select: '', stderr: 'revprov: --select needs a change id or a path prefix, got an empty string (without --select every change is applied)\n' },
    { select: 'a[', stderr: 'revprov: --select: expected a key at column 3 of path "a[" [INVALID_PATH]\n' },
    { select: 'b..c', stderr: 'revprov: --select: expected a key at column 3 of path "b..c" [INVALID_PATH]\n' },
  ];
  for (const t of selectors) {
    it(`apply --select ${JSON.stringify(t.select)} is a usage error (exit 2), nothing written`, () => {
      writeFileSync(f('m-target.yaml'), 'a: 1\nb:\n  c: 1\n');
      const r = revprov(['apply', '--write', f('m-target.yaml'), f('m-cs.json'), '--select', 'a', '--select', t.select]);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(t.stderr);
      expect(readFileSync(f('m-target.yaml'), 'utf8')).toBe('a: 1\nb:\n  c: 1\n');
    });
  }
  const stale = [
    { name: 'a scalar at the parent', file: 'a: 1\nb: scalar\n', has: 'the scalar "scalar" at b' },
    { name: 'null at the parent', file: 'a: 1\nb:\n', has: 'the scalar null at b' },
    { name: 'a list at the parent', file: 'a: 1\nb: [1, 2]\n', has: 'a list at b' },
    { name: 'no such key', file: 'a: 1\nb:\n  d: 1\n', has: 'no value there' },
    { name: 'no parent', file: 'a: 1\n', has: 'no value at b' },
    { name: 'a scalar document', file: '5\n', has: 'the scalar 5 as the whole document' },
  ];
  for (const t of stale) {
    it(`apply on a file with ${t.name} says what the file has`, () => {
      writeFileSync(f('m-target.yaml'), t.file);
      const r = revprov(['apply', f('m-target.yaml'), f('m-cs.json'), '--select', 'b.c']);
      expect(r.status).toBe(1);
      expect(r.stderr.split('\n')[0]).toBe(`revprov: ${f('m-target.yaml')}: b.c: the change set expects 1 here, the file has ${t.has}`);
    });
  }
  it('a conflict listing says (absent) where a side has no value', () => {
    writeFileSync(f('m-ours.yaml'), 'a: 1\n');
    const r = revprov(['merge3', f('m-base.yaml'), f('m-ours.yaml'), f('m-theirs.yaml')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('CONFLICT ~ b.c: 1 -> 2\n         base 1, ours (absent), theirs 2\n');
    expect(r.stdout).not.toContain('undefined');
  });
  it('a whole-document conflict is named "the whole document"', () => {
    writeFileSync(f('m-list.yaml'), '- x\n');
    writeFileSync(f('m-scalar.yaml'), 'x\n');
    const r = revprov(['merge3', f('m-base.yaml'), f('m-list.yaml'), f('m-scalar.yaml'), '-o', '-']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`revprov: ${f('m-list.yaml')}: 1 conflict: the whole document\n`);
    const listing = revprov(['merge3', f('m-base.yaml'), f('m-list.yaml'), f('m-scalar.yaml')]);
    expect(listing.stdout).toMatch(/^CONFLICT ~ the whole document: \{"a":1,"b":\{"c":1\}\} -> "x"\n/);
  });
  const both = [
    ['diff', 'm-base.yaml', 'm-theirs.yaml'],
    ['merge3', 'm-base.yaml', 'm-base.yaml', 'm-theirs.yaml'],
    ['apply', 'm-base.yaml', 'm-cs.json'],
    ['patch', '--merge-patch', 'm-base.yaml', 'm-cs.json'],
    ['apply-updates', 'm-base.yaml', 'm-cs.json'],
  ];
  for (const [command, ...args] of both) {
    it(`${command} --diff --json is a usage error`, () => {
      const r = revprov([command!, '--diff', '--json', ...args.map((a) => (a.startsWith('-') ? a : f(a)))]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(new RegExp(`^revprov: --json and --diff cannot be used together\\n\\nUsage: revprov ${command} `));
    });
  }
});
