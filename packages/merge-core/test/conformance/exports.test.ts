import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const repoRoot = join(pkgDir, '..', '..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds dist with the package's own build config when it is missing or older than src. */
function ensureBuilt(): void {
  const entry = join(pkgDir, 'dist', 'index.js');
  if (existsSync(entry) && statSync(entry).mtimeMs >= newestMtime(join(pkgDir, 'src'))) return;
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', join(pkgDir, 'tsconfig.build.json')], { cwd: repoRoot, stdio: 'pipe' });
}

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
