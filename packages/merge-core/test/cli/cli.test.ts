import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { assertBuilt, revprov } from './runCli.js';

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

let dir: string;
const f = (name: string) => join(dir, name);

beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'revprov-cli-'));
  writeFileSync(f('base.yaml'), BASE);
  writeFileSync(f('theirs.yaml'), THEIRS);
  writeFileSync(f('ours.yaml'), OURS);
  writeFileSync(f('bad.yaml'), 'kind: Component\nmetadata:\n  name: [unclosed\n  title: x\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('help and usage', () => {
  for (const command of ['diff', 'merge3', 'apply-updates', 'apply', 'patch', 'merge-driver']) {
    it(`${command} --help`, () => {
      const r = revprov([command, '--help']);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain(`Usage: revprov ${command}`);
      expect(r.stdout).toMatch(/Exit status: 0/);
    });
  }
  it('--help lists every command', () => {
    const r = revprov(['--help']);
    expect(r.status).toBe(0);
    for (const c of ['diff', 'merge3', 'apply-updates', 'apply', 'patch', 'merge-driver']) expect(r.stdout).toContain(`  ${c} `);
  });
  it('no command is a usage error', () => expect(revprov([]).status).toBe(2));
  it('an unknown command is a usage error', () => {
    const r = revprov(['frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown command "frobnicate"');
  });
  it('an unknown option is a usage error', () => {
    const r = revprov(['diff', '--frob', 'a', 'b']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/revprov: .*--frob/);
  });
  it('a wrong number of files is a usage error', () => {
    const r = revprov(['diff', f('base.yaml')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('diff takes 2 file arguments, got 1');
  });
});

describe('diff', () => {
  it('lists one line per changed path, without colour when not on a terminal', () => {
    const r = revprov(['diff', f('base.yaml'), f('theirs.yaml')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('~ spec.lifecycle: "experimental" -> "production"');
    expect(r.stdout).toContain('~ spec.mesh.dataContract.schema[name=id].dataType: "string" -> "bigint"');
    expect(r.stdout).toContain('2 changes');
    expect(r.stdout).not.toContain('\u001b[');
  });
  it('--json prints the change set', () => {
    const r = revprov(['diff', '--json', f('base.yaml'), f('theirs.yaml')]);
    expect(r.status).toBe(0);
    const cs = JSON.parse(r.stdout) as { changes: { id: string }[] };
    expect(cs.changes.map((c) => c.id).sort()).toEqual(['spec.lifecycle', 'spec.mesh.dataContract.schema[name=id].dataType']);
  });
  it('--diff prints a unified diff', () => {
    const r = revprov(['diff', '--diff', f('base.yaml'), f('theirs.yaml')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('-  lifecycle: experimental\n+  lifecycle: production\n');
    expect(r.stdout).toMatch(/^--- .*base\.yaml\n\+\+\+ .*theirs\.yaml\n@@ /);
  });
  it('reads standard input for "-"', () => {
    const r = revprov(['diff', '-', f('theirs.yaml')], { input: BASE });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('2 changes');
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
  });
  it('-o - prints the merged YAML only', () => {
    const r = revprov(['merge3', f('base.yaml'), f('ours.yaml'), f('theirs.yaml'), '-o', '-']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('# Orders data product\n');
    expect(r.stdout).toContain('description: Order identifier');
  });
  it('exits 1 on a conflict and shows it; --markers writes a conflict block', () => {
    writeFileSync(f('ours2.yaml'), BASE.replace('dataType: string', 'dataType: uuid'));
    const r = revprov(['merge3', f('base.yaml'), f('ours2.yaml'), f('theirs.yaml')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/CONFLICT ~ spec\.mesh\.dataContract\.schema\[name=id\]\.dataType/);
    const m = revprov(['merge3', '--markers', f('base.yaml'), f('ours2.yaml'), f('theirs.yaml'), '-o', '-']);
    expect(m.status).toBe(1);
    expect(m.stdout).toContain('<<<<<<< ours\n          dataType: uuid\n=======\n          dataType: bigint\n>>>>>>> theirs\n');
    expect(m.stdout).toContain('lifecycle: production');
  });
  it('--write updates ours in place', () => {
    writeFileSync(f('ours3.yaml'), OURS);
    const r = revprov(['merge3', '--write', f('base.yaml'), f('ours3.yaml'), f('theirs.yaml')]);
    expect(r.status).toBe(0);
    expect(readFileSync(f('ours3.yaml'), 'utf8')).toContain('lifecycle: production');
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
    expect(r.stderr).toContain('not-cs.json: not a change set');
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
