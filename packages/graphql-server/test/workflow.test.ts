import { seedDemo, startExampleAdapter } from '@revprov/example-adapter';
import type { ExampleAdapter } from '@revprov/example-adapter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git, showFile, tempDir } from './helpers/gitRepo.js';
import { OPERATION, PREVIEW, RUN, SAVE } from './helpers/queries.js';
import type { TestServer } from './helpers/testServer.js';
import { createTestServer, removeDir, testConfig } from './helpers/testServer.js';

const AMOUNT = 'spec.mesh.dataContract.schema[name=amount].dataType';
const CURRENCY = 'spec.mesh.dataContract.schema[name=currency]';

/** The whole loop against the example adapter and a bare git repository, in process (yoga.fetch). */
for (const mode of ['sync', 'async'] as const) {
  describe(`the whole loop, example adapter in ${mode} mode`, () => {
    const dir = tempDir();
    let adapter: ExampleAdapter;
    let server: TestServer;
    let seed: Awaited<ReturnType<typeof seedDemo>>;
    let id = '';

    beforeAll(async () => {
      seed = await seedDemo(dir);
      adapter = await startExampleAdapter({ dbPath: seed.dbPath, mode, pollsBeforeDone: 2, basePath: '/datamesh.specificprovisioner' });
      server = await createTestServer(
        testConfig(`${dir}/server`, seed.repoUrl, adapter.url, { techAdapters: [{ infrastructureTemplateId: seed.infrastructureTemplateId, url: adapter.url }] }),
      );
    });
    afterAll(async () => {
      await server.close();
      await adapter.close();
      removeDir(dir);
    });

    it('lists the component with its template and input form', async () => {
      const data = await server.gql(`{
        components { ref path targetPath skeleton environments reverseProvisioningAvailable unavailableReason }
        component(ref: "orders-output-port") {
          ref useCaseTemplateId infrastructureTemplateId repository { url branch }
          reverseProvisioningTemplate { name useCaseTemplateIds inputForm { secretFields schema } }
          inputForm { pages { title required } }
        }
      }`);
      expect(data.components).toEqual([
        { ref: seed.componentRef, path: 'catalog-info.yaml', targetPath: 'catalog-info.yaml', skeleton: false, environments: ['development'], reverseProvisioningAvailable: true, unavailableReason: null },
      ]);
      expect(data.component.ref).toBe(seed.componentRef);
      expect(data.component.repository).toEqual({ url: seed.repoUrl, branch: 'main' });
      expect(data.component.reverseProvisioningTemplate.name).toBe('sqlite-outputport-reverse-provisioning');
      expect(data.component.reverseProvisioningTemplate.inputForm.secretFields).toEqual(['apiToken']);
      expect(data.component.reverseProvisioningTemplate.inputForm.schema.required).toEqual(['tableName']);
      expect(data.component.inputForm.pages).toEqual([{ title: null, required: ['tableName'] }]);
    });

    it('runs reverse provisioning and reports per-column changes', async () => {
      const started = await server.gql(RUN, { ref: seed.componentRef, env: 'development', params: { tableName: 'orders', apiToken: 'tok-secret-1' } });
      expect(started.runReverseProvisioning.userErrors).toEqual([]);
      id = started.runReverseProvisioning.operation.id;
      await server.settle(id);
      const op = (await server.gql(OPERATION, { id })).reverseProvisioningOperation;
      expect(op.status).toBe('COMPLETED');
      expect(op.currentRevision).toBe(op.baseRevision);
      expect(op.currentYaml).toBe(op.baseYaml);
      expect(Object.keys(op.updates)).toContain('spec.mesh.dataContract.schema');
      const byId = new Map(op.changeSet.changes.map((c: { id: string }) => [c.id, c]));
      expect(byId.get(AMOUNT)).toMatchObject({ kind: 'replace', status: 'clean', base: 'DOUBLE', theirs: 'DECIMAL' });
      expect(byId.get(CURRENCY)).toMatchObject({ kind: 'add', status: 'clean' });
      expect(op.changeSet.errors).toEqual([]);
      expect(adapter.requests.at(-1)?.params).toMatchObject({ apiToken: 'tok-secret-1', environmentSpecificConfig: { sampleRows: 5 } });
      expect(JSON.stringify(await server.services.store.operations.get(id))).not.toContain('tok-secret-1');
      if (mode === 'async') expect(op.logs.some((l: { phase: string }) => l.phase === 'introspection')).toBe(true);
    });

    it('previews a subset without writing anything', async () => {
      const before = git(seed.repoUrl, 'rev-parse', 'main');
      const r = (await server.gql(PREVIEW, { id, paths: [AMOUNT] })).applySelectedPaths;
      expect(r.userErrors).toEqual([]);
      expect(r.applied).toEqual([AMOUNT]);
      expect(r.skipped).toEqual([]);
      const original = showFile(seed.repoUrl, 'catalog-info.yaml');
      expect(r.yaml).toBe(original.replace('dataType: DOUBLE # money as a float; to be reviewed', 'dataType: DECIMAL # money as a float; to be reviewed'));
      expect(git(seed.repoUrl, 'rev-parse', 'main')).toBe(before);
    });

    it('saves the subset as a commit on the branch, and the change is then applied', async () => {
      const before = git(seed.repoUrl, 'rev-parse', 'main').trim();
      const r = (await server.gql(SAVE, { id, paths: [AMOUNT, CURRENCY], message: 'Reverse provisioning: amount type, currency column' })).saveCatalogInfo;
      expect(r.userErrors).toEqual([]);
      expect(r.commit).toMatchObject({ branch: 'main', repository: seed.repoUrl, parent: before, path: 'catalog-info.yaml' });
      expect(r.remerged).toBe(false);
      expect(git(seed.repoUrl, 'rev-parse', 'main').trim()).toBe(r.commit.sha);
      expect(git(seed.repoUrl, 'log', '-1', '--format=%s|%an')).toBe('Reverse provisioning: amount type, currency column|revprov test\n');
      const saved = showFile(seed.repoUrl, 'catalog-info.yaml');
      expect(saved).toBe(r.yaml);
      expect(saved).toContain('dataType: DECIMAL # money as a float; to be reviewed');
      expect(saved).toContain('- name: currency');
      expect(saved).toContain('description: Total amount of the order, taxes included.');
      const op = (await server.gql(OPERATION, { id })).reverseProvisioningOperation;
      expect(op.currentRevision).toBe(r.commit.sha);
      const amount = op.changeSet.changes.find((c: { id: string }) => c.id === AMOUNT);
      expect(amount.status).toBe('applied');
      const again = (await server.gql(SAVE, { id, paths: [AMOUNT], message: 'again' })).saveCatalogInfo;
      expect(again.userErrors.map((e: { code: string }) => e.code)).toEqual(['NO_CHANGES']);
    });
  });
}
