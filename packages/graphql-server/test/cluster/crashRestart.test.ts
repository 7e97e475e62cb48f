import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { INFRA, REF, REPO_FILES } from '../helpers/fixtures.js';
import { createBareRepo, tempDir } from '../helpers/gitRepo.js';
import { postGraphql } from '../helpers/http.js';
import { OPERATION, RUN } from '../helpers/queries.js';
import type { ScriptedAdapter } from '../helpers/scriptedAdapter.js';
import { startScriptedAdapter } from '../helpers/scriptedAdapter.js';
import type { ServerProcess } from '../../src/testing/spawnServer.js';
import { spawnServer } from '../../src/testing/spawnServer.js';
import { removeDir } from '../helpers/testServer.js';

/** One `revprov-server` process on SQLite, killed (SIGKILL) mid-operation and started again. */
const dir = tempDir();
let adapter: ScriptedAdapter;
let config: Record<string, unknown>;
const processes: ServerProcess[] = [];
const eventually = <T>(check: () => T | Promise<T>): Promise<T> => vi.waitFor(check, { timeout: 120_000, interval: 100 });

async function start(): Promise<ServerProcess> {
  const server = await spawnServer(path.join(dir, 'revprov.yaml'), config);
  processes.push(server);
  return server;
}
const run = async (s: ServerProcess, tableName: string): Promise<string> =>
  (await postGraphql(`${s.url}/graphql`, RUN, { ref: REF, env: 'development', params: { tableName } })).data.runReverseProvisioning.operation.id as string;
const operation = async (s: ServerProcess, id: string): Promise<any> => (await postGraphql(`${s.url}/graphql`, OPERATION, { id })).data.reverseProvisioningOperation;

beforeAll(async () => {
  adapter = await startScriptedAdapter();
  config = {
    port: 0,
    dataDir: path.join(dir, 'data'),
    repositories: [{ url: createBareRepo(dir, REPO_FILES), branch: 'main' }],
    techAdapters: [{ infrastructureTemplateId: INFRA, url: adapter.url }],
    polling: { intervalMs: 50, timeoutMs: 300_000 },
    // a lease far longer than the test: the restart resumes at once because SQLite has one instance
    cluster: { leaseMs: 600_000 },
  };
});
afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop('SIGKILL')));
  await adapter?.close();
  removeDir(dir);
});

describe('crash and restart on SQLite', () => {
  it('an operation polling when the process was killed is resumed by the restarted process, with the stored token', async () => {
    const first = await start();
    const id = await run(first, 'slow');
    const token = await eventually(() => {
      expect(adapter.polls.get('tok-1')).toBeGreaterThanOrEqual(2);
      return 'tok-1';
    });
    expect(await first.stop('SIGKILL')).toBe('SIGKILL');
    const second = await start();
    await second.waitForLog((l) => l.msg === 'taking over the operation' && l.operationId === id);
    expect(second.logs.find((l) => l.msg === 'listening')).toMatchObject({ resumed: 1, engine: 'sqlite' });
    adapter.finish(token);
    const op = await eventually(async () => {
      const o = await operation(second, id);
      expect(o.status).toBe('COMPLETED');
      return o;
    });
    expect(adapter.posts).toHaveLength(1);
    expect(op.logs.map((l: { message: string }) => l.message)).toContainEqual(expect.stringMatching(/^instance .+ took over from instance .+: polling the tech adapter again with the stored token$/));
    expect(op.proposedYaml).toContain('description: finished tok-1');
    await second.stop('SIGTERM');
  });

  it('a synchronous adapter call cut off by the kill is made again after the restart, and the attempt is logged', async () => {
    const first = await start();
    const id = await run(first, 'stall');
    await eventually(() => expect(adapter.posts.filter((p) => p.params.tableName === 'stall')).toHaveLength(1));
    await first.stop('SIGKILL');
    const second = await start();
    await second.waitForLog((l) => l.msg === 'calling the adapter again: the previous call was cut off' && l.operationId === id);
    adapter.releaseStalled();
    const op = await eventually(async () => {
      const o = await operation(second, id);
      expect(o.status).toBe('COMPLETED');
      return o;
    });
    expect(adapter.posts.filter((p) => p.params.tableName === 'stall')).toHaveLength(2);
    expect(op.logs.map((l: { message: string }) => l.message)).toContainEqual(
      expect.stringMatching(/^the adapter call was cut off when instance .+ stopped; instance .+ calls the tech adapter again \(attempt 2; reverse provisioning only reads, so this is safe\)$/),
    );
    await second.stop('SIGTERM');
  });
});
