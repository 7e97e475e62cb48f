import { connect } from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/config/securityConfig.js';
import { tempDir } from '../helpers/gitRepo.js';
import { statusBody } from '../helpers/protocolServer.js';
import { RUN } from '../helpers/queries.js';
import { startSecurityServer } from '../helpers/securityServer.js';
import { removeDir } from '../helpers/testServer.js';

const dir = tempDir();
afterAll(() => removeDir(dir));

const ORDERS = 'component:default/orders-port';
const BILLING = 'component:default/billing-port';
const runs = (ref: string, n: number): string =>
  `mutation { ${Array.from({ length: n }, (_, i) => `r${i}: runReverseProvisioning(input: { componentRef: "${ref}", environment: "development", params: { tableName: "t" } }) { operation { id } userErrors { code message } }`).join(' ')} }`;
async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((r) => setTimeout(r, 10));
}
type RunAnswer = { operation: { id: string } | null; userErrors: { code: string; message: string }[] };

describe('running operations are limited per caller, per component and in all (second review, F9)', () => {
  it('15 aliased runs start only what the limits allow; the others are LIMIT_EXCEEDED; a finished run frees its place', async () => {
    const limits = { ...DEFAULT_LIMITS, maxRunningOperationsPerComponent: 3, maxRunningOperationsPerCaller: 4 };
    // an adapter whose operations run until cancelled: 202, then RUNNING at every poll
    let tokens = 0;
    const s = await startSecurityServer(path.join(dir, 'running'), { limits }, { adapter: () => ({ status: 202, body: `tok-${++tokens}` }), poll: () => ({ status: 200, body: statusBody('RUNNING') }) });
    try {
      const first = Object.values((await s.post(runs(ORDERS, 15))).body.data) as RunAnswer[];
      const started = first.filter((r) => r.operation !== null);
      expect(started).toHaveLength(3);
      const refused = first.filter((r) => r.operation === null);
      expect(refused).toHaveLength(12);
      for (const r of refused) expect(r.userErrors[0]).toMatchObject({ code: 'LIMIT_EXCEEDED', message: expect.stringContaining('limits.maxRunningOperationsPerComponent') });
      // the runs call the adapter in the background: once each has polled, every call has been made
      await until(() => s.adapter.polls >= 6);
      expect(s.adapter.posts).toHaveLength(3); // the refused runs never reached the adapter

      // the same caller on another component: one more, then the per-caller limit
      const other = Object.values((await s.post(runs(BILLING, 2))).body.data) as RunAnswer[];
      expect(other.filter((r) => r.operation !== null)).toHaveLength(1);
      expect(other.find((r) => r.operation === null)?.userErrors[0]?.message).toContain('limits.maxRunningOperationsPerCaller');

      // cancelling one frees its place
      const cancelled = await s.post('mutation ($id: ID!) { cancelReverseProvisioning(input: { operationId: $id }) { operation { status } userErrors { code } } }', { id: started[0]?.operation?.id });
      expect(cancelled.body.data.cancelReverseProvisioning.operation.status).toBe('CANCELLED');
      await s.server.services.operations.settled(started[0]?.operation?.id as string);
      const again = (await s.post(RUN, { ref: ORDERS, env: 'development', params: { tableName: 't' } })).body.data.runReverseProvisioning;
      expect(again.userErrors).toEqual([]);
      expect(again.operation.id).toBeTruthy();
    } finally {
      await s.close();
    }
  });
});

describe('HTTP server timeouts', () => {
  it('a client sending its headers too slowly is disconnected (limits.headersTimeoutMs)', async () => {
    const s = await startSecurityServer(path.join(dir, 'slow'), { limits: { ...DEFAULT_LIMITS, headersTimeoutMs: 1000, requestTimeoutMs: 1000 } });
    try {
      const { port, hostname } = new URL(s.url);
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), hostname, () => socket.write('POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\n')); // never finishes its headers
        let got = '';
        socket.on('data', (b) => (got += String(b)));
        socket.on('close', () => resolve(got));
        socket.on('error', reject);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      await s.close();
    }
  });
});
