import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/gitRepo.js';
import { rawRequest } from '../helpers/rawHttp.js';
import type { SecurityServer } from '../helpers/securityServer.js';
import { startSecurityServer } from '../helpers/securityServer.js';
import { removeDir } from '../helpers/testServer.js';

const dir = tempDir();
afterAll(() => removeDir(dir));

const RUN_DOC = 'mutation { runReverseProvisioning(input: {componentRef: "component:default/orders-port", environment: "development", params: {tableName: "orders"}}) { operation { id } } }';
const PORTAL = 'https://portal.example.com';

describe('browser safety, default settings (same origin only, loopback hosts)', () => {
  let s: SecurityServer;
  beforeAll(async () => {
    const web = path.join(dir, 'web');
    mkdirSync(web, { recursive: true });
    writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>workbench</title>');
    s = await startSecurityServer(path.join(dir, 'default'), { cors: { origins: [PORTAL] } }, { config: { web: { enabled: true, dir: web } } });
  });
  afterAll(() => s.close());

  it('refuses form-encoded, multipart and text/plain cross-site POSTs (no CSRF header): nothing runs', async () => {
    const form = await fetch(s.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ query: RUN_DOC }).toString() });
    const fd = new FormData();
    fd.set('operations', JSON.stringify({ query: RUN_DOC }));
    fd.set('map', '{}');
    const multipart = await fetch(s.url, { method: 'POST', body: fd });
    const plain = await fetch(s.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: RUN_DOC }) });
    for (const res of [form, multipart, plain]) {
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('Required CSRF header(s) not present');
    }
    expect(s.adapter.posts).toHaveLength(0);
    // a GET without the header is refused too (an <img> or <link> could send one)
    const get = await fetch(`${s.url}?query=${encodeURIComponent('{ components { ref } }')}`);
    expect(get.status).toBe(403);
  });

  it('never echoes a foreign Origin, refuses its requests, and allows the configured one', async () => {
    const evil = await fetch(s.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1', origin: 'https://evil.example' }, body: JSON.stringify({ query: RUN_DOC }) });
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    expect(evil.headers.get('access-control-allow-credentials')).toBeNull();
    const preflight = await fetch(s.url, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(s.adapter.posts).toHaveLength(0);

    const allowed = await fetch(s.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1', origin: PORTAL }, body: JSON.stringify({ query: '{ viewer { user } }' }) });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    const own = await fetch(s.url, { method: 'POST', headers: { 'content-type': 'application/json', origin: new URL(s.url).origin }, body: JSON.stringify({ query: '{ viewer { user } }' }) });
    expect(own.status).toBe(200);
    expect(own.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a foreign Host (DNS rebinding) on every path, GraphiQL, its assets and the metrics included; the health probes answer any Host', async () => {
    const port = new URL(s.url).port;
    for (const p of ['/graphql', '/graphql/graphiql/yoga-graphiql.js', '/']) {
      const r = await rawRequest(`http://127.0.0.1:${port}${p}`, { headers: { host: `rebind.evil.example:${port}`, accept: 'text/html' } });
      expect(r.status).toBe(403);
      expect(r.body).toContain('HOST_NOT_ALLOWED');
    }
    // the metrics too; only the liveness and readiness probes answer any Host (checks reach instances by address)
    const metrics = await rawRequest(`http://127.0.0.1:${port}/metrics`, { headers: { host: `rebind.evil.example:${port}` } });
    expect(metrics.status).toBe(403);
    for (const p of ['/health', '/ready']) {
      const probe = await rawRequest(`http://127.0.0.1:${port}${p}`, { headers: { host: `10.0.0.5:${port}` } });
      expect(probe.status, p).toBe(200);
      expect(JSON.parse(probe.body)).toMatchObject({ status: p === '/health' ? 'ok' : 'ready' });
    }
    const posted = await rawRequest(`http://127.0.0.1:${port}/health`, { method: 'POST', headers: { host: `rebind.evil.example:${port}` } });
    expect(posted.status).toBe(403);
    const ok = await rawRequest(`http://127.0.0.1:${port}/graphql`, { headers: { host: `localhost:${port}`, accept: 'text/html' } });
    expect(ok.status).toBe(200);
    // the workbench's files need no CSRF header, no Origin and no credentials; only an allowed Host
    const workbench = await rawRequest(`http://127.0.0.1:${port}/`, { headers: { host: `127.0.0.1:${port}`, accept: 'text/html' } });
    expect(workbench.status).toBe(200);
    expect(workbench.body).toContain('<title>workbench</title>');
  });

  it('serves GraphiQL with its assets from this server (no CDN), under a strict CSP, with the CSRF header preset', async () => {
    const page = await fetch(s.url, { headers: { accept: 'text/html' } });
    const html = await page.text();
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(html).toContain('<script src="/graphql/graphiql/yoga-graphiql.js"></script>');
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain('"additionalHeaders":{"x-graphql-yoga-csrf":"1"}');
    for (const asset of ['yoga-graphiql.js', 'graphiql.css', 'editor.worker.js', 'json.worker.js', 'graphql.worker.js', 'start.js']) {
      const r = await fetch(`${new URL(s.url).origin}/graphql/graphiql/${asset}`);
      expect(r.status, asset).toBe(200);
      expect((await r.text()).length, asset).toBeGreaterThan(100);
    }
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers introspection outside production mode', async () => {
    const r = await s.post('{ __schema { queryType { name } } }');
    expect(r.body.data.__schema.queryType.name).toBe('Query');
  });
});

describe('production mode', () => {
  it('turns GraphiQL and introspection off (and field suggestions with them)', async () => {
    const s = await startSecurityServer(path.join(dir, 'production'), { production: true, graphiql: false, introspection: false });
    try {
      const page = await fetch(s.url, { headers: { accept: 'text/html' } });
      expect(await page.text()).not.toContain('yoga-graphiql');
      expect((await fetch(`${new URL(s.url).origin}/graphql/graphiql/yoga-graphiql.js`)).status).toBe(404);
      const intro = await s.post('{ __schema { queryType { name } } }');
      expect(intro.body.errors[0].message).toMatch(/introspection/i);
      const typo = await s.post('{ componentz { ref } }');
      expect(JSON.stringify(typo.body)).not.toContain('Did you mean');
      expect((await s.post('{ viewer { user } }')).body.data.viewer.user).toBe('local');
    } finally {
      await s.close();
    }
  });
});
