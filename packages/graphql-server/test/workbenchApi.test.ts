import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_INFO, REF, REPO_FILES, TEMPLATE, UPDATES, USE_CASE } from './helpers/fixtures.js';
import { createBareRepo, tempDir } from './helpers/gitRepo.js';
import type { ProtocolServer } from './helpers/protocolServer.js';
import { startProtocolServer, statusBody } from './helpers/protocolServer.js';
import type { TestServer } from './helpers/testServer.js';
import { createTestServer, removeDir, testConfig } from './helpers/testServer.js';

/** The API the web workbench adds: templates with their documentation link, owners, recent operations, validate-only runs. */

const DOCUMENTED = `apiVersion: witboost.com/v2
kind: ReverseProvisioningTemplate
metadata:
  name: documented
  links:
    - url: javascript:alert(1)
      type: documentation
    - url: https://wiki.example.com/home
      title: Team home
    - url: https://docs.example.com/rp
      title: Reverse provisioning documentation
spec:
  useCaseTemplateId: [urn:other:0]
  parameters: {}
---
apiVersion: witboost.com/v2
kind: ReverseProvisioningTemplate
metadata:
  name: annotated
  annotations:
    revprov.io/documentation-url: http://docs.internal/rp?x=1
  links:
    - url: https://docs.example.com/ignored
      type: docs
spec:
  useCaseTemplateId: urn:third:0
---
apiVersion: witboost.com/v2
kind: ReverseProvisioningTemplate
metadata:
  name: unsafe
  annotations:
    revprov.io/documentation-url: "data:text/html,<script>alert(1)</script>"
  links:
    - { url: "/relative/docs", type: documentation }
spec:
  useCaseTemplateId: urn:fourth:0
`;

const dir = tempDir();
let adapter: ProtocolServer;
let server: TestServer;

beforeAll(async () => {
  const repo = createBareRepo(dir, {
    ...REPO_FILES,
    'catalog-info.yaml': CATALOG_INFO.replace('spec:\n', 'spec:\n  owner: group:sales-data\n'),
    'more-templates.yaml': DOCUMENTED,
  });
  adapter = await startProtocolServer({ post: { status: 200, body: statusBody('COMPLETED', { updates: UPDATES }) } });
  server = await createTestServer(testConfig(`${dir}/data`, repo, adapter.url));
});
afterAll(async () => {
  await server.close();
  await adapter.close();
  removeDir(dir);
});

const RUN = `mutation Run($input: RunReverseProvisioningInput!) {
  runReverseProvisioning(input: $input) { operation { id status } userErrors { code message field } }
}`;
const RECENT = `query Recent($ref: String!, $first: Int) { operations(componentRef: $ref, first: $first) { id status environment createdAt } }`;

describe('Query.templates', () => {
  it('lists every template with its use-case ids and its documentation link (absolute http(s) only)', async () => {
    const data = await server.gql('{ templates { name useCaseTemplateIds documentationUrl path } }');
    expect(data.templates).toEqual([
      { name: 'documented', useCaseTemplateIds: ['urn:other:0'], documentationUrl: 'https://docs.example.com/rp', path: 'more-templates.yaml' },
      { name: 'annotated', useCaseTemplateIds: ['urn:third:0'], documentationUrl: 'http://docs.internal/rp?x=1', path: 'more-templates.yaml' },
      { name: 'unsafe', useCaseTemplateIds: ['urn:fourth:0'], documentationUrl: null, path: 'more-templates.yaml' },
      { name: 'test-rp', useCaseTemplateIds: [USE_CASE], documentationUrl: null, path: 'reverse-provisioning-template.yaml' },
    ]);
    expect(TEMPLATE).not.toContain('links');
  });
});

describe('Component.owner', () => {
  it('is spec.owner as written', async () => {
    const data = await server.gql(`{ component(ref: "${REF}") { owner kind title name } }`);
    expect(data.component).toEqual({ owner: 'group:sales-data', kind: 'Component', title: null, name: 'orders-port' });
  });
});

describe('validateOnly', () => {
  it('returns the same userErrors as a run, and starts nothing', async () => {
    const bad = await server.gql(RUN, { input: { componentRef: REF, environment: 'development', params: { tableName: 'Bad Name' }, validateOnly: true } });
    expect(bad.runReverseProvisioning).toEqual({
      operation: null,
      userErrors: [{ code: 'INVALID_PARAMS', message: 'params.tableName must match the pattern ^[a-z_]+$', field: ['input', 'params', 'tableName'] }],
    });
    const env = await server.gql(RUN, { input: { componentRef: REF, environment: '../x', params: { tableName: 'orders' }, validateOnly: true } });
    expect(env.runReverseProvisioning.userErrors.map((e: { code: string }) => e.code)).toEqual(['INVALID_INPUT']);
    const good = await server.gql(RUN, { input: { componentRef: REF, environment: 'development', params: { tableName: 'orders' }, validateOnly: true } });
    expect(good.runReverseProvisioning).toEqual({ operation: null, userErrors: [] });
    expect(adapter.posts).toEqual([]);
    expect((await server.gql(RECENT, { ref: REF })).operations).toEqual([]);
  });
});

describe('Query.operations', () => {
  it('lists a component’s operations newest first, at most `first`, by any spelling of its ref', async () => {
    const ids: string[] = [];
    for (const environment of ['development', 'production', 'development']) {
      const r = await server.gql(RUN, { input: { componentRef: REF, environment, params: { tableName: 'orders' } } });
      ids.push(r.runReverseProvisioning.operation.id);
      await server.settle(ids.at(-1) ?? '');
    }
    const all = (await server.gql(RECENT, { ref: REF })).operations;
    expect(all.map((o: { id: string }) => o.id)).toEqual([...ids].reverse());
    expect(all.map((o: { environment: string }) => o.environment)).toEqual(['development', 'production', 'development']);
    expect(all.every((o: { status: string }) => o.status === 'COMPLETED')).toBe(true);
    expect((await server.gql(RECENT, { ref: 'orders-port', first: 2 })).operations.map((o: { id: string }) => o.id)).toEqual([ids[2], ids[1]]);
    expect((await server.gql(RECENT, { ref: 'component:default/nothing' })).operations).toEqual([]);
  });

  it('refuses a `first` outside 1..100 with a typed error', async () => {
    for (const first of [0, 101, -5]) {
      const r = await server.raw(RECENT, { ref: REF, first });
      expect(r.data).toBeNull();
      expect(r.errors).toMatchObject([{ message: `first must be from 1 to 100, got ${first}`, extensions: { code: 'BAD_USER_INPUT' } }]);
    }
  });
});
