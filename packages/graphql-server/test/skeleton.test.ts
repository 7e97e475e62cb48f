import { afterAll, describe, expect, it } from 'vitest';
import { INFRA, TEMPLATE, USE_CASE } from './helpers/fixtures.js';
import { createBareRepo, git, showFile, tempDir } from './helpers/gitRepo.js';
import { startProtocolServer, statusBody } from './helpers/protocolServer.js';
import { OPERATION, RUN, SAVE } from './helpers/queries.js';
import { createTestServer, removeDir, testConfig } from './helpers/testServer.js';

const SKELETON = `%SKELETON
apiVersion: witboost.com/v1
kind: Component
metadata:
  name: {{ values.name }}
spec:
  mesh:
    infrastructureTemplateId: ${INFRA}
    useCaseTemplateId: ${USE_CASE}
    dataContract:
      schema: \${{ parameters.schemaDefinition.schemaColumns }}
`;

const PARAMETERS = `# editable values of the skeleton
parameters:
  schemaDefinition:
    schemaColumns:
      - name: id
        dataType: INT # the key
values:
  name: skel-port
`;

const dir = tempDir();
afterAll(() => removeDir(dir));

describe('skeleton entities (%SKELETON): the adapter gets the rendered entity, the merge and the save target parameters.yaml', () => {
  it('runs and saves against parameters.yaml', async () => {
    const repo = createBareRepo(dir, { 'port/catalog-info.yaml': SKELETON, 'port/parameters.yaml': PARAMETERS, 'reverse-provisioning-template.yaml': TEMPLATE });
    const updates = { parameters: { schemaDefinition: { schemaColumns: [{ name: 'id', dataType: 'BIGINT' }] } } };
    const adapter = await startProtocolServer({ post: { status: 200, body: statusBody('COMPLETED', { updates }) } });
    const server = await createTestServer(testConfig(`${dir}/data`, repo, adapter.url));
    try {
      const c = await server.gql('{ component(ref: "skel-port") { ref skeleton path targetPath reverseProvisioningAvailable } }');
      expect(c.component).toEqual({ ref: 'component:default/skel-port', skeleton: true, path: 'port/catalog-info.yaml', targetPath: 'port/parameters.yaml', reverseProvisioningAvailable: true });
      const r = await server.gql(RUN, { ref: 'skel-port', env: 'development', params: { tableName: 't' } });
      const id = r.runReverseProvisioning.operation.id;
      await server.settle(id);
      const sent = adapter.posts[0] as { catalogInfo: { metadata: { name: string }; spec: { mesh: { dataContract: { schema: unknown } } } } };
      expect(sent.catalogInfo.metadata.name).toBe('skel-port');
      expect(sent.catalogInfo.spec.mesh.dataContract.schema).toEqual([{ name: 'id', dataType: 'INT' }]);
      const op = (await server.gql(OPERATION, { id })).reverseProvisioningOperation;
      expect(op.filePath).toBe('port/parameters.yaml');
      expect(op.baseYaml).toBe(PARAMETERS);
      const change = 'parameters.schemaDefinition.schemaColumns[name=id].dataType';
      expect(op.changeSet.changes.map((ch: { id: string }) => ch.id)).toEqual([change]);
      const s = (await server.gql(SAVE, { id, paths: [change], message: 'skeleton rp' })).saveCatalogInfo;
      expect(s.userErrors).toEqual([]);
      expect(s.commit.path).toBe('port/parameters.yaml');
      expect(showFile(repo, 'port/parameters.yaml')).toBe(PARAMETERS.replace('dataType: INT # the key', 'dataType: BIGINT # the key'));
      expect(showFile(repo, 'port/catalog-info.yaml')).toBe(SKELETON);
      expect(git(repo, 'show', '--name-only', '--format=', 'main')).toBe('port/parameters.yaml\n');
    } finally {
      await server.close();
      await adapter.close();
    }
  });
});
