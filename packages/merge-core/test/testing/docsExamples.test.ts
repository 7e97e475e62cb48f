import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ensureBuilt, REPO_ROOT } from '../support/ensureBuilt.js';
import { lawSeed } from '../support/lawParameters.js';

/**
 * docs/testing.md's example files (code blocks that start with `// <name>.js`) run as written with
 * `node --test`, against the built package. A preload pins fast-check's seed to the suite's law
 * seed, so the examples draw the same cases on every run without changing their text.
 */
const docs = readFileSync(join(REPO_ROOT, 'docs', 'testing.md'), 'utf8');
const files = [...docs.matchAll(/```js\n\/\/ ([\w.]+\.js)\n([\s\S]*?)```/g)].map((m) => ({ name: m[1]!, code: m[2]! }));
// inside the repository's node_modules, so the examples resolve the workspace's packages
const dir = mkdtempSync(join(REPO_ROOT, 'node_modules', '.testing-docs-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('docs/testing.md has the pipeline, its law tests and the idempotence example', () => {
  expect(files.map((f) => f.name)).toEqual(['reviewedMerge.js', 'reviewedMerge.test.js', 'syncedAt.test.js']);
});

it('its examples pass as written with node --test', () => {
  ensureBuilt();
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  for (const f of files) writeFileSync(join(dir, f.name), f.code);
  writeFileSync(join(dir, 'seed.mjs'), `import fc from 'fast-check';\nfc.configureGlobal({ seed: ${lawSeed()} });\n`);
  const tests = files.filter((f) => f.name.endsWith('.test.js')).map((f) => f.name);
  const run = spawnSync(process.execPath, ['--import', './seed.mjs', '--test', '--test-reporter=tap', ...tests], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  const out = run.stdout + run.stderr;
  expect(out, out).toMatch(/^# pass 9$/m);
  expect(out).toMatch(/^# fail 0$/m);
  expect(run.status).toBe(0);
});
