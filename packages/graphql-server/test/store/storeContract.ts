import { describe, expect, it } from 'vitest';
import { migrations } from '../../src/store/migrations/index.js';
import { SchemaVersionError } from '../../src/store/migrate.js';
import type { SqlClient } from '../../src/store/sqlClient.js';
import type { OperationWork, Store } from '../../src/store/store.js';
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

export const WORK: OperationWork = {
  adapterUrl: 'http://127.0.0.1:9/base',
  request: { useCaseTemplateId: 'urn:x', environment: 'development', params: { tableName: 'orders' }, catalogInfo: { kind: 'Component' } },
  omittedSecrets: [],
  token: null,
  attempts: 1,
  deadline: 4_102_444_800_000,
};
const A = { owner: 'instance-a', leaseMs: 60_000 };
const B = { owner: 'instance-b', leaseMs: 60_000 };
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

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
        await store.operations.insert(a, WORK, A);
        expect(await store.operations.get('op-a')).toEqual(a);
        expect(await store.operations.get('missing')).toBeNull();
        await expect(store.operations.insert(a, WORK, A)).rejects.toThrow();
        const done = { ...a, status: 'COMPLETED' as const, updatedAt: '2024-05-01T10:01:00.000Z', updates: { 'spec.x': [1, { y: null }] }, proposedYaml: 'kind: Component\nx: 1\n' };
        expect(await store.operations.write(done, WORK, B.owner)).toBe(false);
        expect(await store.operations.get('op-a')).toEqual(a);
        expect(await store.operations.write(done, WORK, A.owner)).toBe(true);
        expect(await store.operations.get('op-a')).toEqual(done);
        // a final state ends the lease: no more writes, nothing to claim
        expect(await store.operations.write({ ...done, status: 'FAILED' }, WORK, A.owner)).toBe(false);
        expect(await store.operations.claim(B, { limit: 10, anyOwner: true })).toEqual([]);
        expect(await store.operations.countByStatus()).toEqual({ COMPLETED: 1 });
        await store.ping();
      } finally {
        await store.close();
      }
    });

    it('lists running operations oldest first and recent ones newest first, by component', async () => {
      const store = await (await fixture.fresh()).open();
      try {
        const at = (minute: number): string => `2024-05-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
        await store.operations.insert(operation('r2', { createdAt: at(2) }), WORK, A);
        await store.operations.insert(operation('c1', { createdAt: at(1), status: 'COMPLETED' }), WORK, A);
        await store.operations.insert(operation('r0', { createdAt: at(0), componentRef: 'component:default/other' }), WORK, A);
        await store.operations.insert(operation('f3', { createdAt: at(3), status: 'FAILED' }), WORK, A);
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
        await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? a : b).operations.insert(operation(`n${String(i).padStart(2, '0')}`), WORK, A)));
        expect(await a.operations.running()).toHaveLength(40);
        expect(await b.operations.get('n01')).toEqual(operation('n01'));
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });

    it('a lease keeps an operation with its owner until it expires or is released; then exactly one instance takes it over', async () => {
      const store = await (await fixture.fresh()).open();
      const ops = store.operations;
      try {
        await ops.insert(operation('x'), WORK, { owner: A.owner, leaseMs: 300 });
        expect(await ops.claim(B, { limit: 10 })).toEqual([]);
        expect(await ops.renew({ owner: A.owner, leaseMs: 300 })).toEqual(['x']);
        await sleep(400);
        const [taken, ...none] = await ops.claim(B, { limit: 10 });
        expect(none).toEqual([]);
        expect(taken).toEqual({ record: operation('x'), work: WORK, previousOwner: A.owner });
        // the old owner notices: its heartbeat no longer lists it, its writes are refused
        expect(await ops.renew(A)).toEqual([]);
        expect(await ops.write({ ...operation('x'), status: 'COMPLETED' }, WORK, A.owner)).toBe(false);
        const withToken = { ...WORK, token: 'tok-1', attempts: 2 };
        expect(await ops.write(operation('x', { updatedAt: '2024-05-01T10:05:00.000Z' }), withToken, B.owner)).toBe(true);
        expect(await ops.renew(B)).toEqual(['x']);
        // a released lease is taken over at once, with its work
        expect(await ops.release(B.owner)).toBe(1);
        expect(await ops.renew(B)).toEqual([]);
        const [again] = await ops.claim(A, { limit: 10 });
        expect(again).toMatchObject({ work: withToken, previousOwner: B.owner });
        expect(again?.record.updatedAt).toBe('2024-05-01T10:05:00.000Z');
        // anyOwner takes live leases too (the only instance of an embedded database, at start)
        expect(await ops.claim(B, { limit: 10 })).toEqual([]);
        expect((await ops.claim(B, { limit: 10, anyOwner: true })).map((o) => o.previousOwner)).toEqual([A.owner]);
      } finally {
        await store.close();
      }
    });

    it('instances claiming at once never share an operation', async () => {
      const db = await fixture.fresh();
      const [a, b] = await Promise.all([db.open(), db.open()]);
      try {
        for (let i = 0; i < 30; i++) await a.operations.insert(operation(`e${String(i).padStart(2, '0')}`), WORK, { owner: 'dead', leaseMs: -1 });
        const [fromA, fromB] = await Promise.all([a.operations.claim(A, { limit: 20 }), b.operations.claim(B, { limit: 20 })]);
        const ids = [...fromA, ...fromB].map((o) => o.record.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.length).toBe(30);
        expect((await a.operations.renew(A)).length + (await b.operations.renew(B)).length).toBe(30);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });

    it('finish ends a RUNNING operation whoever owns it, never over a newer state', async () => {
      const store = await (await fixture.fresh()).open();
      const ops = store.operations;
      try {
        await ops.insert(operation('c'), WORK, A);
        let calls = 0;
        let late: Promise<boolean> = Promise.resolve(false);
        const cancelled = await ops.finish('c', (current) => {
          calls++;
          // the owner writes new logs while the cancellation is computed
          if (calls === 1) late = ops.write({ ...current, adapterLogs: [{ timestamp: 't', level: 'INFO', message: 'late log', phase: null }] }, WORK, A.owner);
          return { ...current, status: 'CANCELLED', serverLogs: [...current.serverLogs, { timestamp: 't', level: 'INFO', message: 'cancelled', phase: 'server' }] };
        });
        expect(cancelled?.changed).toBe(true);
        const stored = await ops.get('c');
        expect(stored?.status).toBe('CANCELLED');
        expect(stored?.serverLogs.at(-1)?.message).toBe('cancelled');
        // either the owner's write landed first and the cancellation was recomputed on it, or it was refused
        if (await late) {
          expect(calls).toBe(2);
          expect(stored?.adapterLogs.map((l) => l.message)).toEqual(['late log']);
        } else {
          expect(calls).toBe(1);
          expect(stored?.adapterLogs).toEqual([]);
        }
        expect(await ops.write({ ...operation('c'), status: 'COMPLETED' }, WORK, A.owner)).toBe(false);
        expect(await ops.renew(A)).toEqual([]);
        expect(await ops.finish('c', (r) => ({ ...r, status: 'FAILED' }))).toEqual({ record: stored, changed: false });
        expect(await ops.finish('nope', (r) => r)).toBeNull();
      } finally {
        await store.close();
      }
    });
  });
}
