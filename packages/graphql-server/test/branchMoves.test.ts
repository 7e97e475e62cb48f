import { mkdirSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CATALOG_INFO, REF, REPO_FILES, UPDATES } from './helpers/fixtures.js';
import { commitFiles, createBareRepo, git, showFile, tempDir } from './helpers/gitRepo.js';
import type { ProtocolServer } from './helpers/protocolServer.js';
import { startProtocolServer, statusBody } from './helpers/protocolServer.js';
import { OPERATION, PREVIEW, RUN, SAVE } from './helpers/queries.js';
import type { TestServer } from './helpers/testServer.js';
import { createTestServer, removeDir, testConfig } from './helpers/testServer.js';

const AMOUNT = 'spec.mesh.dataContract.schema[name=amount].dataType';
const CURRENCY = 'spec.mesh.dataContract.schema[name=currency]';

const root = tempDir();
let n = 0;
let repo: string;
let adapter: ProtocolServer;
let server: TestServer;

beforeEach(async () => {
  const dir = `${root}/${n++}`;
  mkdirSync(dir, { recursive: true });
  repo = createBareRepo(dir, REPO_FILES);
  adapter = await startProtocolServer({ post: { status: 200, body: statusBody('COMPLETED', { updates: UPDATES }) } });
  server = await createTestServer(testConfig(`${dir}/data`, repo, adapter.url));
});
afterEach(async () => {
  await server.close();
  await adapter.close();
});
afterAll(() => removeDir(root));

async function completedOperation(): Promise<string> {
  const r = await server.gql(RUN, { ref: REF, env: 'development', params: { tableName: 'orders' } });
  expect(r.runReverseProvisioning.userErrors).toEqual([]);
  const id: string = r.runReverseProvisioning.operation.id;
  await server.settle(id);
  return id;
}

const head = (): string => git(repo, 'rev-parse', 'main').trim();

describe('the branch moves between run and save', () => {
  it('an unrelated commit: the change set follows the branch, the save re-merges cleanly on the new head', async () => {
    const id = await completedOperation();
    const moved = commitFiles(repo, { 'catalog-info.yaml': CATALOG_INFO.replace('description: Orders.', 'description: Orders, by a colleague.') }, 'colleague edit');
    const op = (await server.gql(OPERATION, { id })).reverseProvisioningOperation;
    expect(op.currentRevision).toBe(moved);
    expect(op.baseRevision).not.toBe(moved);
    expect(op.currentYaml).toContain('by a colleague');
    expect(op.changeSet.changes.find((c: { id: string }) => c.id === AMOUNT)).toMatchObject({ status: 'clean' });

    const r = (await server.gql(SAVE, { id, paths: [AMOUNT, CURRENCY], message: 'rp: amount, currency', expected: op.baseRevision })).saveCatalogInfo;
    expect(r.userErrors).toEqual([]);
    expect(r.remerged).toBe(true);
    expect(r.commit.parent).toBe(moved);
    expect(head()).toBe(r.commit.sha);
    const saved = showFile(repo, 'catalog-info.yaml');
    expect(saved).toContain('description: Orders, by a colleague.');
    expect(saved).toContain('dataType: DECIMAL');
    expect(saved).toContain('description: Order id. # keep me');
    expect(git(repo, 'log', '--format=%s', '-3')).toBe('rp: amount, currency\ncolleague edit\ninitial commit\n');
  });

  it('a conflicting commit: CONFLICT listing the paths, nothing written', async () => {
    const id = await completedOperation();
    const moved = commitFiles(repo, { 'catalog-info.yaml': CATALOG_INFO.replace('dataType: DOUBLE', 'dataType: FLOAT') }, 'colleague: amount is FLOAT');
    const op = (await server.gql(OPERATION, { id })).reverseProvisioningOperation;
    expect(op.changeSet.changes.find((c: { id: string }) => c.id === AMOUNT)).toMatchObject({ status: 'conflict', base: 'DOUBLE', ours: 'FLOAT', theirs: 'DECIMAL' });

    const r = (await server.gql(SAVE, { id, paths: [AMOUNT], message: 'rp' })).saveCatalogInfo;
    expect(r.commit).toBeNull();
    expect(r.userErrors).toHaveLength(1);
    expect(r.userErrors[0]).toMatchObject({ code: 'CONFLICT', paths: [AMOUNT], field: ['input', 'paths'] });
    expect(head()).toBe(moved);

    // the non-conflicting part still saves, on top of the colleague's commit
    const ok = (await server.gql(SAVE, { id, paths: [CURRENCY], message: 'rp: currency only' })).saveCatalogInfo;
    expect(ok.userErrors).toEqual([]);
    expect(ok.commit.parent).toBe(moved);
    expect(showFile(repo, 'catalog-info.yaml')).toContain('dataType: FLOAT');
  });

  it('free-form yaml: written as given on an unmoved branch; merged three-way when the branch moved; CONFLICT when it collides', async () => {
    const id = await completedOperation();
    const edited = CATALOG_INFO.replace('description: Amount.', 'description: Amount, hand-edited.');
    const moved = commitFiles(repo, { 'catalog-info.yaml': CATALOG_INFO.replace('  name: orders-port\n', '  name: orders-port\n  title: Orders\n') }, 'colleague adds a title');
    const r = (await server.gql(SAVE, { id, yaml: edited, message: 'hand edit' })).saveCatalogInfo;
    expect(r.userErrors).toEqual([]);
    expect(r.remerged).toBe(true);
    expect(r.commit.parent).toBe(moved);
    const saved = showFile(repo, 'catalog-info.yaml');
    expect(saved).toContain('title: Orders');
    expect(saved).toContain('description: Amount, hand-edited.');

    const colliding = CATALOG_INFO.replace('description: Amount.', 'description: Something else.');
    const c = (await server.gql(SAVE, { id, yaml: colliding, message: 'collide' })).saveCatalogInfo;
    expect(c.userErrors[0]).toMatchObject({ code: 'CONFLICT' });
    expect(c.userErrors[0].paths).toContain('spec.mesh.dataContract.schema[name=amount].description');
    expect(head()).toBe(r.commit.sha);

    // against the head the client saw, the yaml is written as given
    const exact = (await server.gql(SAVE, { id, yaml: colliding.replace('  name: orders-port\n', '  name: orders-port\n  title: Orders\n'), message: 'exact', expected: r.commit.sha })).saveCatalogInfo;
    expect(exact.userErrors).toEqual([]);
    expect(exact.remerged).toBe(false);
    expect(showFile(repo, 'catalog-info.yaml')).toContain('description: Something else.');
  });
});

describe('expected failures are userErrors', () => {
  it('unknown component', async () => {
    const r = await server.gql(RUN, { ref: 'component:default/nope', env: 'development', params: {} });
    expect(r.runReverseProvisioning).toEqual({
      operation: null,
      userErrors: [{ code: 'NOT_FOUND', message: 'no component "component:default/nope" in the configured repositories', field: ['input', 'componentRef'], paths: [] }],
    });
    expect(await server.gql('{ component(ref: "nope") { ref } }')).toEqual({ component: null });
  });

  it('params failing the template: every issue with its field, the adapter never called', async () => {
    const r = await server.gql(RUN, { ref: REF, env: 'development', params: { tableName: 'Bad Name', sampleRows: 500 } });
    expect(r.runReverseProvisioning.operation).toBeNull();
    expect(r.runReverseProvisioning.userErrors).toEqual([
      { code: 'INVALID_PARAMS', message: 'params.tableName must match the pattern ^[a-z_]+$', field: ['input', 'params', 'tableName'], paths: [] },
      { code: 'INVALID_PARAMS', message: 'params.sampleRows must be <= 100', field: ['input', 'params', 'sampleRows'], paths: [] },
    ]);
    const missing = await server.gql(RUN, { ref: REF, env: 'development', params: {} });
    expect(missing.runReverseProvisioning.userErrors).toEqual([{ code: 'INVALID_PARAMS', message: 'params.tableName is required', field: ['input', 'params', 'tableName'], paths: [] }]);
    const notObject = await server.gql(RUN, { ref: REF, env: 'development', params: [1] });
    expect(notObject.runReverseProvisioning.userErrors[0]).toMatchObject({ code: 'INVALID_PARAMS', field: ['input', 'params'] });
    const badEnv = await server.gql(RUN, { ref: REF, env: '../etc', params: { tableName: 'x' } });
    expect(badEnv.runReverseProvisioning.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'environment'] });
    expect(adapter.posts).toHaveLength(0);
  });

  it('a component without a matching template, and one without an adapter', async () => {
    commitFiles(
      repo,
      {
        'other/catalog-info.yaml': 'apiVersion: v1\nkind: Component\nmetadata:\n  name: lonely\nspec:\n  mesh:\n    useCaseTemplateId: urn:none\n    infrastructureTemplateId: urn:x\n',
        'third/catalog-info.yaml': `apiVersion: v1\nkind: Component\nmetadata:\n  name: unplugged\n  namespace: sales\nspec:\n  mesh:\n    useCaseTemplateId: urn:dmb:utm:test-template:0\n    infrastructureTemplateId: urn:unknown\n`,
      },
      'more components',
    );
    const list = await server.gql('{ components { ref reverseProvisioningAvailable unavailableReason } }');
    expect(list.components).toEqual([
      { ref: REF, reverseProvisioningAvailable: true, unavailableReason: null },
      { ref: 'component:default/lonely', reverseProvisioningAvailable: false, unavailableReason: 'no ReverseProvisioningTemplate lists useCaseTemplateId "urn:none"' },
      { ref: 'component:sales/unplugged', reverseProvisioningAvailable: false, unavailableReason: 'no tech adapter is configured for infrastructureTemplateId "urn:unknown"' },
    ]);
    const a = await server.gql(RUN, { ref: 'lonely', env: 'development', params: {} });
    expect(a.runReverseProvisioning.userErrors).toEqual([
      { code: 'NO_TEMPLATE', message: 'component component:default/lonely cannot be reverse provisioned: no ReverseProvisioningTemplate lists its useCaseTemplateId "urn:none"', field: ['input', 'componentRef'], paths: [] },
    ]);
    const b = await server.gql(RUN, { ref: 'sales/unplugged', env: 'development', params: { tableName: 'x' } });
    expect(b.runReverseProvisioning.userErrors[0]).toMatchObject({ code: 'NO_ADAPTER' });
  });

  it('invalid YAML on the branch: located errors in the change set, INVALID_YAML on run, preview and save', async () => {
    const id = await completedOperation();
    const broken = CATALOG_INFO.replace('description: Orders.', 'description: [unclosed');
    commitFiles(repo, { 'catalog-info.yaml': broken }, 'broken edit');
    const op = (await server.gql(OPERATION, { id })).reverseProvisioningOperation;
    expect(op.currentYaml).toBe(broken);
    expect(op.changeSet.changes).toEqual([]);
    expect(op.changeSet.errors[0]).toMatchObject({ code: 'YAML_SYNTAX', source: 'ours', line: expect.any(Number) });
    const p = (await server.gql(PREVIEW, { id, paths: [AMOUNT] })).applySelectedPaths;
    expect(p.userErrors[0]).toMatchObject({ code: 'INVALID_YAML' });
    expect(p.userErrors[0].message).toMatch(/^the file on the branch cannot be read: .*\(line \d+, column \d+\)$/);
    const s = (await server.gql(SAVE, { id, paths: [AMOUNT], message: 'x' })).saveCatalogInfo;
    expect(s.userErrors[0]).toMatchObject({ code: 'INVALID_YAML' });
    const run = await server.gql(RUN, { ref: REF, env: 'development', params: { tableName: 'orders' } });
    expect(run.runReverseProvisioning.userErrors[0]).toMatchObject({ code: 'INVALID_YAML', field: ['input', 'componentRef'] });
    expect(run.runReverseProvisioning.userErrors[0].message).toMatch(/^catalog-info\.yaml is not valid YAML: .*\(line \d+, column \d+\)$/);
    const y = (await server.gql(SAVE, { id, yaml: 'a: [1,', message: 'x' })).saveCatalogInfo;
    expect(y.userErrors[0]).toMatchObject({ code: 'INVALID_YAML', field: ['input', 'yaml'] });
  });

  it('save misuse: unknown operation, both or neither of paths/yaml, unknown path, empty message', async () => {
    const id = await completedOperation();
    const codes = async (vars: Record<string, unknown>) =>
      (await server.gql(SAVE, { message: 'm', ...vars })).saveCatalogInfo.userErrors.map((e: { code: string; field: string[] }) => `${e.code} ${e.field.join('.')}`);
    expect(await codes({ id: 'nope', paths: [AMOUNT] })).toEqual(['NOT_FOUND input.operationId']);
    expect(await codes({ id, paths: [AMOUNT], yaml: 'a: 1' })).toEqual(['INVALID_INPUT input.yaml']);
    expect(await codes({ id })).toEqual(['INVALID_INPUT input.paths']);
    expect(await codes({ id, paths: ['spec.nothing.here'] })).toEqual(['INVALID_INPUT input.paths.0']);
    expect(await codes({ id, paths: [AMOUNT], message: ' ' })).toEqual(['INVALID_INPUT input.message']);
    expect(await codes({ id, paths: [AMOUNT], expected: 'deadbeef' })).toEqual(['INVALID_INPUT input.expectedRevision']);
    expect(head()).toBe(git(repo, 'rev-parse', 'main~0').trim());
    expect(git(repo, 'rev-list', '--count', 'main')).toBe('1\n');
  });
});
