import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSecurityConfig } from '../../src/config/securityConfig.js';
import { startServer } from '../../src/server/startServer.js';
import { createJwtVerifier } from '../../src/auth/jwtVerifier.js';
import { git, tempDir } from '../helpers/gitRepo.js';
import type { JwksServer } from '../helpers/jwksServer.js';
import { startJwksServer } from '../helpers/jwksServer.js';
import { OPERATION, RUN, SAVE } from '../helpers/queries.js';
import type { SecurityServer } from '../helpers/securityServer.js';
import { startSecurityServer } from '../helpers/securityServer.js';
import { removeDir, testConfig } from '../helpers/testServer.js';

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');
const VIEWER = '{ viewer { user name email groups userRef groupRefs isAdmin authMode method } }';
const COMPONENTS = '{ components { ref owner viewerCanWrite } }';
const ORDERS = 'component:default/orders-port';
const BILLING = 'component:default/billing-port';
const AMOUNT = 'spec.mesh.dataContract.schema[name=amount].dataType';
const CI_TOKEN = 'rpv_0123456789abcdef0123456789abcdef';

const dir = tempDir();
afterAll(() => removeDir(dir));

describe('auth.mode none (the demo)', () => {
  it('is the local user with every right, on loopback only', async () => {
    const s = await startSecurityServer(path.join(dir, 'none'), {});
    try {
      const r = await s.post(VIEWER);
      expect(r.body.data.viewer).toEqual({ user: 'local', name: null, email: null, groups: [], userRef: 'user:default/local', groupRefs: [], isAdmin: true, authMode: 'NONE', method: 'NONE' });
      expect((await s.post(COMPONENTS)).body.data.components.map((c: { ref: string }) => c.ref).sort()).toEqual([BILLING, ORDERS]);
    } finally {
      await s.close();
    }
    const exposed = testConfig(path.join(dir, 'none-exposed'), '/nonexistent.git', 'http://127.0.0.1:1', { host: '0.0.0.0', security: defaultSecurityConfig() });
    await expect(startServer(exposed)).rejects.toThrow('auth.mode "none" is only allowed on a loopback host, not 0.0.0.0');
    const proxied = testConfig(path.join(dir, 'none-proxied'), '/nonexistent.git', 'http://127.0.0.1:1', { security: defaultSecurityConfig({ hosts: ['localhost', 'revprov.example.com'] }) });
    await expect(startServer(proxied)).rejects.toThrow('auth.mode "none" only accepts loopback names in hosts, not revprov.example.com');
  });
});

describe('auth.mode jwt against a local OIDC issuer', () => {
  let issuer: JwksServer;
  let s: SecurityServer;
  const bearer = (t: string): Record<string, string> => ({ authorization: `Bearer ${t}` });

  beforeAll(async () => {
    issuer = await startJwksServer('revprov');
    s = await startSecurityServer(path.join(dir, 'jwt'), {
      auth: {
        mode: 'jwt',
        jwt: { issuer: issuer.issuer, audience: ['revprov'], jwksUrl: null, algorithms: ['RS256'], clockToleranceSeconds: 0, claims: { user: 'preferred_username', name: 'name', email: 'email', emailVerified: 'email_verified', groups: 'groups' } },
        proxy: null,
        apiTokens: [{ name: 'ci', sha256: sha(CI_TOKEN), user: 'ci-bot', email: 'ci@example.com', groups: ['team-orders'] }],
        fallbackEmailDomain: 'users.invalid',
      },
      authorization: { mode: 'ownership', everyoneReads: false, admins: { users: ['root'], groups: ['platform'] } },
    });
  });
  afterAll(async () => {
    await s.close();
    await issuer.close();
  });

  it('answers 401 with WWW-Authenticate: Bearer and UNAUTHENTICATED without a token', async () => {
    const r = await s.post(VIEWER);
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toBe('Bearer realm="revprov"');
    expect(r.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(r.body.data ?? null).toBeNull();
  });

  it('refuses a token signed by another key, for another audience or issuer, or expired', async () => {
    const cases = [
      await issuer.sign({ preferred_username: 'alice' }, { unpublishedKey: true }),
      await issuer.sign({ preferred_username: 'alice' }, { audience: 'other-app' }),
      await issuer.sign({ preferred_username: 'alice' }, { issuer: 'https://evil.example' }),
      await issuer.sign({ preferred_username: 'alice' }, { expiresIn: Math.floor(Date.now() / 1000) - 60 }),
      'not.a.jwt',
    ];
    for (const token of cases) {
      const r = await s.post(VIEWER, {}, bearer(token));
      expect(r.status).toBe(401);
      expect(r.headers.get('www-authenticate')).toBe('Bearer realm="revprov", error="invalid_token"');
      expect(r.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('reads the identity from the configured claims of a valid token', async () => {
    const token = await issuer.sign({ preferred_username: 'alice', name: 'Alice Liddell', email: 'alice@example.com', email_verified: true, groups: ['team-orders'] });
    const r = await s.post(VIEWER, {}, bearer(token));
    expect(r.status).toBe(200);
    expect(r.body.data.viewer).toEqual({
      user: 'alice', name: 'Alice Liddell', email: 'alice@example.com', groups: ['team-orders'],
      userRef: 'user:default/alice', groupRefs: ['group:default/team-orders'], isAdmin: false, authMode: 'JWT', method: 'JWT',
    });
    expect(issuer.jwksFetches).toBe(1);
  });

  it('authorizes from spec.owner: reads, runs and saves only what the caller owns; the caller is the commit author', async () => {
    const alice = bearer(await issuer.sign({ preferred_username: 'alice', name: 'Alice Liddell', email: 'alice@example.com', email_verified: true, groups: ['team-orders'] }));
    const bob = bearer(await issuer.sign({ preferred_username: 'bob', name: 'Bob', email: 'bob@example.com', groups: [] }));
    const admin = bearer(await issuer.sign({ preferred_username: 'carol', groups: ['platform'] }));

    expect((await s.post(COMPONENTS, {}, alice)).body.data.components).toEqual([{ ref: ORDERS, owner: 'group:team-orders', viewerCanWrite: true }]);
    expect((await s.post(COMPONENTS, {}, bob)).body.data.components).toEqual([{ ref: BILLING, owner: 'user:default/bob', viewerCanWrite: true }]);
    expect((await s.post(COMPONENTS, {}, admin)).body.data.components.map((c: { ref: string }) => c.ref).sort()).toEqual([BILLING, ORDERS]);

    const denied = await s.post(`{ component(ref: "${BILLING}") { ref catalogInfo } }`, {}, alice);
    expect(denied.body.data.component).toBeNull();
    expect(denied.body.errors[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringContaining(`no read rights on ${BILLING}`) });

    const refused = (await s.post(RUN, { ref: BILLING, env: 'development', params: { tableName: 'orders' } }, alice)).body.data.runReverseProvisioning;
    expect(refused).toEqual({ operation: null, userErrors: [{ code: 'FORBIDDEN', message: expect.stringContaining('no write rights'), field: ['input', 'componentRef'], paths: [] }] });

    const started = (await s.post(RUN, { ref: ORDERS, env: 'development', params: { tableName: 'orders' } }, alice)).body.data.runReverseProvisioning;
    expect(started.userErrors).toEqual([]);
    const id: string = started.operation.id;
    await s.server.services.operations.settled(id);

    // bob may not read alice's operation, nor preview or save it
    const op = await s.post(OPERATION, { id }, bob);
    expect(op.body.data.reverseProvisioningOperation).toBeNull();
    expect(op.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const preview = await s.post('mutation ($id: ID!) { applySelectedPaths(input: { operationId: $id, paths: ["spec"] }) { yaml userErrors { code } } }', { id }, bob);
    expect(preview.body.data.applySelectedPaths).toEqual({ yaml: null, userErrors: [{ code: 'FORBIDDEN' }] });
    const bobSave = await s.post(SAVE, { id, paths: [AMOUNT], message: 'bob was here' }, bob);
    expect(bobSave.body.data.saveCatalogInfo.userErrors[0].code).toBe('FORBIDDEN');
    expect(git(s.repo, 'log', '--format=%s').split('\n')).not.toContain('bob was here');

    const saved = (await s.post(SAVE, { id, paths: [AMOUNT], message: 'amount is DECIMAL' }, alice)).body.data.saveCatalogInfo;
    expect(saved.userErrors).toEqual([]);
    expect(git(s.repo, 'log', '-1', '--format=%an <%ae>|%cn <%ce>|%s')).toMatch(/^Alice Liddell <alice@example.com>\|revprov test <revprov@test>\|amount is DECIMAL/);
  });

  it('takes the email only when the issuer verified it; else the author email is <user>@<fallbackEmailDomain>', async () => {
    const unverified = bearer(await issuer.sign({ preferred_username: 'dave', name: 'Dave', email: 'ceo@example.com', email_verified: false, groups: ['team-orders'] }));
    expect((await s.post(VIEWER, {}, unverified)).body.data.viewer).toMatchObject({ user: 'dave', email: null });
    const absent = bearer(await issuer.sign({ preferred_username: 'dave', email: 'ceo@example.com' }));
    expect((await s.post(VIEWER, {}, absent)).body.data.viewer.email).toBeNull();
    const id = (await s.post(RUN, { ref: ORDERS, env: 'development', params: { tableName: 'orders' } }, unverified)).body.data.runReverseProvisioning.operation.id;
    await s.server.services.operations.settled(id);
    const yaml = `${git(s.repo, 'show', 'main:catalog-info.yaml')}# reviewed by dave\n`;
    const saved = (await s.post(SAVE, { id, yaml, message: 'reviewed' }, unverified)).body.data.saveCatalogInfo;
    expect(saved.userErrors).toEqual([]);
    expect(git(s.repo, 'log', '-1', '--format=%an <%ae>')).toBe('Dave <dave@users.invalid>\n');
  });

  it('accepts a static API token (stored hashed) in jwt mode, never a token that is only similar', async () => {
    const r = await s.post(VIEWER, {}, bearer(CI_TOKEN));
    expect(r.body.data.viewer).toMatchObject({ user: 'ci-bot', name: 'ci', method: 'API_TOKEN', groupRefs: ['group:default/team-orders'] });
    expect((await s.post(VIEWER, {}, bearer(`${CI_TOKEN}x`))).status).toBe(401);
  });
});

describe('JWT key set discovery while the issuer is down', () => {
  it('asks the issuer once per retry period, not once per request', async () => {
    const issuer = await startJwksServer('revprov');
    issuer.failDiscovery = true;
    const s = await startSecurityServer(path.join(dir, 'jwt-down'), {
      auth: { mode: 'jwt', jwt: { issuer: issuer.issuer, audience: ['revprov'], jwksUrl: null, algorithms: ['RS256'], clockToleranceSeconds: 0, claims: { user: 'sub', name: 'name', email: 'email', emailVerified: 'email_verified', groups: 'groups' } }, proxy: null, apiTokens: [], fallbackEmailDomain: 'revprov.invalid' },
    });
    try {
      const token = await issuer.sign({ sub: 'alice' });
      const answers = await Promise.all(Array.from({ length: 8 }, () => s.post(VIEWER, {}, { authorization: `Bearer ${token}` })));
      for (const r of [...answers, await s.post(VIEWER, {}, { authorization: `Bearer ${token}` })]) {
        expect(r.status).toBe(503);
        expect(r.body.errors[0].extensions.code).toBe('AUTH_UNAVAILABLE');
      }
      expect(issuer.discoveryFetches).toBe(1);
    } finally {
      await s.close();
      await issuer.close();
    }
  });

  it('asks again once the retry period has passed, and then accepts tokens', async () => {
    const issuer = await startJwksServer('revprov');
    issuer.failDiscovery = true;
    let clock = 1_000_000;
    const verify = createJwtVerifier(
      { issuer: issuer.issuer, audience: ['revprov'], jwksUrl: null, algorithms: ['RS256'], clockToleranceSeconds: 0, claims: { user: 'sub', name: 'name', email: 'email', emailVerified: 'email_verified', groups: 'groups' } },
      { retryMs: 30_000, now: () => clock },
    );
    try {
      const token = await issuer.sign({ sub: 'alice' });
      expect(await verify(token)).toMatchObject({ ok: false, kind: 'unavailable' });
      clock += 29_000;
      expect(await verify(token)).toMatchObject({ ok: false, kind: 'unavailable' });
      expect(issuer.discoveryFetches).toBe(1);
      issuer.failDiscovery = false;
      clock += 2_000;
      expect(await verify(token)).toMatchObject({ ok: true, identity: { user: 'alice' } });
      expect(issuer.discoveryFetches).toBe(2);
    } finally {
      await issuer.close();
    }
  });
});

describe('auth.mode proxy (identity headers behind an authenticating proxy)', () => {
  const SECRET = 'proxy-shared-secret-7f3a';
  let s: SecurityServer;
  beforeAll(async () => {
    s = await startSecurityServer(path.join(dir, 'proxy'), {
      auth: {
        mode: 'proxy',
        jwt: null,
        proxy: { secretHeader: 'x-revprov-proxy-secret', secretSha256: sha(SECRET), userHeader: 'x-forwarded-user', emailHeader: 'x-forwarded-email', nameHeader: 'x-forwarded-preferred-username', groupsHeader: 'x-forwarded-groups' },
        apiTokens: [],
        fallbackEmailDomain: 'revprov.invalid',
      },
    });
  });
  afterAll(() => s.close());

  it('trusts the identity headers only with the shared secret', async () => {
    const forged = await s.post(VIEWER, {}, { 'x-forwarded-user': 'bob', 'x-forwarded-groups': 'platform' });
    expect(forged.status).toBe(401);
    const wrong = await s.post(VIEWER, {}, { 'x-revprov-proxy-secret': 'guess', 'x-forwarded-user': 'bob' });
    expect(wrong.status).toBe(401);
    const ok = await s.post(VIEWER, {}, { 'x-revprov-proxy-secret': SECRET, 'x-forwarded-user': 'bob', 'x-forwarded-email': 'bob@example.com', 'x-forwarded-groups': 'a, b' });
    expect(ok.body.data.viewer).toMatchObject({ user: 'bob', email: 'bob@example.com', groups: ['a', 'b'], authMode: 'PROXY', method: 'PROXY', isAdmin: false });
    const components = await s.post(COMPONENTS, {}, { 'x-revprov-proxy-secret': SECRET, 'x-forwarded-user': 'bob' });
    expect(components.body.data.components.map((c: { ref: string }) => c.ref)).toEqual([BILLING]);
  });

  it('never reads a kind from a user id or a group name (a user "group:team-orders", a group "user:bob")', async () => {
    const as = (user: string, groups: string): Record<string, string> => ({ 'x-revprov-proxy-secret': SECRET, 'x-forwarded-user': user, 'x-forwarded-groups': groups });
    const mallory = as('group:team-orders', '');
    expect((await s.post(VIEWER, {}, mallory)).body.data.viewer).toMatchObject({ user: 'group:team-orders', userRef: 'user:default/group%3ateam-orders', groupRefs: [] });
    expect((await s.post(COMPONENTS, {}, mallory)).body.data.components).toEqual([]);
    const run = (await s.post(RUN, { ref: ORDERS, env: 'development', params: { tableName: 'orders' } }, mallory)).body.data.runReverseProvisioning;
    expect(run.userErrors[0].code).toBe('FORBIDDEN');
    const eve = as('eve', 'user:bob, user:default/bob');
    expect((await s.post(VIEWER, {}, eve)).body.data.viewer.groupRefs).toEqual(['group:default/user%3abob', 'group:default/user%3adefault%2fbob']);
    expect((await s.post(COMPONENTS, {}, eve)).body.data.components).toEqual([]);
  });
});
