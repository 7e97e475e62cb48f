import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_FILES } from './helpers/fixtures.js';
import { createBareRepo, tempDir } from './helpers/gitRepo.js';
import { removeDir, testConfig } from './helpers/testServer.js';
import type { RunningServer } from '../src/server/startServer.js';
import { startServer } from '../src/server/startServer.js';
import { resolveWebRoot } from '../src/web/resolveWebRoot.js';

/** The workbench's files served at `/` beside `/graphql`, over a real port. */

const dir = tempDir();
const webDir = path.join(dir, 'web');
const INDEX = '<!doctype html><title>revprov</title><div id="root"></div><script type="module" src="/assets/app-1a2b.js"></script>';
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(4000))});\n`;
let server: RunningServer;

beforeAll(async () => {
  mkdirSync(path.join(webDir, 'assets'), { recursive: true });
  writeFileSync(path.join(webDir, 'index.html'), INDEX);
  writeFileSync(path.join(webDir, 'assets', 'app-1a2b.js'), SCRIPT);
  writeFileSync(path.join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(path.join(dir, 'secret.txt'), 'outside the web folder');
  writeFileSync(path.join(webDir, '.env'), 'TOKEN=1');
  const repo = createBareRepo(dir, REPO_FILES);
  server = await startServer(testConfig(path.join(dir, 'data'), repo, 'http://127.0.0.1:9', { web: { enabled: true, dir: webDir } }));
});
afterAll(async () => {
  await server.close();
  removeDir(dir);
});

/** A raw request (no URL normalization by fetch, so `..` reaches the server as sent). */
function raw(method: string, rawPath: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, method, path: rawPath, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the web workbench beside /graphql', () => {
  it('serves index.html at / and at client-side routes, with a strict content security policy', async () => {
    expect(server.webRoot).toBe(webDir);
    for (const p of ['/', '/catalog/default/component/orders-port', '/templates?x=1']) {
      const r = await raw('GET', p);
      expect(r.status, p).toBe(200);
      expect(r.body.toString()).toBe(INDEX);
      expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(r.headers['cache-control']).toBe('no-cache');
      expect(r.headers['content-security-policy']).toContain("script-src 'self'");
      expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(r.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('serves hashed assets as immutable, gzipped when accepted; HEAD has no body', async () => {
    const plain = await raw('GET', '/assets/app-1a2b.js');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.body.toString()).toBe(SCRIPT);
    const zipped = await raw('GET', '/assets/app-1a2b.js', { 'accept-encoding': 'gzip, br' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.body.length).toBeLessThan(SCRIPT.length / 10);
    expect(gunzipSync(zipped.body).toString()).toBe(SCRIPT);
    const head = await raw('HEAD', '/favicon.svg');
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toBe('image/svg+xml');
    expect(head.body.length).toBe(0);
  });

  it('never serves a file outside the folder, a dot-file, or a missing asset as the page', async () => {
    for (const p of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/.env', '/a%00b', '/..%5csecret.txt']) {
      const r = await raw('GET', p);
      expect(r.status, p).toBe(400);
      expect(r.body.toString()).not.toContain('outside the web folder');
    }
    expect((await raw('GET', '/%E0%A4%A')).status).toBe(400);
    const missing = await raw('GET', '/assets/nope-123.js');
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).not.toContain('<title>');
  });

  it('leaves /graphql to GraphQL (GraphiQL, queries) and other methods to the API', async () => {
    const graphiql = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await graphiql.text()).toContain('GraphiQL');
    const q = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ templates { name } }' }) });
    expect((await q.json()).data.templates).toEqual([{ name: 'test-rp' }]);
    const post = await raw('POST', '/');
    expect(post.status).not.toBe(200);
  });
});

describe('resolveWebRoot', () => {
  it('uses a configured folder only when it holds an index.html; off when disabled', () => {
    expect(resolveWebRoot({ enabled: true, dir: webDir })).toBe(webDir);
    expect(resolveWebRoot({ enabled: true, dir: path.join(dir, 'data') })).toBeNull();
    expect(resolveWebRoot({ enabled: false, dir: webDir })).toBeNull();
  });

  it('finds the built @revprov/web package next to the server, and nothing when it is absent or unbuilt', () => {
    const install = path.join(dir, 'install');
    const pkg = path.join(install, 'node_modules', '@revprov', 'web');
    mkdirSync(path.join(pkg, 'dist'), { recursive: true });
    writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: '@revprov/web', version: '0.0.0', exports: { './package.json': './package.json' } }));
    const from = pathToFileURL(path.join(install, 'server.js')).href;
    expect(resolveWebRoot(undefined, from)).toBeNull();
    writeFileSync(path.join(pkg, 'dist', 'index.html'), INDEX);
    expect(resolveWebRoot(undefined, from)).toBe(path.join(pkg, 'dist'));
    expect(resolveWebRoot(undefined, pathToFileURL(path.join(dir, 'elsewhere', 'server.js')).href)).toBeNull();
  });
});
