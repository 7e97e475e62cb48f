import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_INFO } from '../helpers/fixtures.js';
import { commitFiles, git, showFile, tempDir } from '../helpers/gitRepo.js';
import type { JwksServer } from '../helpers/jwksServer.js';
import { startJwksServer } from '../helpers/jwksServer.js';
import { PREVIEW, RUN, SAVE } from '../helpers/queries.js';
import type { SecurityServer } from '../helpers/securityServer.js';
import { ownedRepoFiles, startSecurityServer } from '../helpers/securityServer.js';
import { removeDir } from '../helpers/testServer.js';

const dir = tempDir();
afterAll(() => removeDir(dir));
const ORDERS = 'component:default/orders-port';
const AMOUNT = 'spec.mesh.dataContract.schema[name=amount].dataType';

describe('validation of refs, free-form saves and selections; the message fixes', () => {
  let s: SecurityServer;
  let id = '';
  beforeAll(async () => {
    s = await startSecurityServer(path.join(dir, 'validation'), {});
    id = (await s.post(RUN, { ref: ORDERS, env: 'development', params: { tableName: 'orders' } })).body.data.runReverseProvisioning.operation.id;
    await s.server.services.operations.settled(id);
  });
  afterAll(() => s.close());

  it('parses refs as Backstage does: case-insensitive, the kind checked', async () => {
    const found = await s.post('{ component(ref: "Component:Default/Orders-Port") { ref } }');
    expect(found.body.data.component).toEqual({ ref: ORDERS });
    const api = await s.post('{ component(ref: "api:default/orders-port") { ref } }');
    expect(api.body.data.component).toBeNull();
    expect(api.body.errors[0]).toMatchObject({ extensions: { code: 'INVALID_INPUT' }, message: expect.stringContaining('is of kind "api"') });
    const run = (await s.post(RUN, { ref: 'api:default/orders-port', env: 'development', params: { tableName: 'orders' } })).body.data.runReverseProvisioning;
    expect(run.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'componentRef'] });
  });

  it('refuses free-form saves that drop or change the entity, or are empty; the file is untouched', async () => {
    const before = showFile(s.repo, 'catalog-info.yaml');
    for (const yaml of ['foo: bar\n', '', '   \n', CATALOG_INFO.replace('name: orders-port', 'name: another'), CATALOG_INFO.replace('kind: Component', 'kind: API')]) {
      const r = (await s.post(SAVE, { id, yaml, message: 'free-form' })).body.data.saveCatalogInfo;
      expect(r.commit, JSON.stringify(yaml)).toBeNull();
      expect(r.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'yaml'] });
    }
    expect(showFile(s.repo, 'catalog-info.yaml')).toBe(before);
  });

  it('an empty path is refused by the preview and by the save alike', async () => {
    const preview = (await s.post(PREVIEW, { id, paths: [''] })).body.data.applySelectedPaths;
    expect(preview.yaml).toBeNull();
    expect(preview.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'paths', '0'] });
    const save = (await s.post(SAVE, { id, paths: [''], message: 'all' })).body.data.saveCatalogInfo;
    expect(save.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'paths', '0'] });
  });

  it('NO_CHANGES says what was compared; a free-form CONFLICT names its paths', async () => {
    const start = git(s.repo, 'rev-parse', 'main').trim();
    const exact = (await s.post(SAVE, { id, yaml: showFile(s.repo, 'catalog-info.yaml'), message: 'same' })).body.data.saveCatalogInfo;
    expect(exact.userErrors[0]).toMatchObject({ code: 'NO_CHANGES', message: `your text is exactly catalog-info.yaml on main (at ${start.slice(0, 12)}): nothing to commit` });
    // the branch moves; the user's text (from the base) changes nothing the branch does not have
    const moved = commitFiles(s.repo, { 'catalog-info.yaml': CATALOG_INFO.replace('spec:\n', 'spec:\n  owner: group:team-orders\n').replace('description: Orders.', 'description: Orders, moved.') }, 'colleague');
    const stale = (await s.post(SAVE, { id, yaml: CATALOG_INFO.replace('spec:\n', 'spec:\n  owner: group:team-orders\n'), message: 'stale' })).body.data.saveCatalogInfo;
    expect(stale.userErrors[0]).toMatchObject({ code: 'NO_CHANGES', message: `merged with the commits made since you started, your text changes nothing in catalog-info.yaml on main (at ${moved.slice(0, 12)}): nothing to commit` });
    const colliding = (await s.post(SAVE, { id, yaml: ownedRepoFiles()['catalog-info.yaml']!.replace('description: Orders.', 'description: Mine.'), message: 'collide' })).body.data.saveCatalogInfo;
    expect(colliding.userErrors[0].code).toBe('CONFLICT');
    expect(colliding.userErrors[0].paths).toEqual(['metadata.description']);
    expect(colliding.userErrors[0].message).toContain('metadata.description');
    const selected = (await s.post(SAVE, { id, paths: [AMOUNT], message: 'amount' })).body.data.saveCatalogInfo;
    expect(selected.userErrors).toEqual([]);
    const again = (await s.post(SAVE, { id, paths: [AMOUNT], message: 'amount again' })).body.data.saveCatalogInfo;
    expect(again.userErrors[0]).toMatchObject({ code: 'NO_CHANGES', message: `the selected changes are already in catalog-info.yaml on main (at ${selected.commit.sha.slice(0, 12)}): nothing to commit` });
  });
});

describe('the audit log', () => {
  let issuer: JwksServer;
  let s: SecurityServer;
  beforeAll(async () => {
    issuer = await startJwksServer('revprov');
    s = await startSecurityServer(path.join(dir, 'audit'), {
      auth: { mode: 'jwt', jwt: { issuer: issuer.issuer, audience: ['revprov'], jwksUrl: null, algorithms: ['RS256'], clockToleranceSeconds: 0, claims: { user: 'sub', name: 'name', email: 'email', emailVerified: null, groups: 'groups' } }, proxy: null, apiTokens: [], fallbackEmailDomain: 'revprov.invalid' },
      authorization: { mode: 'ownership', everyoneReads: false, admins: { users: [], groups: ['platform'] } },
    });
  });
  afterAll(async () => {
    await s.close();
    await issuer.close();
  });

  it('records every run, preview and save (who, what, when, result), readable by admins only', async () => {
    const as = async (sub: string, groups: string[]) => ({ authorization: `Bearer ${await issuer.sign({ sub, name: sub.toUpperCase(), groups })}` });
    const alice = await as('alice', ['team-orders']);
    const bob = await as('bob', []);
    const admin = await as('root', ['platform']);
    const id = (await s.post(RUN, { ref: ORDERS, env: 'development', params: { tableName: 'orders' } }, alice)).body.data.runReverseProvisioning.operation.id;
    await s.server.services.operations.settled(id);
    await s.post(PREVIEW, { id, paths: [AMOUNT] }, alice);
    await s.post(SAVE, { id, paths: [AMOUNT], message: 'bob tries' }, bob);
    const saved = (await s.post(SAVE, { id, paths: [AMOUNT], message: 'alice saves' }, alice)).body.data.saveCatalogInfo;
    await s.post(RUN, { ref: 'component:default/billing-port', env: 'development', params: { tableName: 'x' } }, alice);

    const denied = await s.post('{ auditLog { id } }', {}, alice);
    expect(denied.body.data).toBeNull();
    expect(denied.body.errors[0].extensions.code).toBe('FORBIDDEN');

    const log = (await s.post('{ auditLog(first: 10) { id at actor actorName action componentRef operationId result detail commitSha } }', {}, admin)).body.data.auditLog;
    expect(log.map((e: any) => [e.actor, e.action, e.componentRef, e.result])).toEqual([
      ['jwt:alice', 'RUN', 'component:default/billing-port', 'FORBIDDEN'],
      ['jwt:alice', 'SAVE', ORDERS, 'OK'],
      ['jwt:bob', 'SAVE', ORDERS, 'FORBIDDEN'],
      ['jwt:alice', 'PREVIEW', ORDERS, 'OK'],
      ['jwt:alice', 'RUN', ORDERS, 'OK'],
    ]);
    expect(log[1]).toMatchObject({ actorName: 'ALICE', operationId: id, commitSha: saved.commit.sha, detail: `${saved.commit.sha.slice(0, 12)} on main` });
    expect(Date.parse(log[0].at)).toBeGreaterThan(Date.now() - 60_000);
    const page = (await s.post('query ($before: ID) { auditLog(first: 2, before: $before, actor: "jwt:alice") { action } }', { before: log[1].id }, admin)).body.data.auditLog;
    expect(page).toEqual([{ action: 'PREVIEW' }, { action: 'RUN' }]);
  });
});
