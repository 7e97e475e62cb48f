import { describe, expect, it } from 'vitest';
import { migrations } from '../../src/store/migrations/index.js';
import { SchemaVersionError } from '../../src/store/migrate.js';
import type { SqlClient } from '../../src/store/sqlClient.js';
import type { Store } from '../../src/store/store.js';
import type { OperationRecord } from '../../src/services/operationModel.js';
import type { AuditEntry } from '../../src/audit/auditEntry.js';

/** How a contract run reaches its engine: a fresh empty database per call. */
export interface StoreFixture {
  /** A new empty database; `open` opens (and migrates) the store on it, `raw` a plain SQL client. */
  fresh(): Promise<{ open(): Promise<Store>; raw(): SqlClient }>;
}

export function operation(id: string, overrides: Partial<OperationRecord> = {}): OperationRecord {
  return {
    id,
    componentRef: 'component:default/orders',
    environment: 'development',
    status: 'RUNNING',
    createdAt: '2024-05-01T10:00:00.000Z',
    updatedAt: '2024-05-01T10:00:00.000Z',
    serverLogs: [{ timestamp: '2024-05-01T10:00:00.000Z', level: 'INFO', message: 'calling « l’adaptateur » 🚀', phase: 'server' }],
    adapterLogs: [],
    failure: null,
    updates: null,
    updateErrors: [],
    repository: { url: '/srv/git/orders.git', branch: 'main' },
    filePath: 'catalog-info.yaml',
    baseRevision: 'a'.repeat(40),
    baseYaml: 'kind: Component\n',
    proposedYaml: null,
    ...overrides,
  };
}

/** The behaviour every engine must have; run by sqliteStore.test.ts and postgresStore.test.ts. */
export function describeStoreContract(engine: string, fixture: StoreFixture): void {
  describe(`store contract (${engine})`, () => {
    it('migrates a fresh database once, in order, and records each version', async () => {
      const db = await fixture.fresh();
      const first = await db.open();
      expect(first.engine).toBe(engine);
      expect(first.migrated).toEqual(migrations.map((m) => m.version));
      await first.close();
      const again = await db.open();
      expect(again.migrated).toEqual([]);
      await again.close();
      const raw = db.raw();
      const rows = await raw.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
      await raw.close();
      expect(rows.map((r) => [Number(r.version), r.name])).toEqual(migrations.map((m) => [m.version, m.name]));
    });

    it('instances starting at once on one database apply each migration exactly once', async () => {
      const db = await fixture.fresh();
      const stores = await Promise.all([db.open(), db.open(), db.open()]);
      expect(stores.flatMap((s) => s.migrated).sort()).toEqual(migrations.map((m) => m.version));
      await Promise.all(stores.map((s) => s.close()));
    });

    it('refuses a database migrated by a newer server', async () => {
      const db = await fixture.fresh();
      await (await db.open()).close();
      const raw = db.raw();
      await raw.execute('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [999, 'future', 'x']);
      await raw.close();
      await expect(db.open()).rejects.toThrow(SchemaVersionError);
      await expect(db.open()).rejects.toThrow(`the database is at schema version 999, newer than this server knows (${migrations.length})`);
    });

    it('stores, reads back and replaces operation records exactly', async () => {
      const store = await (await fixture.fresh()).open();
      try {
        const a = operation('op-a');
        await store.operations.insert(a);
        expect(await store.operations.get('op-a')).toEqual(a);
        expect(await store.operations.get('missing')).toBeNull();
        await expect(store.operations.insert(a)).rejects.toThrow();
        const done = { ...a, status: 'COMPLETED' as const, updatedAt: '2024-05-01T10:01:00.000Z', updates: { 'spec.x': [1, { y: null }] }, proposedYaml: 'kind: Component\nx: 1\n' };
        await store.operations.put(done);
        expect(await store.operations.get('op-a')).toEqual(done);
        await store.ping();
      } finally {
        await store.close();
      }
    });

    it('lists running operations oldest first and recent ones newest first, by component', async () => {
      const store = await (await fixture.fresh()).open();
      try {
        const at = (minute: number): string => `2024-05-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
        await store.operations.insert(operation('r2', { createdAt: at(2) }));
        await store.operations.insert(operation('c1', { createdAt: at(1), status: 'COMPLETED' }));
        await store.operations.insert(operation('r0', { createdAt: at(0), componentRef: 'component:default/other' }));
        await store.operations.insert(operation('f3', { createdAt: at(3), status: 'FAILED' }));
        expect(await store.operations.running()).toEqual(['r0', 'r2']);
        expect((await store.operations.recent({ limit: 3 })).map((o) => o.id)).toEqual(['f3', 'r2', 'c1']);
        expect((await store.operations.recent({ limit: 10, componentRef: 'component:default/other' })).map((o) => o.id)).toEqual(['r0']);
      } finally {
        await store.close();
      }
    });

    it('appends audit entries and lists them newest first, paged and filtered', async () => {
      const store = await (await fixture.fresh()).open();
      try {
        const entry = (id: string, minute: number, over: Partial<AuditEntry> = {}): AuditEntry => ({
          id, at: `2024-05-01T10:0${minute}:00.000Z`, actor: 'jwt:alice', actorName: 'Alice « A »', action: 'RUN', componentRef: 'component:default/orders',
          operationId: `op-${id}`, result: 'OK', detail: null, commitSha: null, ...over,
        });
        await store.audit.append(entry('a', 1));
        await store.audit.append(entry('b', 2, { action: 'SAVE', commitSha: 'f'.repeat(40), detail: 'ffff on main' }));
        await store.audit.append(entry('c', 2, { actor: 'token:ci', result: 'FORBIDDEN', componentRef: 'component:default/other' }));
        await store.audit.append(entry('d', 3, { action: 'PREVIEW' }));
        await expect(store.audit.append(entry('a', 4))).rejects.toThrow();
        expect((await store.audit.list({ limit: 10 })).map((e) => e.id)).toEqual(['d', 'c', 'b', 'a']);
        expect(await store.audit.list({ limit: 1, before: 'c' })).toEqual([entry('b', 2, { action: 'SAVE', commitSha: 'f'.repeat(40), detail: 'ffff on main' })]);
        expect((await store.audit.list({ limit: 10, before: 'b' })).map((e) => e.id)).toEqual(['a']);
        expect((await store.audit.list({ limit: 10, componentRef: 'component:default/other' })).map((e) => e.id)).toEqual(['c']);
        expect((await store.audit.list({ limit: 10, actor: 'jwt:alice' })).map((e) => e.id)).toEqual(['d', 'b', 'a']);
        expect(await store.audit.list({ limit: 10, before: 'missing' })).toEqual([]);
      } finally {
        await store.close();
      }
    });

    it('two handles on one database see each other’s writes; concurrent inserts are all kept', async () => {
      const db = await fixture.fresh();
      const [a, b] = await Promise.all([db.open(), db.open()]);
      try {
        await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? a : b).operations.insert(operation(`n${String(i).padStart(2, '0')}`))));
        expect(await a.operations.running()).toHaveLength(40);
        expect(await b.operations.get('n01')).toEqual(operation('n01'));
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });
  });
}
