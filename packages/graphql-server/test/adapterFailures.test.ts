import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBareRepo, tempDir } from './helpers/gitRepo.js';
import { REF, REPO_FILES } from './helpers/fixtures.js';
import type { Answer, ProtocolServer } from './helpers/protocolServer.js';
import { startProtocolServer, statusBody } from './helpers/protocolServer.js';
import type { TestServer } from './helpers/testServer.js';
import { createTestServer, removeDir, testConfig } from './helpers/testServer.js';

const RUN = `mutation Run($params: JSON) {
  runReverseProvisioning(input: { componentRef: "${REF}", environment: "development", params: $params }) {
    operation { id status }
    userErrors { code message field }
  }
}`;
const GET = `query Get($id: ID!) {
  reverseProvisioningOperation(id: $id) {
    status updates proposedYaml baseYaml
    logs { level message phase }
    failure { message userMessage problems solutions errors errorLogs display httpStatus }
  }
}`;

const dir = tempDir();
let repo: string;
beforeAll(() => {
  repo = createBareRepo(dir, REPO_FILES);
});
afterAll(() => removeDir(dir));

/** Runs one operation against a scripted adapter and returns its final state. */
async function runAgainst(script: { post: Answer; poll?: (n: number) => Answer }, options: { timeoutMs?: number; params?: unknown; adapterUrl?: string } = {}) {
  const adapter: ProtocolServer = await startProtocolServer(script);
  const server: TestServer = await createTestServer(
    testConfig(tempDir(), repo, options.adapterUrl ?? adapter.url, { polling: { intervalMs: 5, timeoutMs: options.timeoutMs ?? 10_000 } }),
  );
  try {
    const started = await server.gql(RUN, { params: options.params ?? { tableName: 'orders' } });
    expect(started.runReverseProvisioning.userErrors).toEqual([]);
    const id: string = started.runReverseProvisioning.operation.id;
    expect(started.runReverseProvisioning.operation.status).toBe('RUNNING');
    await server.settle(id);
    const op = (await server.gql(GET, { id })).reverseProvisioningOperation;
    const stored = await server.services.store.operations.get(id);
    return { op, adapter, stored };
  } finally {
    await server.close();
    removeDir(server.config.dataDir);
    await adapter.close();
  }
}

const log = (level: string, message: string) => ({ timestamp: '2024-01-01T00:00:00Z', level, message });

describe('adapter failures are FAILED operations with the protocol display order', () => {
  it('400 with userMessage, moreInfo and errors', async () => {
    const { op } = await runAgainst({
      post: {
        status: 400,
        body: { errors: ['tableName: no such table'], userMessage: 'The table does not exist.', moreInfo: { problems: ['no table orders'], solutions: ['check the name'] } },
      },
    });
    expect(op.status).toBe('FAILED');
    expect(op.failure).toEqual({
      message: 'The table does not exist.',
      userMessage: 'The table does not exist.',
      problems: ['no table orders'],
      solutions: ['check the name'],
      errors: ['tableName: no such table'],
      errorLogs: [],
      display: ['The table does not exist.', 'no table orders', 'check the name', 'tableName: no such table'],
      httpStatus: 400,
    });
    expect(op.updates).toBeNull();
    expect(op.logs.at(-1)).toMatchObject({ level: 'ERROR', phase: 'server', message: 'reverse provisioning failed: The table does not exist.' });
  });

  it('400 with only errors[]', async () => {
    const { op } = await runAgainst({ post: { status: 400, body: { errors: ['a', 'b'] } } });
    expect(op.failure).toMatchObject({ message: 'a', userMessage: null, errors: ['a', 'b'], display: ['a', 'b'], httpStatus: 400 });
  });

  it('500 with userMessage and error', async () => {
    const { op } = await runAgainst({ post: { status: 500, body: { error: 'NullPointerException', userMessage: 'The adapter crashed.' } } });
    expect(op.failure).toMatchObject({ message: 'The adapter crashed.', errors: ['NullPointerException'], display: ['The adapter crashed.', 'NullPointerException'], httpStatus: 500 });
  });

  it('500 with only error', async () => {
    const { op } = await runAgainst({ post: { status: 500, body: { error: 'boom' } } });
    expect(op.failure).toMatchObject({ message: 'boom', userMessage: null, errors: ['boom'], httpStatus: 500 });
  });

  it('200 FAILED with ERROR logs: the ERROR logs are the message', async () => {
    const { op } = await runAgainst({
      post: { status: 200, body: statusBody('FAILED', { updates: { 'spec.x': 1 }, logs: [log('INFO', 'reading'), log('ERROR', 'permission denied on orders')] }) },
    });
    expect(op.status).toBe('FAILED');
    expect(op.updates).toBeNull();
    expect(op.failure).toMatchObject({ message: 'permission denied on orders', errorLogs: ['permission denied on orders'], display: ['permission denied on orders'] });
    expect(op.logs.map((l: { message: string }) => l.message)).toContain('reading');
  });

  it('a non-JSON body', async () => {
    const { op } = await runAgainst({ post: { status: 502, body: '<html>Bad gateway</html>' } });
    expect(op.failure.message).toBe('the tech adapter answered HTTP 502 with a body that is not JSON: <html>Bad gateway</html>');
    expect(op.failure.httpStatus).toBe(502);
  });

  it('a non-JSON body on a 200', async () => {
    const { op } = await runAgainst({ post: { status: 200, body: 'OK' } });
    expect(op.failure.message).toBe('the tech adapter answered HTTP 200 with a body that is not JSON: OK');
  });

  it('connection refused', async () => {
    const closed = await startProtocolServer({ post: { status: 200, body: {} } });
    const url = closed.url;
    await closed.close();
    const { op } = await runAgainst({ post: { status: 200, body: {} } }, { adapterUrl: url });
    expect(op.status).toBe('FAILED');
    expect(op.failure.message).toBe(`cannot reach the tech adapter at ${url}/v1/reverse-provisioning: connection refused`);
  });

  it('a poll that never finishes times out (configured timeout)', async () => {
    const { op, adapter } = await runAgainst(
      { post: { status: 202, body: 'tok-1' }, poll: () => ({ status: 200, body: statusBody('RUNNING', { logs: [log('INFO', 'still working')] }) }) },
      { timeoutMs: 150 },
    );
    expect(op.status).toBe('FAILED');
    expect(op.failure.message).toBe('the tech adapter did not finish within 150 ms (timeout)');
    expect(adapter.polls).toBeGreaterThan(0);
    expect(op.logs.map((l: { message: string }) => l.message)).toContain('still working');
  });

  it('an unknown status is a failure, not a crash', async () => {
    const { op } = await runAgainst({ post: { status: 200, body: { status: 'DONE' } } });
    expect(op.failure.message).toBe('the tech adapter answered an unknown status "DONE"');
  });
});

describe('tolerance rules on success', () => {
  for (const updates of [null, '', 42, ['x'], undefined]) {
    it(`COMPLETED with updates ${JSON.stringify(updates)} means no changes`, async () => {
      const { op } = await runAgainst({ post: { status: 200, body: statusBody('COMPLETED', updates === undefined ? {} : { updates }) } });
      expect(op.status).toBe('COMPLETED');
      expect(op.updates).toEqual({});
      expect(op.proposedYaml).toBe(op.baseYaml);
    });
  }

  it('202 + polling: logs replace (not append), logs null tolerated, final updates applied', async () => {
    const polls: Answer[] = [
      { status: 200, body: statusBody('RUNNING', { logs: null }) },
      { status: 200, body: statusBody('RUNNING', { logs: [log('INFO', 'step 1')] }) },
      { status: 200, body: statusBody('COMPLETED', { logs: [log('INFO', 'step 1'), log('INFO', 'step 2')], updates: { 'metadata.description': 'Orders, refreshed.' } }) },
    ];
    const { op, adapter } = await runAgainst({ post: { status: 202, body: 'tok' }, poll: (n) => polls[Math.min(n, polls.length) - 1] as Answer });
    expect(adapter.polls).toBe(3);
    expect(op.status).toBe('COMPLETED');
    const adapterLogs = op.logs.filter((l: { phase: string | null }) => l.phase !== 'server').map((l: { message: string }) => l.message);
    expect(adapterLogs).toEqual(['step 1', 'step 2']);
    expect(op.proposedYaml).toContain('description: Orders, refreshed.');
  });
});

describe('the request and secrets', () => {
  it('sends params + environmentSpecificConfig and catalogInfo as JSON; secrets are sent but never stored or logged', async () => {
    const { op, adapter, stored } = await runAgainst(
      { post: { status: 500, body: { error: 'login failed for pw=hunter2-secret', logs: [log('ERROR', 'token tok-XYZ-123 rejected')] } } },
      { params: { tableName: 'orders', password: 'hunter2-secret', token: 'tok-XYZ-123' } },
    );
    const body = adapter.posts[0] as Record<string, any>;
    expect(body.useCaseTemplateId).toBe('urn:dmb:utm:test-template:0');
    expect(body.environment).toBe('development');
    expect(body.params).toEqual({ tableName: 'orders', password: 'hunter2-secret', token: 'tok-XYZ-123', environmentSpecificConfig: { database: { host: 'dev-db' } } });
    expect(body.catalogInfo.metadata.name).toBe('orders-port');
    expect(body.catalogInfo.spec.mesh.dataContract.schema[0]).toEqual({ name: 'id', dataType: 'INT', description: 'Order id.' });
    // whole lines are withheld: masking inside a line would show where the secret was and how long
    expect(op.failure.errors).toEqual(['[withheld: this message contained the value of a secret parameter]']);
    expect(op.failure.errorLogs).toEqual(['[withheld: this message contained the value of a secret parameter]']);
    const everything = JSON.stringify(stored);
    expect(everything).not.toContain('hunter2-secret');
    expect(everything).not.toContain('tok-XYZ-123');
  });
});
