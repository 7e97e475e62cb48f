import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../src/observability/logger.js';
import { createServices } from '../src/services/createServices.js';
import type { RunningServer } from '../src/server/startServer.js';
import { startServer } from '../src/server/startServer.js';
import { REF, REPO_FILES } from './helpers/fixtures.js';
import { createBareRepo, tempDir } from './helpers/gitRepo.js';
import { postGraphql, subscribeOperation } from './helpers/http.js';
import type { ProtocolServer } from './helpers/protocolServer.js';
import { startProtocolServer, statusBody } from './helpers/protocolServer.js';
import { OPERATION, RUN } from './helpers/queries.js';
import { removeDir, testConfig } from './helpers/testServer.js';

const dir = tempDir();
const SECRET = 'pa55-w0rd-never-logged';
const CANCEL = `mutation C($id: ID!) { cancelReverseProvisioning(input: { operationId: $id }) { operation { id status logs { message } } userErrors { code message field } } }`;
let adapter: ProtocolServer;
let server: RunningServer;
let gql: string;
const lines: Record<string, any>[] = [];
let finish = false;

beforeAll(async () => {
  const repo = createBareRepo(dir, REPO_FILES);
  adapter = await startProtocolServer({
    post: { status: 202, body: 'tok-op' },
    poll: () =>
      finish
        ? { status: 200, body: statusBody('COMPLETED', { updates: { 'metadata.description': 'Done.' }, logs: [{ timestamp: '2024-01-01T00:00:00Z', level: 'INFO', message: `read with ${SECRET}` }] }) }
        : { status: 200, body: statusBody('RUNNING', { logs: [] }) },
  });
  const config = testConfig(`${dir}/data`, repo, adapter.url, { log: { level: 'debug' } });
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString('utf8').split('\n')) if (l.trim() !== '') lines.push(JSON.parse(l) as Record<string, any>);
      done();
    },
  });
  const log = createLogger({ level: 'debug', instanceId: 'test-instance', destination: sink });
  server = await startServer(config, await createServices(config, { log }));
  gql = `${server.url}/graphql`;
});
afterAll(async () => {
  await server?.close();
  await adapter?.close();
  removeDir(dir);
});

describe('operability over a real port', () => {
  it('/health is liveness; /ready checks the database and every repository; request ids are kept or given', async () => {
    const health = await fetch(`${server.url}/health`);
    expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
    expect(health.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const ready = await fetch(`${server.url}/ready`, { headers: { 'x-request-id': 'probe-1' } });
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready', checks: { lifecycle: 'ok', database: 'ok', 'repositories[0]': 'ok' } }]);
    expect(ready.headers.get('x-request-id')).toBe('probe-1');
    const forged = await fetch(`${server.url}/health`, { headers: { 'x-request-id': 'a b\tc' } });
    expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('an operation is cancelled wherever it runs; the live subscription ends with CANCELLED; a second cancel is NOT_RUNNING', async () => {
    finish = false;
    const id = (await postGraphql(gql, RUN, { ref: REF, env: 'development', params: { tableName: 'orders', password: SECRET } })).data.runReverseProvisioning.operation.id as string;
    const streamed = subscribeOperation(gql, id, 'status');
    while (adapter.polls < 2) await new Promise((r) => setTimeout(r, 5));
    const cancelled = (await postGraphql(gql, CANCEL, { id })).data.cancelReverseProvisioning;
    expect(cancelled.userErrors).toEqual([]);
    expect(cancelled.operation.status).toBe('CANCELLED');
    expect(cancelled.operation.logs.at(-1).message).toBe("cancelled on request; the tech adapter's answer, if any, is ignored");
    const states = (await streamed).map((s) => s.status);
    expect(states.at(-1)).toBe('CANCELLED');
    expect(states.slice(0, -1).every((s) => s === 'RUNNING')).toBe(true);
    await server.services.operations.settled(id); // the run stopped
    finish = true; // an answer now is ignored
    expect((await postGraphql(gql, OPERATION, { id })).data.reverseProvisioningOperation.status).toBe('CANCELLED');
    expect((await postGraphql(gql, CANCEL, { id })).data.cancelReverseProvisioning.userErrors).toEqual([
      { code: 'NOT_RUNNING', message: `operation ${id} is already CANCELLED: only a RUNNING operation can be cancelled`, field: ['input', 'operationId'] },
    ]);
    expect((await postGraphql(gql, CANCEL, { id: 'nope' })).data.cancelReverseProvisioning.userErrors[0].code).toBe('NOT_FOUND');
  });

  it('/metrics exposes operations by status, adapter latency, saves and request latency', async () => {
    finish = true;
    const id = (await postGraphql(gql, RUN, { ref: REF, env: 'development', params: { tableName: 'orders', password: SECRET } })).data.runReverseProvisioning.operation.id as string;
    await server.services.operations.settled(id);
    const res = await fetch(`${server.url}/metrics`);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toContain('revprov_operations{status="COMPLETED"} 1');
    expect(text).toContain('revprov_operations{status="CANCELLED"} 1');
    expect(text).toContain('revprov_operations_finished_total{status="COMPLETED"} 1');
    expect(text).toMatch(/revprov_adapter_request_duration_seconds_count\{kind="start",outcome="2xx"\} [1-9]/);
    expect(text).toMatch(/revprov_adapter_request_duration_seconds_count\{kind="poll",outcome="2xx"\} [1-9]/);
    expect(text).toMatch(/revprov_http_request_duration_seconds_count\{method="POST",route="\/graphql",status="200"\} [1-9]/);
    expect(text).toContain('# TYPE revprov_saves_total counter');
    expect(text).toContain('process_cpu_seconds_total');
  });

  it('logs are JSON lines with request and operation ids, component, adapter URL and durations, never a secret', async () => {
    const res = await fetch(gql, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'req-77' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(res.status).toBe(200);
    // the request line is written when the response is closed, just after the client has it
    await vi.waitFor(() => expect(lines).toContainEqual(expect.objectContaining({ requestId: 'req-77' })));
    expect(lines.length).toBeGreaterThan(5);
    for (const l of lines) expect(l).toMatchObject({ level: expect.any(String), time: expect.any(String), service: 'revprov-server', instance: 'test-instance', msg: expect.any(String) });
    expect(lines).toContainEqual(expect.objectContaining({ component: 'http', requestId: 'req-77', method: 'POST', path: '/graphql', status: 200, durationMs: expect.any(Number), msg: 'request' }));
    expect(lines).toContainEqual(
      expect.objectContaining({ component: 'operations', operationId: expect.any(String), componentRef: REF, status: 'COMPLETED', adapterUrl: adapter.url, durationMs: expect.any(Number), msg: 'operation completed' }),
    );
    expect(lines).toContainEqual(expect.objectContaining({ component: 'operations', kind: 'poll', httpStatus: 200, msg: 'adapter exchange' }));
    expect(JSON.stringify(lines)).not.toContain(SECRET);
    // and the stored operation masks the secret the adapter echoed in its logs
    const completed = (await server.services.store.operations.recent({ limit: 1 }))[0];
    expect(JSON.stringify(completed)).not.toContain(SECRET);
    expect(completed?.adapterLogs[0]?.message).toBe('[withheld: this message contained the value of a secret parameter]');
  });

  it('/ready is 503 naming the check when a repository cannot be read; /metrics can be turned off', async () => {
    const config = testConfig(`${dir}/data-2`, `${dir}/missing.git`, adapter.url, { metrics: { enabled: false } });
    const other = await startServer(config);
    try {
      const ready = await fetch(`${other.url}/ready`);
      expect([ready.status, await ready.json()]).toEqual([503, { status: 'not ready', checks: { lifecycle: 'ok', database: 'ok', 'repositories[0]': 'cannot be read' } }]);
      expect((await fetch(`${other.url}/metrics`)).status).toBe(404);
    } finally {
      await other.close();
    }
  });
});
