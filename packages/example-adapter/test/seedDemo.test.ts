import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { alterDemoTable, introspectTable, seedDemo, startExampleAdapter, type DemoSeed, type StatusBody } from '../src/index.js';
import { call, tempDir } from './helpers.js';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', ...args], { cwd, encoding: 'utf8' });
}

interface Column { name: string; dataType: string; description?: string; tags?: unknown[] }

describe('seedDemo', () => {
  const dir = tempDir();
  let seed: DemoSeed;
  let clone: string;
  beforeAll(async () => {
    seed = await seedDemo(join(dir.path, 'data'));
    clone = join(dir.path, 'clone');
    git(dir.path, 'clone', '--quiet', '--branch', seed.branch, seed.repoUrl, clone);
  });
  afterAll(() => dir.cleanup());

  it('reports what it created', () => {
    expect(seed).toEqual({
      repoUrl: join(dir.path, 'data', 'demo', 'orders-output-port.git'),
      branch: 'main',
      dbPath: join(dir.path, 'data', 'demo', 'orders.sqlite'),
      componentRef: 'component:default/orders-output-port',
      infrastructureTemplateId: 'urn:dmb:itm:example-sqlite-adapter:0',
      useCaseTemplateId: 'urn:dmb:utm:sqlite-outputport-template:0.0.0',
      created: true,
    });
    expect(isAbsolute(seed.repoUrl)).toBe(true);
    expect(git(seed.repoUrl, 'rev-parse', '--is-bare-repository').trim()).toBe('true');
    expect(git(seed.repoUrl, 'symbolic-ref', 'HEAD').trim()).toBe('refs/heads/main');
    expect(readdirSync(join(dir.path, 'data', 'demo')).sort()).toEqual(['orders-output-port.git', 'orders.sqlite']);
  });

  it('pushes one commit with the component files', () => {
    expect(git(clone, 'ls-files').trim().split('\n').sort()).toEqual([
      'README.md', 'catalog-info.yaml', 'environments/development/configurations.yaml', 'reverse-provisioning-template.yaml',
    ]);
    expect(git(clone, 'rev-list', '--count', 'HEAD').trim()).toBe('1');
  });

  it('writes a Witboost output-port catalog-info that parses and matches the reported ids', () => {
    const text = readFileSync(join(clone, 'catalog-info.yaml'), 'utf8');
    expect(text).toMatch(/^# /m);
    const doc = parse(text) as { apiVersion: string; kind: string; metadata: { name: string }; spec: Record<string, any> };
    expect(doc.apiVersion).toBe('witboost.com/v1');
    expect(doc.kind).toBe('Component');
    expect(`component:default/${doc.metadata.name}`).toBe(seed.componentRef);
    expect(doc.spec['type']).toBe('outputport');
    const mesh = doc.spec['mesh'];
    expect(mesh.infrastructureTemplateId).toBe(seed.infrastructureTemplateId);
    expect(mesh.useCaseTemplateId).toBe(seed.useCaseTemplateId);
    expect(mesh.specific.tableName).toBe('orders');
    const schema = mesh.dataContract.schema as Column[];
    expect(schema.map((column) => column.name)).toEqual(['order_id', 'customer_id', 'amount', 'status', 'created_at']);
    for (const column of schema) {
      expect(typeof column.description).toBe('string');
      expect(Array.isArray(column.tags)).toBe(true);
    }
  });

  it('writes a reverse provisioning template for the component, with a required tableName and a secret token', () => {
    const doc = parse(readFileSync(join(clone, 'reverse-provisioning-template.yaml'), 'utf8'));
    expect(doc).toMatchObject({
      apiVersion: 'witboost.com/v2',
      kind: 'ReverseProvisioningTemplate',
      metadata: { links: [{ url: 'http://127.0.0.1:4001/datamesh.specificprovisioner/docs', type: 'documentation' }] },
      spec: {
        useCaseTemplateId: [seed.useCaseTemplateId],
        parameters: {
          required: ['tableName'],
          properties: { tableName: { type: 'string', default: 'orders' }, apiToken: { 'ui:field': 'Secret' } },
        },
      },
    });
    const config = parse(readFileSync(join(clone, 'environments/development/configurations.yaml'), 'utf8'));
    expect(config).toEqual({ database: { file: 'orders.sqlite', readOnly: true }, sampleRows: 5 });
  });

  it('seeds a table that has drifted from the file: amount changed type, currency was added', async () => {
    const doc = parse(readFileSync(join(clone, 'catalog-info.yaml'), 'utf8')) as { spec: { mesh: { dataContract: { schema: Column[] } } } };
    const adapter = await startExampleAdapter({ dbPath: seed.dbPath });
    try {
      const answer = await call(`${adapter.url}/v1/reverse-provisioning`, 'POST', {
        useCaseTemplateId: seed.useCaseTemplateId, environment: 'development', params: { tableName: 'orders' }, catalogInfo: doc,
      });
      expect(answer.status).toBe(200);
      const live = (answer.json as StatusBody).updates['spec.mesh.dataContract.schema'] as Column[];
      const filed = doc.spec.mesh.dataContract.schema;
      expect(live.map((column) => column.name)).toEqual(['order_id', 'customer_id', 'amount', 'currency', 'status', 'created_at']);
      const typeOf = (columns: Column[], name: string): string | undefined => columns.find((column) => column.name === name)?.dataType;
      expect([typeOf(filed, 'amount'), typeOf(live, 'amount')]).toEqual(['DOUBLE', 'DECIMAL']);
      for (const name of ['order_id', 'customer_id', 'status', 'created_at']) expect(typeOf(live, name)).toBe(typeOf(filed, name));
      expect(live.every((column) => column.description === undefined && column.tags === undefined)).toBe(true);
    } finally {
      await adapter.close();
    }
  });

  it('is idempotent: a second seed touches neither the user\'s commits nor the user\'s table', async () => {
    writeFileSync(join(clone, 'README.md'), 'edited by the user\n');
    git(clone, 'commit', '--quiet', '-am', 'user edit');
    git(clone, 'push', '--quiet', 'origin', 'main');
    const head = git(seed.repoUrl, 'rev-parse', 'main').trim();
    expect(alterDemoTable(seed.dbPath, 'ALTER TABLE orders ADD COLUMN note TEXT')).toEqual({ ok: true, changes: 0 });

    const again = await seedDemo(join(dir.path, 'data'));
    expect(again).toEqual({ ...seed, created: false });
    expect(git(seed.repoUrl, 'rev-parse', 'main').trim()).toBe(head);
    const table = introspectTable(seed.dbPath, 'orders');
    expect(table.kind === 'found' && table.table.columns.map((column) => column.name)).toContain('note');
    expect(readdirSync(join(dir.path, 'data', 'demo')).sort()).toEqual(['orders-output-port.git', 'orders.sqlite']);
  });

  it('recreates only a missing part', async () => {
    const other = join(dir.path, 'other');
    const first = await seedDemo(other);
    const head = git(first.repoUrl, 'rev-parse', 'main').trim();
    rmSync(first.dbPath);
    const second = await seedDemo(other);
    expect(second.created).toBe(true);
    expect(existsSync(second.dbPath)).toBe(true);
    expect(git(second.repoUrl, 'rev-parse', 'main').trim()).toBe(head);
  });

  it('gives the same commit for every seed (fixed identity and date)', async () => {
    const other = await seedDemo(join(dir.path, 'third'));
    expect(git(other.repoUrl, 'rev-parse', 'main').trim()).toBe(git(seed.repoUrl, 'rev-list', '--max-parents=0', 'main').trim());
  });
});

describe('alterDemoTable', () => {
  const dir = tempDir();
  let dbPath: string;
  beforeAll(async () => {
    dbPath = (await seedDemo(dir.path)).dbPath;
  });
  afterAll(() => dir.cleanup());

  it('runs statements in one transaction and counts changed rows', () => {
    expect(alterDemoTable(dbPath, "UPDATE orders SET status = 'ARCHIVED' WHERE order_id < 1003; ALTER TABLE orders ADD COLUMN channel VARCHAR(10)")).toEqual({ ok: true, changes: 2 });
    const table = introspectTable(dbPath, 'orders');
    expect(table.kind === 'found' && table.table.columns.at(-1)).toEqual({ name: 'channel', dataType: 'VARCHAR', dataLength: 10 });
  });

  it('returns failures as values and applies nothing of a failing batch', () => {
    const result = alterDemoTable(dbPath, 'ALTER TABLE orders ADD COLUMN half INT; ALTER TABLE nope ADD COLUMN x INT');
    expect(result).toEqual({ ok: false, error: 'no such table: nope' });
    const table = introspectTable(dbPath, 'orders');
    expect(table.kind === 'found' && table.table.columns.map((column) => column.name)).not.toContain('half');
    expect(alterDemoTable(dbPath, '   ')).toEqual({ ok: false, error: 'No SQL statement was given.' });
    expect(alterDemoTable(join(dir.path, 'missing.sqlite'), 'SELECT 1')).toMatchObject({ ok: false });
    expect(existsSync(join(dir.path, 'missing.sqlite'))).toBe(false);
  });
});
