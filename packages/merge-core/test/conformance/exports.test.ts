import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ensureBuilt, REPO_ROOT as repoRoot } from '../support/ensureBuilt.js';

const SCRIPT = `
import { merge3, applyChanges, applyUpdates, diff, parsePath, formatPath, MergeError } from '@revprov/merge-core';
import { parse } from 'yaml';
const base = 'a: 1 # keep\\nb: x\\n';
const cs = merge3({ base, ours: base, theirs: 'a: 2\\nb: x\\n' });
const out = applyChanges(base, cs);
const upd = applyUpdates(base, { b: '1.0' });
const bad = diff('a: [', 'a: 1');
console.log(JSON.stringify({
  ids: cs.changes.map((c) => c.id),
  text: out.text,
  updatedHead: upd.text.split('\\n')[0],
  updated: parse(upd.text),
  typed: bad.errors[0] instanceof MergeError,
  path: formatPath(parsePath('spec.x[name=a]')),
}));
`;

describe('package entry point from plain Node', () => {
  it('imports @revprov/merge-core through the exports map, without a loader', () => {
    ensureBuilt();
    const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', SCRIPT], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    const result = JSON.parse(stdout) as Record<string, unknown>;
    expect(result).toEqual({
      ids: ['a'],
      text: 'a: 2 # keep\nb: x\n',
      updatedHead: 'a: 1 # keep',
      updated: { a: 1, b: '1.0' },
      typed: true,
      path: 'spec.x[name=a]',
    });
  });
});
