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
const repo = createBareRepo(dir, REPO_FILES);
const messages = (op: { logs: { message: string }[] }): string[] => op.logs.map((l) => l.message);
const until = async (check: () => boolean): Promise<void> => {
  while (!check()) await new Promise((r) => setTimeout(r, 5));
};

describe('a restart loses nothing and leaves nothing stuck (SQLite, in process)', () => {
  it('an operation polling when the server stopped is resumed by the next start with the stored token; a completed one survives', async () => {
    const dataDir = path.join(dir, 'async');
    let hang = false;
    const adapter = await startProtocolServer({
      post: { status: 202, body: 'tok-42' },
      poll: () =>
        hang
          ? { status: 200, body: statusBody('RUNNING', { logs: [{ timestamp: '2024-01-01T00:00:00Z', level: 'INFO', message: 'working' }] }) }
          : { status: 200, body: statusBody('COMPLETED', { updates: { 'metadata.description': 'From the adapter.' }, logs: [{ timestamp: '2024-01-01T00:00:00Z', level: 'INFO', message: 'working' }] }) },
    });
    const config = testConfig(dataDir, repo, adapter.url);
    const first = await createTestServer(config);
    const done = (await first.gql(RUN, { ref: REF, env: 'development', params: { tableName: 'orders' } })).runReverseProvisioning.operation.id as string;
    await first.settle(done);

    hang = true;
    const running = (await first.gql(RUN, { ref: REF, env: 'development', params: { tableName: 'orders' } })).runReverseProvisioning.operation.id as string;
    await until(() => adapter.polls >= 3);
    await first.close(); // stops working on it and releases its lease: still RUNNING on disk
    const db = new Database(path.join(dataDir, 'revprov.sqlite'), { readonly: true });
    expect(db.prepare('SELECT status, owner, work FROM operations WHERE id = ?').get(running)).toMatchObject({ status: 'RUNNING', owner: null, work: expect.stringContaining('"token":"tok-42"') });
    db.close();

    const second = await createTestServer(config);
    try {
      expect(second.services.resumed).toBe(1);
      const polled = adapter.polls;
      hang = false;
      await second.settle(running);
      const op = (await second.gql(OPERATION, { id: running })).reverseProvisioningOperation;
      expect(op.status).toBe('COMPLETED');
      expect(adapter.posts).toHaveLength(2); // one per operation: the resumed one was not called again
      expect(adapter.polls).toBeGreaterThan(polled);
      expect(messages(op)).toEqual(expect.arrayContaining(['working', expect.stringMatching(/^instance .+ took over from instance .+: polling the tech adapter again with the stored token$/)]));
      expect(op.changeSet.changes.map((c: { id: string }) => c.id)).toEqual(['metadata.description']);

      const kept = (await second.gql(OPERATION, { id: done })).reverseProvisioningOperation;
      expect(kept.status).toBe('COMPLETED');
      const saved = (await second.gql(SAVE, { id: done, paths: ['metadata.description'], message: 'after restart' })).saveCatalogInfo;
      expect(saved.userErrors).toEqual([]);
      expect(saved.commit.sha).toMatch(/^[0-9a-f]{40}$/);
    } finally {
      await second.close();
      await adapter.close();
    }
  });

  it('a synchronous call cut off by the stop is made again by the next start (logged); an operation with secret parameters cannot move, and says why', async () => {
    let releasePost: () => void = () => undefined;
    const adapter = await startProtocolServer({
      post: { status: 200, body: statusBody('COMPLETED', { updates: { 'metadata.description': 'Sync.' } }) },
      // the first POST of each operation hangs until the server that sent it is gone
      beforePost: (n) => (n === 1 || n === 3 ? new Promise<void>((r) => (releasePost = r)) : Promise.resolve()),
    });
    for (const [name, params, expected] of [
      ['plain', { tableName: 'orders' }, 'COMPLETED'],
      ['secret', { tableName: 'orders', token: 's3cr3t' }, 'FAILED'],
    ] as const) {
      const config = testConfig(path.join(dir, `sync-${name}`), repo, adapter.url);
      const first = await createTestServer(config);
      const posts = adapter.posts.length;
      const id = (await first.gql(RUN, { ref: REF, env: 'development', params })).runReverseProvisioning.operation.id as string;
      await until(() => adapter.posts.length > posts);
      await first.close();
      releasePost();
      const second = await createTestServer(config);
      try {
        await second.settle(id);
        const op = (await second.gql(OPERATION, { id })).reverseProvisioningOperation;
        expect(op.status).toBe(expected);
        if (expected === 'COMPLETED') {
          expect(adapter.posts).toHaveLength(posts + 2);
          expect(messages(op)).toContainEqual(expect.stringMatching(/^the adapter call was cut off when instance .+ stopped; instance .+ calls the tech adapter again \(attempt 2; reverse provisioning only reads, so this is safe\)$/));
          expect(op.proposedYaml).toContain('description: Sync.');
        } else {
          expect(adapter.posts).toHaveLength(posts + 1);
          expect(op.failure.message).toMatch(/^instance .+ stopped while this operation was running, and no other instance can take it over: its secret parameters \(params\["token"\]\) are never stored\. Run reverse provisioning again\.$/);
          expect(JSON.stringify(await second.services.store.operations.get(id))).not.toContain('s3cr3t');
        }
      } finally {
        await second.close();
      }
    }
    await adapter.close();
  });
});
