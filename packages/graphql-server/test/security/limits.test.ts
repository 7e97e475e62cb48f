import { chmodSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/config/securityConfig.js';
import { statusBody } from '../helpers/protocolServer.js';
import { UPDATES } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/gitRepo.js';
import { RUN, SAVE } from '../helpers/queries.js';
import type { SecurityServer } from '../helpers/securityServer.js';
import { startSecurityServer } from '../helpers/securityServer.js';
import { removeDir } from '../helpers/testServer.js';

const dir = tempDir();
const ORDERS = 'component:default/orders-port';

// Every git command the server runs goes through this wrapper, which logs its subcommand.
const bin = path.join(dir, 'bin');
const fetchLog = path.join(dir, 'fetches.log');
const realGit = process.env.PATH?.split(path.delimiter).map((p) => path.join(p, 'git')).find((p) => {
  try {
    return readFileSync(p).length > 0;
  } catch {
    return false;
  }
});
beforeAll(() => {
  mkdirSync(bin, { recursive: true });
  writeFileSync(fetchLog, '');
  writeFileSync(path.join(bin, 'git'), `#!/bin/sh\necho "$1" >> '${fetchLog}'\nexec '${realGit}' "$@"\n`);
  chmodSync(path.join(bin, 'git'), 0o755);
  process.env.PATH = `${bin}${path.delimiter}${process.env.PATH ?? ''}`;
});
afterAll(() => removeDir(dir));
const fetches = (): number => readFileSync(fetchLog, 'utf8').split('\n').filter((l) => l === 'fetch').length;
const gitProcesses = (): number => readFileSync(fetchLog, 'utf8').split('\n').filter((l) => l !== '').length;

const aliases = (n: number): string => `{ ${Array.from({ length: n }, (_, i) => `a${i}: component(ref: "${ORDERS}") { ref owner }`).join(' ')} }`;

describe('amplification: one query cannot multiply git work', () => {
  it('refuses a 1,000-alias query with the default limits, before any fetch', async () => {
    const s = await startSecurityServer(path.join(dir, 'armor'), {});
    try {
      const before = fetches();
      const r = await s.post(aliases(1000));
      expect(r.body.data ?? null).toBeNull();
      expect(JSON.stringify(r.body.errors)).toMatch(/aliases|token limit/i);
      expect(fetches() - before).toBe(0);
    } finally {
      await s.close();
    }
  });

  it('with the alias limit lifted, 1,000 aliases share one fetch (coalesced branch reads)', async () => {
    const s = await startSecurityServer(path.join(dir, 'lifted'), { limits: { ...DEFAULT_LIMITS, maxAliases: 2000, maxTokens: 50_000, maxCost: 1_000_000 } });
    try {
      const before = fetches();
      const r = await s.post(aliases(1000));
      expect(r.body.errors).toBeUndefined();
      expect(Object.keys(r.body.data)).toHaveLength(1000);
      expect(r.body.data.a999).toEqual({ ref: ORDERS, owner: 'group:team-orders' });
      const used = fetches() - before;
      expect(used).toBeGreaterThanOrEqual(1);
      expect(used).toBeLessThanOrEqual(2);
    } finally {
      await s.close();
    }
  });

  it('14 aliases of operations(first: 100) with their files and change sets: a few git processes, not one per operation and alias (F5)', async () => {
    const s = await startSecurityServer(path.join(dir, 'listing'), { limits: { ...DEFAULT_LIMITS, gitFreshnessMs: 1000, maxCost: 1_000_000 } });
    try {
      const ops = 20;
      for (let i = 0; i < ops; i++) {
        const id = (await s.post(RUN, { ref: ORDERS, env: 'development', params: { tableName: 'orders' } })).body.data.runReverseProvisioning.operation.id;
        await s.server.services.operations.settled(id);
      }
      const fields = Array.from({ length: 14 }, (_, i) => `a${i}: operations(componentRef: "${ORDERS}", first: 100) { currentYaml changeSet { summary { total } } }`).join(' ');
      const before = gitProcesses();
      const r = await s.post(`{ ${fields} }`);
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data.a13).toHaveLength(ops);
      expect(r.body.data.a13[0].changeSet.summary.total).toBeGreaterThan(0);
      expect(gitProcesses() - before).toBeLessThanOrEqual(6); // was one `git cat-file` per operation and alias (280)
    } finally {
      await s.close();
    }
  });

  it('refuses a deeply nested document as a typed GraphQL error, not a 500', async () => {
    const s = await startSecurityServer(path.join(dir, 'deepdoc'), {});
    try {
      const fine = await s.post('{ components { reverseProvisioningTemplate { inputForm { pages { title } } } } }');
      expect(fine.body.errors).toBeUndefined();
      const tooDeep = await s.post(`{ components { ${'reverseProvisioningTemplate { repository { url } } '} ${'a { '.repeat(20)}${'}'.repeat(20)} } }`);
      expect(tooDeep.status).toBeLessThan(500);
      expect(tooDeep.body.errors[0].message).toBeTruthy();
      const deepList = `{ applyUpdates(source: "a: 1\\n", updates: ${'['.repeat(3000)}${']'.repeat(3000)}) { text } }`;
      // a comment ends at \r too (and \r\n), as in graphql-js: it hides no bracket (review finding F4)
      const hidden = ['# x\r', '# x\r\n'].map((prefix) => `${prefix}${deepList}`);
      for (const nested of [`{ viewer { user } ${'{'.repeat(5000)} }`, deepList, ...hidden]) {
        const r = await s.post(nested);
        expect(r.status).toBeLessThan(500);
        expect(r.body.errors[0]).toMatchObject({ message: 'Syntax Error: the document nests deeper than 72 levels (limits.maxDepth + limits.maxJsonDepth).', extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
      }
    } finally {
      await s.close();
    }
  });
});

describe('size and depth limits', () => {
  let s: SecurityServer;
  beforeAll(async () => {
    s = await startSecurityServer(path.join(dir, 'sizes'), {});
  });
  afterAll(() => s.close());

  it('deep params and deep updates are typed errors (LIMIT_EXCEEDED), never an internal error', async () => {
    // JSON.stringify cannot write this value (its own recursion): the body is written by hand
    const deep = `${'{"a":'.repeat(100_000)}"x"${'}'.repeat(100_000)}`;
    const raw = async (query: string, variables: string): Promise<any> => {
      const res = await fetch(s.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"query":${JSON.stringify(query)},"variables":${variables}}` });
      expect(res.status).toBeLessThan(500);
      return res.json();
    };
    const run = { body: await raw(RUN, `{"ref":"${ORDERS}","env":"development","params":{"tableName":"orders","deep":${deep}}}`) };
    expect(run.body.data.runReverseProvisioning.userErrors).toEqual([
      { code: 'LIMIT_EXCEEDED', message: 'params is nested more than 64 levels deep (limits.maxJsonDepth)', field: ['input', 'params'], paths: [] },
    ]);
    const upd = { body: await raw('query ($u: JSON!) { applyUpdates(source: "a: 1\\n", updates: $u) { text errors { code message } } }', `{"u":{"spec.x":${deep}}}`) };
    expect(upd.body.data.applyUpdates).toEqual({ text: 'a: 1\n', errors: [{ code: 'LIMIT_EXCEEDED', message: 'updates is nested more than 64 levels deep (limits.maxJsonDepth)' }] });
    expect(s.adapter.posts).toHaveLength(0);
  });

  it('a 10 MB body is refused (413); params over their own limit are LIMIT_EXCEEDED', async () => {
    const big = await s.post(RUN, { ref: ORDERS, env: 'development', params: { tableName: 'orders', blob: 'x'.repeat(10 * 1024 * 1024) } });
    expect(big.status).toBe(413);
    const over = await s.post(RUN, { ref: ORDERS, env: 'development', params: { tableName: 'orders', blob: 'x'.repeat(70 * 1024) } });
    expect(over.body.data.runReverseProvisioning.userErrors[0]).toMatchObject({ code: 'LIMIT_EXCEEDED', message: expect.stringMatching(/^params is \d+ bytes as JSON, more than the limit of 65536$/) });
    expect(s.adapter.posts).toHaveLength(0);
  });

  it('commit messages: a 5 MB one is refused by the body limit, a long one by its own, a forged trailer becomes part of the subject', async () => {
    const started = (await s.post(RUN, { ref: ORDERS, env: 'development', params: { tableName: 'orders' } })).body.data.runReverseProvisioning;
    const id: string = started.operation.id;
    await s.server.services.operations.settled(id);
    const AMOUNT = 'spec.mesh.dataContract.schema[name=amount].dataType';
    expect((await s.post(SAVE, { id, paths: [AMOUNT], message: 'm'.repeat(5 * 1024 * 1024) })).status).toBe(413);
    const long = (await s.post(SAVE, { id, paths: [AMOUNT], message: 'm'.repeat(201) })).body.data.saveCatalogInfo;
    expect(long.userErrors[0]).toMatchObject({ code: 'LIMIT_EXCEEDED', field: ['input', 'message'] });
    const saved = (await s.post(SAVE, { id, paths: [AMOUNT], message: 'amount\u001b[31m is DECIMAL\n\nSigned-off-by: Someone Else <x@example.com>' })).body.data.saveCatalogInfo;
    expect(saved.userErrors).toEqual([]);
    const { execFileSync } = await import('node:child_process');
    const body = execFileSync('git', ['log', '-1', '--format=%B'], { cwd: s.repo, encoding: 'utf8' });
    expect(body).toBe(`amount[31m is DECIMAL Signed-off-by: Someone Else <x@example.com>\n\nRevprov-Operation: ${id}\n\n`);
    expect(execFileSync('git', ['log', '-1', '--format=%(trailers:key=Signed-off-by)'], { cwd: s.repo, encoding: 'utf8' }).trim()).toBe('');
  });
});

describe('adapter answers', () => {
  it('a 20 MB answer and a deeply nested one fail the operation with the limit, nothing stored', async () => {
    const huge = await startSecurityServer(path.join(dir, 'huge'), {}, { adapterAnswer: statusBody('COMPLETED', { updates: { 'spec.blob': 'x'.repeat(20 * 1024 * 1024) } }) });
    try {
      const id = (await huge.post(RUN, { ref: ORDERS, env: 'development', params: { tableName: 'orders' } })).body.data.runReverseProvisioning.operation.id;
      await huge.server.services.operations.settled(id);
      const op = (await huge.post('query ($id: ID!) { reverseProvisioningOperation(id: $id) { status updates failure { message } } }', { id })).body.data.reverseProvisioningOperation;
      expect(op).toEqual({ status: 'FAILED', updates: null, failure: { message: `the tech adapter's answer is larger than ${8 * 1024 * 1024} bytes (limits.maxAdapterAnswerBytes); it was not read` } });
    } finally {
      await huge.close();
    }
    // written by hand: JSON.stringify cannot write it (the adapter answers the text as is)
    const deepAnswer = `{"status":"COMPLETED","updates":{"spec.x":${'['.repeat(50_000)}1${']'.repeat(50_000)}}}`;
    const nested = await startSecurityServer(path.join(dir, 'nested'), {}, { adapterAnswer: deepAnswer });
    try {
      const id = (await nested.post(RUN, { ref: ORDERS, env: 'development', params: { tableName: 'orders' } })).body.data.runReverseProvisioning.operation.id;
      await nested.server.services.operations.settled(id);
      const op = (await nested.post('query ($id: ID!) { reverseProvisioningOperation(id: $id) { status failure { message } } }', { id })).body.data.reverseProvisioningOperation;
      expect(op).toEqual({ status: 'FAILED', failure: { message: "the tech adapter's answer is nested more than 64 levels deep (limits.maxJsonDepth)" } });
    } finally {
      await nested.close();
    }
  });
});

describe('secrets are never stored, logged or returned', () => {
  const SECRET = 'tok-Zq81-secret';
  const grepData = (dataDir: string, needle: string): string[] =>
    readdirSync(dataDir).filter((f) => f.startsWith('revprov.sqlite')).filter((f) => readFileSync(path.join(dataDir, f)).includes(Buffer.from(needle)));

  it('an adapter echoing the secret in updates and logs: refused, nothing of it in the database files or the API', async () => {
    const s = await startSecurityServer(path.join(dir, 'echo'), {}, {
      adapterAnswer: statusBody('COMPLETED', {
        updates: { ...UPDATES, 'spec.mesh.specific.connection': { token: SECRET } },
        logs: [
          { timestamp: '2024-01-01T00:00:00Z', level: 'INFO', message: `connecting with token=${SECRET};` },
          { timestamp: '2024-01-01T00:00:01Z', level: 'INFO', message: 'found 3 columns' },
        ],
      }),
    });
    try {
      const id = (await s.post(RUN, { ref: ORDERS, env: 'development', params: { tableName: 'orders', token: SECRET } })).body.data.runReverseProvisioning.operation.id;
      await s.server.services.operations.settled(id);
      expect((s.adapter.posts[0] as { params: { token: string } }).params.token).toBe(SECRET); // sent to the adapter
      const r = await s.post('query ($id: ID!) { reverseProvisioningOperation(id: $id) { status updates proposedYaml changeSet { summary { total } } logs { message } failure { message } } }', { id });
      const op = r.body.data.reverseProvisioningOperation;
      expect(op.status).toBe('FAILED');
      expect(op.updates).toBeNull();
      expect(op.proposedYaml).toBeNull();
      expect(op.failure.message).toContain('updates["spec.mesh.specific.connection"]["token"]');
      expect(op.logs.map((l: { message: string }) => l.message)).toContain('[withheld: this message contained the value of a secret parameter]');
      expect(op.logs.map((l: { message: string }) => l.message)).toContain('found 3 columns');
      expect(JSON.stringify(r.body)).not.toContain(SECRET);
      const dataDir = s.server.services.config.dataDir;
      await s.close();
      expect(grepData(dataDir, SECRET)).toEqual([]);
      expect(grepData(dataDir, 'found 3 columns').length).toBeGreaterThan(0); // the grep does find what is stored
    } finally {
      await s.close().catch(() => undefined);
    }
  });

  it('a one-letter secret: only the lines holding it are withheld, whole; no other text is touched', async () => {
    const s = await startSecurityServer(path.join(dir, 'letter'), {}, {
      adapterAnswer: statusBody('COMPLETED', {
        updates: UPDATES,
        logs: [
          { timestamp: '2024-01-01T00:00:00Z', level: 'INFO', message: 'Reading table "orders" with a cursor' },
          { timestamp: '2024-01-01T00:00:01Z', level: 'INFO', message: 'password is q' },
          { timestamp: '2024-01-01T00:00:01Z', level: 'INFO', message: 'quota checked' },
          { timestamp: '2024-01-01T00:00:02Z', level: 'INFO', message: 'Reverse provisioning completed.' },
        ],
      }),
    });
    try {
      const id = (await s.post(RUN, { ref: ORDERS, env: 'development', params: { tableName: 'orders', password: 'q' } })).body.data.runReverseProvisioning.operation.id;
      await s.server.services.operations.settled(id);
      const op = (await s.post('query ($id: ID!) { reverseProvisioningOperation(id: $id) { status logs { message } } }', { id })).body.data.reverseProvisioningOperation;
      expect(op.status).toBe('COMPLETED');
      const messages = op.logs.map((l: { message: string }) => l.message);
      expect(messages).toContain('Reading table "orders" with a cursor');
      expect(messages).toContain('Reverse provisioning completed.');
      expect(messages.filter((m: string) => m === '[withheld: this message contained the value of a secret parameter]')).toHaveLength(2);
      expect(messages.some((m: string) => m.includes('q'))).toBe(false);
      expect(messages.some((m: string) => m.includes('***'))).toBe(false);
    } finally {
      await s.close();
    }
  });
});
