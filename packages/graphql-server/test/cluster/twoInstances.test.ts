import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { INFRA, REF, REPO_FILES } from '../helpers/fixtures.js';
import { createBareRepo, git, showFile, tempDir } from '../helpers/gitRepo.js';
import { openSubscription, postGraphql } from '../helpers/http.js';
import type { PostgresServer } from '../../src/testing/startPostgres.js';
import { startPostgres } from '../../src/testing/startPostgres.js';
import { OPERATION, RUN, SAVE } from '../helpers/queries.js';
import type { ScriptedAdapter } from '../helpers/scriptedAdapter.js';
import { startScriptedAdapter } from '../helpers/scriptedAdapter.js';
import type { ServerProcess } from '../../src/testing/spawnServer.js';
import { SERVER_BIN, spawnServer } from '../../src/testing/spawnServer.js';
import { removeDir } from '../helpers/testServer.js';

/**
 * Several `revprov-server` processes on one real PostgreSQL: operations, subscriptions and saves
 * across instances, crashes (SIGKILL) and graceful stops (SIGTERM), readiness while the database
 * is down. The tests run in order and share the instances.
 */
const dir = tempDir();
const SECRET = 'hunter2-cluster-secret';
let postgres: PostgresServer;
let dbUrl: string;
let adapter: ScriptedAdapter;
let repo: string;
let a: ServerProcess;
let b: ServerProcess;
const processes: ServerProcess[] = [];

/** Retries `check` until it passes (two minutes at most: the machine may be busy). */
const eventually = <T>(check: () => T | Promise<T>): Promise<T> => vi.waitFor(check, { timeout: 120_000, interval: 100 });
const gql = (s: ServerProcess): string => `${s.url}/graphql`;
const run = async (s: ServerProcess, tableName: string, extra: Record<string, unknown> = {}): Promise<string> => {
  const r = await postGraphql(gql(s), RUN, { ref: REF, env: 'development', params: { tableName, ...extra } });
  expect(r.data.runReverseProvisioning.userErrors).toEqual([]);
  return r.data.runReverseProvisioning.operation.id as string;
};
const operation = async (s: ServerProcess, id: string): Promise<any> => (await postGraphql(gql(s), OPERATION, { id })).data.reverseProvisioningOperation;

async function start(name: string, cluster: Record<string, unknown> = {}): Promise<ServerProcess> {
  const server = await spawnServer(path.join(dir, `${name}.yaml`), {
    port: 0,
    dataDir: path.join(dir, name),
    repositories: [{ url: repo, branch: 'main' }],
    techAdapters: [{ infrastructureTemplateId: INFRA, url: adapter.url }],
    polling: { intervalMs: 50, timeoutMs: 300_000 },
    cluster: { instanceId: name, leaseMs: 1500, ...cluster },
    shutdown: { drainMs: 5000 },
    git: { authorName: `revprov ${name}`, authorEmail: `${name}@revprov.test` },
    // many runs of one caller and component at once, on purpose (the caps: security/operationLimits.test.ts)
    limits: { maxRunningOperationsPerCaller: 1000, maxRunningOperationsPerComponent: 1000 },
  }, { DATABASE_URL: dbUrl });
  processes.push(server);
  return server;
}

/** The next token the adapter hands out that no test has taken yet (each slow operation gets one). */
let tokensSeen = 0;
async function newToken(): Promise<string> {
  const token = await eventually(() => {
    expect(adapter.tokens.length).toBeGreaterThan(tokensSeen);
    return adapter.tokens[tokensSeen] as string;
  });
  tokensSeen += 1;
  return token;
}

async function sql<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  postgres = await startPostgres();
  dbUrl = await postgres.createDatabase('revprov');
  adapter = await startScriptedAdapter();
  repo = createBareRepo(dir, REPO_FILES);
  [a, b] = await Promise.all([start('A'), start('B')]); // both migrate at once
});

afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop('SIGKILL')));
  await adapter?.close();
  postgres?.close();
  removeDir(dir);
});

describe('two instances on one PostgreSQL', () => {
  it('200 operations started alternately on A and B all complete, none lost or duplicated; each is visible on the other instance', { timeout: 180_000 }, async () => {
    const ids: string[] = [];
    await Promise.all(
      Array.from({ length: 8 }, async (_, worker) => {
        for (let i = worker; i < 200; i += 8) ids.push(await run(i % 2 === 0 ? a : b, 'orders', { password: SECRET }));
      }),
    );
    expect(new Set(ids).size).toBe(200);
    await eventually(async () => expect(await sql("SELECT id FROM operations WHERE status = 'RUNNING'")).toEqual([]));
    expect(adapter.posts).toHaveLength(200);
    const rows = await sql<{ status: string; data: string; work: string }>('SELECT status, data, work FROM operations');
    expect(rows).toHaveLength(200);
    expect(rows.every((r) => r.status === 'COMPLETED')).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(SECRET);
    const descriptions = new Set(rows.map((r) => JSON.parse(r.data).updates['metadata.description']));
    expect(descriptions.size).toBe(200); // every adapter answer went to exactly one operation
    for (const id of ids.slice(0, 20)) {
      const op = await operation(ids.indexOf(id) % 2 === 0 ? b : a, id);
      expect(op.status).toBe('COMPLETED');
      expect(op.logs.filter((l: { message: string }) => l.message.startsWith('reverse provisioning completed')).length).toBe(1);
    }
  });

  it('saves on A and B at the same moment never lose a commit (each instance has its own clone; the push is compare-and-swap)', async () => {
    const id = await run(a, 'multi');
    await eventually(async () => expect((await operation(b, id)).status).toBe('COMPLETED'));
    const save = (s: ServerProcess, paths: string[], message: string): Promise<any> => postGraphql(gql(s), SAVE, { id, paths, message }).then((r) => r.data.saveCatalogInfo);
    const before = git(repo, 'rev-parse', 'main').trim();
    const rounds = [
      ['metadata.description', 'spec.mesh.dataContract.schema[name=amount].dataType'],
      ['spec.mesh.dataContract.schema[name=currency]', 'spec.mesh.dataContract.schema[name=id].description'],
    ];
    const commits: string[] = [];
    for (const [onA, onB] of rounds) {
      const [fromA, fromB] = await Promise.all([save(a, [onA as string], `A: ${onA}`), save(b, [onB as string], `B: ${onB}`)]);
      expect([fromA.userErrors, fromB.userErrors]).toEqual([[], []]);
      commits.push(fromA.commit.sha, fromB.commit.sha);
    }
    // both at once on the same change: one commit, the other finds nothing left to do
    const same = 'spec.mesh.dataContract.schema[name=amount].description';
    const both = await Promise.all([save(a, [same], 'A: same'), save(b, [same], 'B: same')]);
    expect(both.filter((r) => r.commit !== null)).toHaveLength(1);
    expect(both.flatMap((r) => r.userErrors.map((e: { code: string }) => e.code))).toEqual(['NO_CHANGES']);
    commits.push(both.find((r) => r.commit !== null).commit.sha);

    const history = git(repo, 'rev-list', '--first-parent', `${before}..main`).trim().split('\n');
    expect(history).toHaveLength(5);
    expect(new Set(history)).toEqual(new Set(commits));
    expect(git(repo, 'rev-list', '--merges', `${before}..main`).trim()).toBe(''); // linear: every commit on the one before
    const file = showFile(repo, 'catalog-info.yaml');
    expect(file).toContain('description: Orders, read back.');
    expect(file).toContain('dataType: DECIMAL');
    expect(file).toContain('- name: currency');
    expect(file).not.toContain('description: Order id.');
    expect(file).not.toContain('description: Amount.');
    expect(file).toContain('# hand-written header comment');
  });

  it('an operation started on A is live on B; when A is killed mid-operation B resumes polling with the stored token: one final state, every log line', async () => {
    const id = await run(a, 'slow');
    const token = await newToken();
    const { states: streamed } = await openSubscription(gql(b), id, 'status logs { message phase }');
    await eventually(() => expect(adapter.polls.get(token)).toBeGreaterThanOrEqual(3));
    expect(await a.stop('SIGKILL')).toBe('SIGKILL');
    const pollsAtKill = adapter.polls.get(token) ?? 0;
    await b.waitForLog((l) => l.msg === 'taking over the operation' && l.operationId === id);
    await eventually(() => expect(adapter.polls.get(token)).toBeGreaterThan(pollsAtKill + 2));
    adapter.finish(token);
    const states = await streamed;

    expect(states.at(-1).status).toBe('COMPLETED');
    expect(states.filter((s) => s.status !== 'RUNNING')).toHaveLength(1);
    expect(states.length).toBeGreaterThan(3); // live: RUNNING states streamed from both owners
    expect(adapter.posts.filter((p) => p.params.tableName === 'slow')).toHaveLength(1); // polled again, never called again
    const messages: string[] = states.at(-1).logs.map((l: { message: string }) => l.message);
    const polls = adapter.polls.get(token) ?? 0;
    expect(messages.filter((m) => m.startsWith('poll '))).toEqual(Array.from({ length: polls }, (_, i) => `poll ${i + 1}`));
    expect(messages.filter((m) => !m.startsWith('poll '))).toEqual([
      expect.stringMatching(/^calling tech adapter http:\/\/127\.0\.0\.1:\d+ for component:default\/orders-port/),
      'instance B took over from instance A: polling the tech adapter again with the stored token',
      'reverse provisioning completed: 1 update(s) received',
    ]);
    const [row] = await sql<{ status: string; owner: string | null; previous_owner: string }>('SELECT status, owner, previous_owner FROM operations WHERE id = $1', [id]);
    expect(row).toEqual({ status: 'COMPLETED', owner: null, previous_owner: 'B' });
  });

  it('SIGTERM drains: live subscriptions complete, the process exits 0 and releases its leases, so another instance resumes at once', async () => {
    // C's lease is ten minutes: only the release on SIGTERM lets B take over within this test
    const c = await start('C', { leaseMs: 600_000 });
    const id = await run(c, 'slow');
    const token = await newToken();
    await eventually(() => expect(adapter.polls.get(token)).toBeGreaterThanOrEqual(2));
    const { states: streamed } = await openSubscription(gql(c), id, 'status');
    expect(await c.stop('SIGTERM')).toBe(0);

    expect((await streamed).every((s) => s.status === 'RUNNING')).toBe(true);
    expect(c.logs).toContainEqual(expect.objectContaining({ msg: 'released leases for another instance to resume', released: 1 }));
    expect(c.logs.at(-1)).toMatchObject({ msg: 'stopped' });
    await b.waitForLog((l) => l.msg === 'taking over the operation' && l.operationId === id);
    adapter.finish(token);
    await eventually(async () => expect((await operation(b, id)).status).toBe('COMPLETED'));
  });

  it('/ready is 503 while the database is down, /health stays 200; both recover with it', async () => {
    expect((await fetch(`${b.url}/ready`)).status).toBe(200);
    postgres.stop();
    try {
      const ready = await fetch(`${b.url}/ready`);
      const body = await ready.json();
      expect(ready.status).toBe(503);
      expect(body.status).toBe('not ready');
      expect(body.checks.database).toMatch(/^unreachable|^no answer/);
      expect(body.checks['repositories[0]']).toBe('ok');
      expect((await fetch(`${b.url}/health`)).status).toBe(200);
    } finally {
      postgres.start();
    }
    await eventually(async () => expect((await fetch(`${b.url}/ready`)).status).toBe(200));
    const id = await run(b, 'orders');
    await eventually(async () => expect((await operation(b, id)).status).toBe('COMPLETED'));
    await b.waitForLog((l) => l.msg === 'notifications reconnected');
  });

  it('metrics and logs: cluster-wide operation counts, takeovers, saves; JSON lines with request and operation ids, never a secret', async () => {
    const text = await (await fetch(`${b.url}/metrics`)).text();
    const value = (name: string): number => Number(new RegExp(`^${name.replace(/[{}"=]/g, (c) => `\\${c}`)} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
    expect(value('revprov_operations{status="COMPLETED"}')).toBe(204);
    expect(value('revprov_operations{status="RUNNING"}')).toBe(0);
    expect(value('revprov_operation_takeovers_total')).toBe(2);
    expect(value('revprov_saves_total{result="committed"}')).toBeGreaterThanOrEqual(2);
    expect(text).toContain('revprov_save_push_rejections_total');
    for (const server of processes) {
      expect(server.logs.length).toBeGreaterThan(3);
      for (const line of server.logs) expect(line).toMatchObject({ level: expect.any(String), time: expect.any(String), instance: expect.any(String), msg: expect.any(String) });
      expect(JSON.stringify(server.logs)).not.toContain(SECRET);
      expect(server.logs.filter((l) => l.msg === 'request').every((l) => typeof l.requestId === 'string' && typeof l.durationMs === 'number')).toBe(true);
    }
    expect(b.logs).toContainEqual(expect.objectContaining({ component: 'operations', operationId: expect.any(String), adapterUrl: adapter.url, status: 'COMPLETED', msg: 'operation completed' }));
  });

  it('revprov-server --migrate applies the pending migrations and exits (a release step); a failure names no password', async () => {
    const config = path.join(dir, 'migrate.yaml');
    writeFileSync(config, stringify({ dataDir: path.join(dir, 'migrate'), repositories: [{ url: repo, branch: 'main' }] }));
    const migrateOnly = (url: string) => spawnSync(process.execPath, [SERVER_BIN, '--config', config, '--migrate'], { env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8' });
    const fresh = await postgres.createDatabase('migrate_only');
    const first = migrateOnly(fresh);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^revprov-server: PostgreSQL \(database\.url\) is up to date \(applied migrations 1, 2(, \d+)*\)\n$/);
    const again = migrateOnly(fresh);
    expect([again.status, again.stdout]).toEqual([0, 'revprov-server: PostgreSQL (database.url) is up to date (nothing to apply)\n']);
    const refused = migrateOnly(`postgres://postgres:s3cret-pw@127.0.0.1:${postgres.port}/no_such_database`);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^revprov-server cannot migrate: PostgreSQL \(database\.url\): /);
    expect(refused.stderr).not.toContain('s3cret-pw');
  });
});
