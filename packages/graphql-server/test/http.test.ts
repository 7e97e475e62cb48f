import { seedDemo, startExampleAdapter } from '@revprov/example-adapter';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../src/server/startServer.js';
import { git, tempDir } from './helpers/gitRepo.js';
import { postGraphql, readEvents } from './helpers/http.js';
import { OPERATION, RUN, SAVE } from './helpers/queries.js';
import { removeDir, testConfig } from './helpers/testServer.js';

const dir = tempDir();
afterAll(() => removeDir(dir));

describe('over a real port', () => {
  it('runs the whole loop with the async example adapter; the subscription streams status and logs over SSE', async () => {
    const seed = await seedDemo(dir);
    const adapter = await startExampleAdapter({ dbPath: seed.dbPath, mode: 'async', pollsBeforeDone: 3 });
    const server = await startServer(
      testConfig(`${dir}/data`, seed.repoUrl, adapter.url, {
        techAdapters: [{ infrastructureTemplateId: seed.infrastructureTemplateId, url: adapter.url }],
        polling: { intervalMs: 20, timeoutMs: 10_000 },
      }),
    );
    const url = `${server.url}/graphql`;
    try {
      const page = await fetch(url, { headers: { accept: 'text/html' } });
      expect(await page.text()).toContain('GraphiQL');

      const started = await postGraphql(url, RUN, { ref: seed.componentRef, env: 'development', params: { tableName: 'orders' } });
      expect(started.data.runReverseProvisioning.userErrors).toEqual([]);
      const id: string = started.data.runReverseProvisioning.operation.id;

      const sub = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({ query: 'subscription S($id: ID!) { reverseProvisioningOperation(id: $id) { status logs { level message phase } } }', variables: { id } }),
      });
      expect(sub.headers.get('content-type')).toContain('text/event-stream');
      const events = await readEvents(sub);
      const states = events.map((e) => e.data.reverseProvisioningOperation);
      expect(states.at(-1).status).toBe('COMPLETED');
      expect(states.slice(0, -1).every((s) => s.status === 'RUNNING')).toBe(true);
      expect(states.at(-1).logs.map((l: { message: string }) => l.message)).toContain('Reverse provisioning completed.');

      const op = (await postGraphql(url, OPERATION, { id })).data.reverseProvisioningOperation;
      expect(op.changeSet.summary.total).toBeGreaterThan(0);
      const saved = (await postGraphql(url, SAVE, { id, paths: ['spec.mesh.dataContract.schema[name=amount].dataType'], message: 'over http' })).data.saveCatalogInfo;
      expect(saved.userErrors).toEqual([]);
      expect(git(seed.repoUrl, 'log', '-1', '--format=%H %s')).toBe(`${saved.commit.sha} over http\n`);

      const unknown = await readEvents(
        await fetch(`${url}?query=${encodeURIComponent('subscription { reverseProvisioningOperation(id: "nope") { status } }')}`, {
          headers: { accept: 'text/event-stream', 'x-graphql-yoga-csrf': '1' },
        }),
      );
      expect(unknown).toEqual([{ data: { reverseProvisioningOperation: null } }]);

      const masked = await postGraphql(url, '{ component(ref: 1) { ref } }');
      expect(masked.errors[0].message).toMatch(/String cannot represent a non string value/);
    } finally {
      await server.close();
      await adapter.close();
    }
  });
});
