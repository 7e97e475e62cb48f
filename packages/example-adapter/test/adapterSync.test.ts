import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExampleAdapter, type ExampleAdapter, type StatusBody } from '../src/index.js';
import { call, createDatabase, requestFor, tempDir } from './helpers.js';

const SQL = `
  CREATE TABLE orders (order_id INTEGER PRIMARY KEY, amount NUMERIC(10,2), status VARCHAR(20) NOT NULL);
  INSERT INTO orders VALUES (1, 9.5, 'NEW'), (2, 3.25, 'SHIPPED');
`;

describe('example adapter, synchronous mode', () => {
  const dir = tempDir();
  let adapter: ExampleAdapter;
  let endpoint: string;
  beforeAll(async () => {
    const dbPath = createDatabase(join(dir.path, 'db.sqlite'), SQL);
    adapter = await startExampleAdapter({ dbPath, basePath: '/datamesh.specificprovisioner/' });
    endpoint = `${adapter.url}/v1/reverse-provisioning`;
  });
  afterAll(async () => {
    await adapter.close();
    dir.cleanup();
  });

  it('serves under the base path on a free local port', () => {
    expect(adapter.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/datamesh\.specificprovisioner$/);
    expect(adapter.url).not.toMatch(/:0\//);
  });

  it('answers 200 with the table as updates and logs', async () => {
    const answer = await call(endpoint, 'POST', requestFor('orders'));
    expect(answer.status).toBe(200);
    expect(answer.contentType).toMatch(/^application\/json/);
    const body = answer.json as StatusBody;
    expect(body.status).toBe('COMPLETED');
    expect(body.updates).toEqual({
      'spec.mesh.dataContract.schema': [
        { name: 'order_id', dataType: 'INT', constraint: 'PRIMARY_KEY' },
        { name: 'amount', dataType: 'DECIMAL', precision: 10, scale: 2 },
        { name: 'status', dataType: 'VARCHAR', dataLength: 20, constraint: 'NOT_NULL' },
      ],
      'spec.mesh.specific.tableName': 'orders',
      'spec.mesh.specific.rowCount': 2,
    });
    expect(body.logs.length).toBeGreaterThan(2);
    for (const log of body.logs) {
      expect(log.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
      expect(['DEBUG', 'INFO', 'WARNING', 'ERROR']).toContain(log.level);
      expect(typeof log.message).toBe('string');
      expect(typeof log.phase).toBe('string');
    }
  });

  it('falls back to catalogInfo.spec.mesh.specific.tableName', async () => {
    const body = requestFor(undefined, { catalogInfo: { spec: { mesh: { specific: { tableName: 'orders' } } } } });
    const answer = await call(endpoint, 'POST', body);
    expect(answer.status).toBe(200);
    expect((answer.json as StatusBody).updates['spec.mesh.specific.tableName']).toBe('orders');
  });

  it('records the validated requests it received', async () => {
    const before = adapter.requests.length;
    await call(endpoint, 'POST', requestFor('orders', { environment: 'production' }));
    expect(adapter.requests.length).toBe(before + 1);
    expect(adapter.requests.at(-1)).toMatchObject({ environment: 'production', params: { tableName: 'orders' } });
  });

  it('answers 400 RequestValidationError for an unknown table', async () => {
    const answer = await call(endpoint, 'POST', requestFor('customers'));
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({
      errors: ['Table "customers" does not exist in the database.'],
      userMessage: 'The table "customers" was not found.',
      input: 'customers',
      inputErrorField: 'tableName',
      moreInfo: { problems: ['Table "customers" does not exist in the database.'], solutions: ['Check the table name. Existing tables: orders.'] },
    });
  });

  it.each([
    ['no table name anywhere', requestFor(undefined)],
    ['an empty table name', requestFor('  ')],
    ['a table name that is not a string', requestFor(undefined, { params: { tableName: 42 } })],
  ])('answers 400 with inputErrorField tableName for %s', async (_name, body) => {
    const answer = await call(endpoint, 'POST', body);
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ inputErrorField: 'tableName', errors: [expect.any(String)], moreInfo: { problems: [expect.any(String)], solutions: [expect.any(String)] } });
  });

  it.each([
    ['malformed JSON', '{"useCaseTemplateId": ', /not valid JSON/],
    ['an empty body', '', /not valid JSON/],
    ['a JSON array', '[1,2]', /must be a JSON object/],
    ['a JSON string', '"orders"', /must be a JSON object/],
    ['a missing useCaseTemplateId', JSON.stringify({ ...requestFor('orders'), useCaseTemplateId: undefined }), /useCaseTemplateId/],
    ['a numeric environment', JSON.stringify({ ...requestFor('orders'), environment: 3 }), /environment/],
    ['params as a list', JSON.stringify({ ...requestFor('orders'), params: ['orders'] }), /params/],
    ['catalogInfo as a YAML string', JSON.stringify({ ...requestFor('orders'), catalogInfo: 'kind: Component' }), /catalogInfo/],
  ])('answers 400 for %s', async (_name, body, message) => {
    const answer = await call(endpoint, 'POST', body);
    expect(answer.status).toBe(400);
    const json = answer.json as { errors: string[]; userMessage: string };
    expect(json.errors.join(' ')).toMatch(message);
    expect(typeof json.userMessage).toBe('string');
  });

  it('answers 413 for a body over 1 MiB and keeps serving', async () => {
    const huge = JSON.stringify(requestFor('orders', { padding: 'x'.repeat(1024 * 1024 + 10) }));
    const answer = await call(endpoint, 'POST', huge);
    expect(answer.status).toBe(413);
    expect((await call(endpoint, 'POST', requestFor('orders'))).status).toBe(200);
  });

  it('survives a client that hangs up in the middle of a body', async () => {
    const { hostname, port } = new URL(adapter.url);
    await new Promise<void>((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => {
        socket.write('POST /datamesh.specificprovisioner/v1/reverse-provisioning HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"useCase');
        socket.destroy();
        resolve();
      });
      socket.on('error', reject);
    });
    expect((await call(endpoint, 'POST', requestFor('orders'))).status).toBe(200);
  });

  it('answers 404 and 405 with JSON errors for other routes and methods', async () => {
    const wrongMethod = await call(endpoint, 'GET');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.json).toMatchObject({ error: expect.stringMatching(/POST/) });
    const outsideBase = await call(endpoint.replace('/datamesh.specificprovisioner', ''), 'POST', requestFor('orders'));
    expect(outsideBase.status).toBe(404);
    expect(outsideBase.json).toMatchObject({ error: expect.any(String) });
    const statusPut = await call(`${endpoint}/abc/status`, 'PUT');
    expect(statusPut.status).toBe(405);
  });

  it('publishes its documentation page at <basePath>/docs (GET and HEAD only)', async () => {
    const base = endpoint.replace('/v1/reverse-provisioning', '');
    const page = await fetch(`${base}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain('<h1>SQLite output port: reverse provisioning</h1>');
    expect(html).toContain('tableName');
    expect(html).not.toContain('<script');
    const head = await fetch(`${base}/docs`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await fetch(`${base}/docs`, { method: 'POST' })).status).toBe(405);
  });

  it('answers 404 for a status poll with an unknown token', async () => {
    const answer = await call(`${endpoint}/no-such-token/status`, 'GET');
    expect(answer.status).toBe(404);
    expect(answer.json).toMatchObject({ error: 'Unknown token "no-such-token".' });
  });

  it('answers 400 for a token that is not a valid URL component', async () => {
    const answer = await call(`${endpoint}/%E0%A4%A/status`, 'GET');
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ inputErrorField: 'token' });
  });
});

describe('example adapter, database failures', () => {
  it('answers 500 SystemError when the database file is missing', async () => {
    const dir = tempDir();
    const adapter = await startExampleAdapter({ dbPath: join(dir.path, 'missing.sqlite') });
    try {
      const answer = await call(`${adapter.url}/v1/reverse-provisioning`, 'POST', requestFor('orders'));
      expect(answer.status).toBe(500);
      expect(answer.json).toMatchObject({ error: expect.stringMatching(/database could not be read/), userMessage: expect.any(String) });
    } finally {
      await adapter.close();
      dir.cleanup();
    }
  });

  it('rejects misuse of its options with a TypeError', async () => {
    await expect(startExampleAdapter({ dbPath: '' })).rejects.toThrow(TypeError);
    await expect(startExampleAdapter({ dbPath: 'x', mode: 'later' as 'sync' })).rejects.toThrow(/mode/);
    await expect(startExampleAdapter({ dbPath: 'x', port: 70000 })).rejects.toThrow(/port/);
    await expect(startExampleAdapter({ dbPath: 'x', pollsBeforeDone: -1 })).rejects.toThrow(/pollsBeforeDone/);
  });

  it('rejects when the port is taken', async () => {
    const first = await startExampleAdapter({ dbPath: 'x' });
    try {
      const port = Number(new URL(first.url).port);
      await expect(startExampleAdapter({ dbPath: 'x', port })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.close();
    }
  });
});
