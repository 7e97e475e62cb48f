import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, PACKAGE_DIR, REPO_ROOT } from '../support/ensureBuilt.js';

/**
 * The kit as a user gets it: `npm pack` of merge-core installed into a fresh project outside the
 * repository, imported from plain Node (ESM) and type-checked from TypeScript.
 */

const pkg = JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as {
  exports: Record<string, Record<string, string> | string>;
  files: string[];
  dependencies: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
};
const require = createRequire(import.meta.url);
const fastCheckVersion = (require('fast-check/package.json') as { version: string }).version;

/** npm's own environment minus what would point it back at this repository (npm run sets local_prefix). */
function npmEnv(): NodeJS.ProcessEnv {
  const keep = /^npm_config_(registry|cache|userconfig|globalconfig|cafile|strict_ssl|proxy|https_proxy|noproxy)$/i;
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) || keep.test(k)));
}

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', args, { cwd, env: npmEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function node(script: string, cwd: string): { status: number | null; out: string } {
  const file = join(cwd, `script-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, script);
  const r = spawnSync(process.execPath, [file], { cwd, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe('package.json of merge-core', () => {
  it('exports the kit at ./testing, types first, and ships dist', () => {
    for (const entry of ['.', './testing']) {
      const target = pkg.exports[entry] as Record<string, string>;
      expect(Object.keys(target), entry).toEqual(['types', 'import']);
    }
    expect(pkg.exports['./testing']).toEqual({ types: './dist/testing/index.d.ts', import: './dist/testing/index.js' });
    expect(pkg.files).toContain('dist');
  });

  it('needs fast-check only for the kit: an optional peer dependency, not a dependency', () => {
    expect(pkg.dependencies['fast-check']).toBeUndefined();
    expect(pkg.peerDependencies?.['fast-check']).toMatch(/\^4/);
    expect(pkg.peerDependenciesMeta?.['fast-check']?.optional).toBe(true);
  });
});

describe('the kit from a packed tarball in a fresh project', () => {
  let dir = '';
  let packed: { filename: string; files: { path: string }[] };

  beforeAll(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'revprov-kit-'));
    packed = (JSON.parse(npm(['pack', '--json', '--pack-destination', dir], PACKAGE_DIR)) as (typeof packed)[])[0]!;
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'kit-user', private: true, type: 'module' }));
    // first without fast-check: the library itself needs nothing else
    npm(['install', '--no-audit', '--no-fund', '--prefer-offline', join(dir, packed.filename)], dir);
  }, 180_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('holds the built kit, the licence text and no tests', () => {
    const files = packed.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['package.json', 'LICENSE', 'dist/index.js', 'dist/index.d.ts', 'dist/testing/index.js', 'dist/testing/index.d.ts']));
    expect(files.filter((f) => f.startsWith('test/'))).toEqual([]);
  });

  it('without fast-check, the library works and the kit says what is missing', () => {
    const lib = node(`import { merge3 } from '@revprov/merge-core';\nconsole.log(merge3({ base: 'a: 1\\n', ours: 'a: 1\\n', theirs: 'a: 2\\n' }).changes[0].id);`, dir);
    expect(lib).toEqual({ status: 0, out: 'a\n' });
    const kit = node(`await import('@revprov/merge-core/testing');`, dir);
    expect(kit.status).not.toBe(0);
    expect(kit.out).toMatch(/Cannot find (package|module) 'fast-check'/);
  });

  describe('with fast-check installed', () => {
    beforeAll(() => {
      npm(['install', '--no-audit', '--no-fund', '--prefer-offline', `fast-check@${fastCheckVersion}`], dir);
    }, 180_000);

    it('a law runs from plain Node: fc.assert(laws.noop(), { numRuns: 20 })', () => {
      const run = node(
        `import fc from 'fast-check';
import { laws } from '@revprov/merge-core/testing';
fc.assert(laws.noop(), { numRuns: 20 });
console.log('noop holds');`,
        dir,
      );
      expect(run).toEqual({ status: 0, out: 'noop holds\n' });
    });

    it('a broken engine makes the law fail, with the law, the reason and the seed to replay it', () => {
      const run = node(
        `import fc from 'fast-check';
import { applyChanges } from '@revprov/merge-core';
import { laws } from '@revprov/merge-core/testing';
// a pipeline bug: an empty selection taken as "everything"
const engine = { applyChanges: (ours, changes, selection) => applyChanges(ours, changes, selection?.length ? selection : undefined) };
try {
  fc.assert(laws.noop({ engine }), { numRuns: 50, seed: 42 });
  console.log('not caught');
} catch (e) {
  // fast-check reports the case; the law's LawViolation is the cause
  console.log(e.message);
  console.log(e.cause.message.split('\\n')[0]);
  process.exitCode = 3;
}`,
        dir,
      );
      expect(run.status).toBe(3);
      expect(run.out).toContain('law noop: an empty selection changed ours');
      expect(run.out).toMatch(/seed: 42, path: "[\d:]+"/);
      expect(run.out).toMatch(/Counterexample: \[mergeScenario\(\{"base":/);
    });

    it('type-checks from TypeScript (nodenext resolution through the exports map)', () => {
      writeFileSync(
        join(dir, 'check.ts'),
        `import fc from 'fast-check';
import { applyChanges, type ChangeSet } from '@revprov/merge-core';
import { laws, mergeScenario, type Engine, type MergeScenario } from '@revprov/merge-core/testing';
const engine: Partial<Engine> = { applyChanges: (ours: string, cs: ChangeSet) => applyChanges(ours, cs) };
const scenarios: fc.Arbitrary<MergeScenario> = mergeScenario({ oursEdits: 0 });
fc.assert(laws.convergence({ engine, scenarios }), { numRuns: 1 });
// @ts-expect-error: subject is one of 'applyChanges' | 'applyUpdates' | 'both'
laws.validity({ subject: 'everything' });
`,
      );
      const tsc = require.resolve('typescript/bin/tsc');
      const r = spawnSync(process.execPath, [tsc, '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck', 'check.ts'], {
        cwd: dir,
        encoding: 'utf8',
      });
      expect(r.stdout + r.stderr).toBe('');
      expect(r.status).toBe(0);
    });
  });
});

// the repository root is only the source of the tarball, never a dependency of the fresh project
void REPO_ROOT;
