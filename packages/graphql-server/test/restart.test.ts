import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REF, REPO_FILES } from './helpers/fixtures.js';
import { createBareRepo, tempDir } from './helpers/gitRepo.js';
import { startProtocolServer, statusBody } from './helpers/protocolServer.js';
import { OPERATION, RUN, SAVE } from './helpers/queries.js';
import { createTestServer, removeDir, testConfig } from './helpers/testServer.js';

const dir = tempDir();
afterAll(() => removeDir(dir));

describe('a restart loses nothing and leaves nothing stuck', () => {
  it('a completed operation survives; one in flight when the server stopped is FAILED with a clear reason', async () => {
    const repo = createBareRepo(dir, REPO_FILES);
    const dataDir = path.join(dir, 'data');
    let hang = false;
    const adapter = await startProtocolServer({
      post: { status: 202, body: 'tok' },
      poll: () =>
        hang
          ? { status: 200, body: statusBody('RUNNING', { logs: [{ timestamp: '2024-01-01T00:00:00Z', level: 'INFO', message: 'working' }] }) }
          : { status: 200, body: statusBody('COMPLETED', { updates: { 'metadata.description': 'From the adapter.' } }) },
    });
    const config = testConfig(dataDir, repo, adapter.url);
    const first = await createTestServer(config);
    const done = (await first.gql(RUN, { ref: REF, env: 'development', params: { tableName: 'orders' } })).runReverseProvisioning.operation.id as string;
    await first.settle(done);

    hang = true;
    const running = (await first.gql(RUN, { ref: REF, env: 'development', params: { tableName: 'orders' } })).runReverseProvisioning.operation.id as string;
    while (adapter.polls < 3) await new Promise((r) => setTimeout(r, 5));
    await first.close(); // the process "dies": the operation is still RUNNING on disk
    const db = new Database(path.join(dataDir, 'revprov.sqlite'), { readonly: true });
    expect(db.prepare('SELECT status FROM operations WHERE id = ?').get(running)).toEqual({ status: 'RUNNING' });
    db.close();

    const second = await createTestServer(config);
    try {
      expect(second.services.recovered).toBe(1);
      const failed = (await second.gql(OPERATION, { id: running })).reverseProvisioningOperation;
      expect(failed.status).toBe('FAILED');
      expect(failed.failure.message).toBe('the server stopped while this operation was running; its result was lost. Run reverse provisioning again.');
      expect(failed.logs.map((l: { message: string }) => l.message)).toContain('working');
      const save = (await second.gql(SAVE, { id: running, paths: ['metadata.description'], message: 'x' })).saveCatalogInfo;
      expect(save.userErrors[0]).toMatchObject({ code: 'NOT_COMPLETED', field: ['input', 'operationId'] });

      const kept = (await second.gql(OPERATION, { id: done })).reverseProvisioningOperation;
      expect(kept.status).toBe('COMPLETED');
      expect(kept.proposedYaml).toContain('description: From the adapter.');
      expect(kept.changeSet.changes.map((c: { id: string }) => c.id)).toEqual(['metadata.description']);
      const saved = (await second.gql(SAVE, { id: done, paths: ['metadata.description'], message: 'after restart' })).saveCatalogInfo;
      expect(saved.userErrors).toEqual([]);
      expect(saved.commit.sha).toMatch(/^[0-9a-f]{40}$/);
    } finally {
      await second.close();
      await adapter.close();
    }
  });
});
