import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_FILES } from './helpers/fixtures.js';
import { createBareRepo, tempDir } from './helpers/gitRepo.js';
import type { ServerProcess } from '../src/testing/spawnServer.js';
import { spawnServer } from '../src/testing/spawnServer.js';
import { removeDir } from './helpers/testServer.js';

/**
 * `@revprov/graphql-server` as a user gets it: packed with `npm pack` (with `@revprov/merge-core`,
 * which is not published either), installed into an empty project, started with its bin.
 */
const root = new URL('../../../', import.meta.url).pathname;
const dir = tempDir('revprov-packed-');
let server: ServerProcess | undefined;
afterAll(async () => {
  await server?.stop('SIGKILL');
  removeDir(dir);
});

interface Packed {
  filename: string;
  files: { path: string }[];
}

function pack(workspace: string): Packed {
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir, '-w', workspace], { cwd: root, encoding: 'utf8' });
  return (JSON.parse(out) as Packed[])[0] as Packed;
}

describe('the packed tarball', () => {
  it('holds the schema, the config schema and the built code, no tests and no demo; installs without EBADENGINE; its testing kit loads; its bin serves', { timeout: 300_000 }, async () => {
    const core = pack('@revprov/merge-core');
    const packed = pack('@revprov/graphql-server');
    const files = packed.files.map((f) => f.path).sort();
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE', 'schema.graphql', 'config.schema.json', 'dist/index.js', 'dist/index.d.ts', 'dist/bin/revprov-server.js']));
    expect(files.filter((f) => !f.startsWith('dist/') && !['package.json', 'README.md', 'LICENSE', 'schema.graphql', 'config.schema.json'].includes(f))).toEqual([]);
    expect(files.filter((f) => /(^|\/)test\/|\.test\.|demo/i.test(f))).toEqual([]);
    const manifest = JSON.parse(readFileSync(path.join(root, 'packages/graphql-server/package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(manifest.dependencies)).not.toContain('@revprov/example-adapter');

    // An empty project installs both tarballs. better-sqlite3 is pinned to the workspace's version
    // and its scripts skipped, so its already-built binding can be reused instead of compiling it.
    const app = path.join(dir, 'app');
    const sqliteVersion = (createRequire(path.join(root, 'package.json'))('better-sqlite3/package.json') as { version: string }).version;
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(
      path.join(app, 'package.json'),
      JSON.stringify({
        name: 'revprov-install-check',
        private: true,
        type: 'module',
        dependencies: { '@revprov/merge-core': `file:../${core.filename}`, '@revprov/graphql-server': `file:../${packed.filename}`, 'better-sqlite3': sqliteVersion },
      }),
    );
    const install = spawnSync('npm', ['install', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel', 'warn'], { cwd: app, encoding: 'utf8' });
    expect(install.status, install.stderr).toBe(0);
    expect(`${install.stdout}\n${install.stderr}`).not.toContain('EBADENGINE');
    cpSync(path.join(root, 'node_modules/better-sqlite3/build'), path.join(app, 'node_modules/better-sqlite3/build'), { recursive: true });
    const ls = spawnSync('npm', ['ls', '--all', '--parseable'], { cwd: app, encoding: 'utf8' });
    expect(ls.stdout).not.toContain('example-adapter');

    // the testing kit resolves through the exports map of the installed package
    const kit = spawnSync(process.execPath, ['--input-type=module', '-e', "const m = await import('@revprov/graphql-server/testing'); console.log(Object.keys(m).sort().join(' '))"], { cwd: app, encoding: 'utf8' });
    expect([kit.stdout.trim(), kit.stderr]).toEqual(['SERVER_BIN spawnServer startPostgres', '']);

    const repo = createBareRepo(dir, REPO_FILES);
    const bin = path.join(app, 'node_modules/.bin/revprov-server');
    server = await spawnServer(path.join(dir, 'revprov.yaml'), { port: 0, dataDir: path.join(dir, 'data'), repositories: [{ url: repo, branch: 'main' }] }, {}, bin);
    expect(server.logs.find((l) => l.msg === 'database migrated')).toMatchObject({ engine: 'sqlite' });
    expect((await fetch(`${server.url}/ready`)).status).toBe(200);
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1' },
      body: JSON.stringify({ query: '{ components { ref reverseProvisioningAvailable } }' }),
    });
    expect(await res.json()).toEqual({ data: { components: [{ ref: 'component:default/orders-port', reverseProvisioningAvailable: false }] } });
    expect((await fetch(`${server.url}/`)).status).toBe(404); // no @revprov/web installed: no workbench
    expect(await server.stop('SIGTERM')).toBe(0);
  });
});
