import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/config/securityConfig.js';
import { INFRA, TEMPLATE, USE_CASE } from '../helpers/fixtures.js';
import { commitFiles, git, showFile, tempDir } from '../helpers/gitRepo.js';
import { statusBody } from '../helpers/protocolServer.js';
import { OPERATION, RUN, SAVE } from '../helpers/queries.js';
import type { SecurityServer } from '../helpers/securityServer.js';
import { startSecurityServer } from '../helpers/securityServer.js';
import { removeDir } from '../helpers/testServer.js';

// Two teams' components in one repository, as in a monorepo: alpha (team-a), beta (team-b).
const component = (name: string, owner: string, extra = ''): string => `apiVersion: witboost.com/v1
kind: Component
metadata:
  name: ${name}
spec:
  owner: ${owner}
  mesh:
    infrastructureTemplateId: ${INFRA}
    useCaseTemplateId: ${USE_CASE}
    description: original
${extra}`;
const FILES = {
  'team-a/catalog-info.yaml': component('alpha', 'group:team-a'),
  'team-b/catalog-info.yaml': component('beta', 'group:team-b'),
  'reverse-provisioning-template.yaml': TEMPLATE,
};
const SECRET = 'proxy-secret-for-entity-tests';
const as = (user: string, groups: string[]): Record<string, string> => ({ 'x-revprov-proxy-secret': SECRET, 'x-forwarded-user': user, 'x-forwarded-groups': groups.join(',') });
const alice = as('alice', ['team-a']);
const bob = as('bob', ['team-b']);
const ALPHA = 'component:default/alpha';
const BETA = 'component:default/beta';

const dir = tempDir();
afterAll(() => removeDir(dir));

describe('one component per save, one place per ref (review findings F1 and F10)', () => {
  let s: SecurityServer;
  const run = async (who: Record<string, string>, ref: string, tableName = 'orders'): Promise<string> => {
    const r = (await s.post(RUN, { ref, env: 'development', params: { tableName } }, who)).body.data.runReverseProvisioning;
    expect(r.userErrors).toEqual([]);
    await s.server.services.operations.settled(r.operation.id);
    return r.operation.id;
  };
  beforeAll(async () => {
    s = await startSecurityServer(
      path.join(dir, 'entities'),
      {
        auth: {
          mode: 'proxy',
          jwt: null,
          proxy: { secretHeader: 'x-revprov-proxy-secret', secretSha256: createHash('sha256').update(SECRET).digest('hex'), userHeader: 'x-forwarded-user', emailHeader: 'x-forwarded-email', nameHeader: 'x-forwarded-preferred-username', groupsHeader: 'x-forwarded-groups' },
          apiTokens: [],
          fallbackEmailDomain: 'revprov.invalid',
        },
        limits: { ...DEFAULT_LIMITS, gitFreshnessMs: 0 }, // a push to git is seen at the next request
      },
      {
        files: FILES,
        // "rename": an adapter proposing another name and kind for the entity
        adapter: (body: { params: { tableName: string } }) =>
          body.params.tableName === 'rename'
            ? { status: 200, body: statusBody('COMPLETED', { updates: { 'metadata.name': 'beta', kind: 'Group', 'spec.mesh.description': 'renamed' } }) }
            : { status: 200, body: statusBody('COMPLETED', { updates: { 'spec.mesh.description': 'from adapter' } }) },
      },
    );
  });
  afterAll(() => s.close());

  it('a free-form save cannot add a second entity (a shadow of another team\'s component), change or remove one', async () => {
    const id = await run(alice, ALPHA);
    const before = git(s.repo, 'rev-parse', 'main').trim();
    const attempts = [
      `${component('alpha', 'group:team-a')}---\n${component('beta', 'group:team-a')}`,
      `${component('alpha', 'group:team-a')}---\n${TEMPLATE}`,
      `${component('alpha', 'group:team-a')}---\n${component('alpha', 'group:team-a')}`,
    ];
    const messages: string[] = [];
    for (const yaml of attempts) {
      const r = (await s.post(SAVE, { id, yaml, message: 'tidy' }, alice)).body.data.saveCatalogInfo;
      expect(r.commit).toBeNull();
      expect(r.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'yaml'] });
      messages.push(r.userErrors[0].message);
    }
    expect(messages[0]).toContain('adds Component default/beta');
    expect(messages[1]).toContain('adds ReverseProvisioningTemplate default/test-rp');
    expect(messages[2]).toContain('once, not 2 times');
    expect(git(s.repo, 'rev-parse', 'main').trim()).toBe(before);
    // its own component can still be edited freely
    const own = (await s.post(SAVE, { id, yaml: component('alpha', 'group:team-a', '    note: edited\n'), message: 'note' }, alice)).body.data.saveCatalogInfo;
    expect(own.userErrors).toEqual([]);
  });

  it('a save of selected changes is checked the same way: no rename, no other kind', async () => {
    const id = await run(alice, ALPHA, 'rename');
    const before = showFile(s.repo, 'team-a/catalog-info.yaml');
    for (const paths of [['metadata.name'], ['kind'], ['metadata.name', 'kind', 'spec.mesh.description']]) {
      const r = (await s.post(SAVE, { id, paths, message: 'x' }, alice)).body.data.saveCatalogInfo;
      expect(r.commit).toBeNull();
      expect(r.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'paths'], message: expect.stringContaining(`must still describe ${ALPHA}`) });
    }
    expect(showFile(s.repo, 'team-a/catalog-info.yaml')).toBe(before);
    const fine = (await s.post(SAVE, { id, paths: ['spec.mesh.description'], message: 'description' }, alice)).body.data.saveCatalogInfo;
    expect(fine.userErrors).toEqual([]);
  });

  it('a ref defined twice (pushed to git directly) is an error everywhere, never the first place; operations keep their own place', async () => {
    const bobsOp = await run(bob, BETA);
    // someone with push access adds a shadow of beta, owned by team-a, to team-a's file
    commitFiles(s.repo, { 'team-a/catalog-info.yaml': `${showFile(s.repo, 'team-a/catalog-info.yaml')}---\n${component('beta', 'group:team-a')}` }, 'shadow');

    for (const who of [alice, bob]) {
      const r = await s.post(`{ component(ref: "beta") { ref owner } }`, {}, who);
      expect(r.body.data.component).toBeNull();
      expect(r.body.errors[0]).toMatchObject({ extensions: { code: 'DUPLICATE_ENTITY' }, message: expect.stringContaining('is defined 2 times (team-a/catalog-info.yaml, team-b/catalog-info.yaml)') });
      const started = (await s.post(RUN, { ref: 'beta', env: 'development', params: { tableName: 'orders' } }, who)).body.data.runReverseProvisioning;
      expect(started.userErrors[0]).toMatchObject({ code: 'DUPLICATE_ENTITY', field: ['input', 'componentRef'] });
    }
    // each owner sees its own copy, with the problem
    const listed = (await s.post('{ components { ref path reverseProvisioningAvailable unavailableReason } }', {}, alice)).body.data.components;
    expect(listed.find((c: { path: string; ref: string }) => c.path === 'team-a/catalog-info.yaml' && c.ref === BETA)).toMatchObject({ reverseProvisioningAvailable: false, unavailableReason: expect.stringContaining('defined 2 times') });
    expect(listed.some((c: { path: string }) => c.path === 'team-b/catalog-info.yaml')).toBe(false);

    // bob's operation is still authorized at its own file: alice may not read or save it, bob may
    const read = await s.post(OPERATION, { id: bobsOp }, alice);
    expect(read.body.data.reverseProvisioningOperation).toBeNull();
    expect(read.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await s.post(`{ operations(componentRef: "beta") { id } }`, {}, alice)).body.errors[0].extensions.code).toBe('FORBIDDEN');
    const hijack = (await s.post(SAVE, { id: bobsOp, yaml: component('beta', 'group:team-a', '    hijacked: true\n'), message: 'mine now' }, alice)).body.data.saveCatalogInfo;
    expect(hijack.userErrors[0].code).toBe('FORBIDDEN');
    expect(showFile(s.repo, 'team-b/catalog-info.yaml')).toBe(FILES['team-b/catalog-info.yaml']);
    expect((await s.post(OPERATION, { id: bobsOp }, bob)).body.data.reverseProvisioningOperation.filePath).toBe('team-b/catalog-info.yaml');
    const bobSaves = (await s.post(SAVE, { id: bobsOp, paths: ['spec.mesh.description'], message: 'from adapter' }, bob)).body.data.saveCatalogInfo;
    expect(bobSaves.userErrors).toEqual([]);
    expect(bobSaves.commit.path).toBe('team-b/catalog-info.yaml');
  });
});
