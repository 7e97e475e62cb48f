import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExampleAdapter, type ExampleAdapter, type StatusBody } from '../src/index.js';
import { call, createDatabase, requestFor, tempDir } from './helpers.js';

describe('example adapter, asynchronous mode', () => {
  const dir = tempDir();
  let dbPath: string;
  const adapters: ExampleAdapter[] = [];
  beforeAll(() => {
    dbPath = createDatabase(join(dir.path, 'db.sqlite'), 'CREATE TABLE events (id INTEGER PRIMARY KEY, payload JSON, at DATETIME);');
  });
  afterAll(async () => {
    await Promise.all(adapters.map((adapter) => adapter.close()));
    dir.cleanup();
  });
  async function start(pollsBeforeDone?: number, path = dbPath): Promise<string> {
    const adapter = await startExampleAdapter({ dbPath: path, mode: 'async', pollsBeforeDone });
    adapters.push(adapter);
    return `${adapter.url}/v1/reverse-provisioning`;
  }
  async function begin(endpoint: string): Promise<string> {
    const answer = await call(endpoint, 'POST', requestFor('events'));
    expect(answer.status).toBe(202);
    expect(typeof answer.json).toBe('string');
    return answer.json as string;
  }

  it('answers 202 with a bare token, RUNNING for pollsBeforeDone polls, then COMPLETED with all logs', async () => {
    const endpoint = await start(3);
    const token = await begin(endpoint);
    const polls: StatusBody[] = [];
    for (let i = 0; i < 5; i += 1) {
      const answer = await call(`${endpoint}/${encodeURIComponent(token)}/status`, 'GET');
      expect(answer.status).toBe(200);
      polls.push(answer.json as StatusBody);
    }
    expect(polls.map((poll) => poll.status)).toEqual(['RUNNING', 'RUNNING', 'RUNNING', 'COMPLETED', 'COMPLETED']);
    const final = polls[3]!;
    expect(final.updates).toEqual({
      'spec.mesh.dataContract.schema': [
        { name: 'id', dataType: 'INT', constraint: 'PRIMARY_KEY' },
        { name: 'payload', dataType: 'JSON' },
        { name: 'at', dataType: 'DATETIME' },
      ],
      'spec.mesh.specific.tableName': 'events',
      'spec.mesh.specific.rowCount': 0,
    });
    // each poll carries the whole log list so far: a growing prefix of the final list
    for (const running of polls.slice(0, 3)) {
      expect(running.updates).toEqual({});
      expect(running.logs.length).toBeGreaterThan(0);
      expect(running.logs.length).toBeLessThan(final.logs.length);
      expect(final.logs.slice(0, running.logs.length)).toEqual(running.logs);
    }
    expect(polls[1]!.logs.length).toBeGreaterThan(polls[0]!.logs.length);
    expect(polls[4]).toEqual(final);
  });

  it('uses one RUNNING poll by default and completes at once with pollsBeforeDone 0', async () => {
    const byDefault = await start();
    const token = await begin(byDefault);
    expect((await call(`${byDefault}/${token}/status`, 'GET')).json).toMatchObject({ status: 'RUNNING' });
    expect((await call(`${byDefault}/${token}/status`, 'GET')).json).toMatchObject({ status: 'COMPLETED' });

    const immediate = await start(0);
    const other = await begin(immediate);
    expect((await call(`${immediate}/${other}/status`, 'GET')).json).toMatchObject({ status: 'COMPLETED' });
  });

  it('keeps operations apart: each token has its own progress', async () => {
    const endpoint = await start(1);
    const first = await begin(endpoint);
    const second = await begin(endpoint);
    expect(first).not.toBe(second);
    expect((await call(`${endpoint}/${first}/status`, 'GET')).json).toMatchObject({ status: 'RUNNING' });
    expect((await call(`${endpoint}/${first}/status`, 'GET')).json).toMatchObject({ status: 'COMPLETED' });
    expect((await call(`${endpoint}/${second}/status`, 'GET')).json).toMatchObject({ status: 'RUNNING' });
  });

  it('still validates synchronously: an unknown table is a 400, not a token', async () => {
    const endpoint = await start();
    const answer = await call(endpoint, 'POST', requestFor('nope'));
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ inputErrorField: 'tableName' });
    expect((await call(endpoint, 'POST', '{oops')).status).toBe(400);
  });

  it('answers 404 for an unknown token', async () => {
    const endpoint = await start();
    const answer = await call(`${endpoint}/00000000-0000-0000-0000-000000000000/status`, 'GET');
    expect(answer.status).toBe(404);
    expect(answer.json).toMatchObject({ error: expect.stringMatching(/Unknown token/) });
  });

  it('reports a database failure as FAILED with ERROR logs and empty updates', async () => {
    const endpoint = await start(1, join(dir.path, 'missing.sqlite'));
    const token = await begin(endpoint);
    expect((await call(`${endpoint}/${token}/status`, 'GET')).json).toMatchObject({ status: 'RUNNING' });
    const final = (await call(`${endpoint}/${token}/status`, 'GET')).json as StatusBody;
    expect(final.status).toBe('FAILED');
    expect(final.updates).toEqual({});
    expect(final.logs.filter((log) => log.level === 'ERROR').map((log) => log.message)).toEqual([
      expect.stringMatching(/database could not be read/),
    ]);
  });
});
