import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretValues, WITHHELD } from '../../src/security/secretValues.js';
import { tempDir } from '../helpers/gitRepo.js';
import type { Answer } from '../helpers/protocolServer.js';
import { statusBody } from '../helpers/protocolServer.js';
import { OPERATION, RUN } from '../helpers/queries.js';
import type { SecurityServer } from '../helpers/securityServer.js';
import { startSecurityServer } from '../helpers/securityServer.js';
import { removeDir } from '../helpers/testServer.js';

const dir = tempDir();
const ORDERS = 'component:default/orders-port';
const QUOTED = 'Pa"ss\\w0rd-XYZ'; // a password with a quote and a backslash, as passwords often have
const PLAIN = 'hunter2-prod-9f8e7d';
const now = (): string => new Date().toISOString();

/** An adapter echoing the `token` parameter in every way the second review found (F3). */
function echo(body: { params: { tableName: string; token: string } }): Answer {
  const t = body.params.token;
  switch (body.params.tableName) {
    case 'object_error': // structured errors, which are shown as JSON text
      return { status: 400, body: { errors: [{ detail: `login refused for password ${t}` }] } };
    case 'object_log':
      return { status: 200, body: statusBody('FAILED', { logs: [{ timestamp: now(), level: 'ERROR', message: { text: `bad password ${t}` } }] }) };
    case 'truncated': // a non-JSON body, shown cut at 300 characters
      return { status: 502, body: `${'x'.repeat(280)} password=${t} rest of the proxy page` };
    case 'timestamp':
      return { status: 200, body: statusBody('COMPLETED', { updates: {}, logs: [{ timestamp: t, level: 'INFO', message: 'ok' }] }) };
    case 'glued':
      return { status: 200, body: statusBody('COMPLETED', { updates: {}, logs: [{ timestamp: now(), level: 'INFO', message: `GET /auth?user=app%26password%3D${t} -> 401` }, { timestamp: now(), level: 'INFO', message: 'kept' }] }) };
    case 'url_encoded':
      return { status: 200, body: statusBody('COMPLETED', { updates: {}, logs: [{ timestamp: now(), level: 'INFO', message: `token=${encodeURIComponent(t)}` }] }) };
    default:
      return { status: 200, body: statusBody('COMPLETED', { updates: {} }) };
  }
}

let s: SecurityServer;
beforeAll(async () => {
  s = await startSecurityServer(path.join(dir, 'echo'), {}, { adapter: echo });
});
afterAll(async () => {
  await s?.close();
  removeDir(dir);
});

/** The bytes of every file under the data folder but the working clones. */
function stored(root: string): Buffer {
  const parts: Buffer[] = [];
  const walk = (d: string): void => {
    for (const f of readdirSync(d)) {
      const p = path.join(d, f);
      if (statSync(p).isDirectory()) {
        if (f !== 'repos') walk(p);
      } else parts.push(readFileSync(p));
    }
  };
  walk(root);
  return Buffer.concat(parts);
}

describe('an adapter echoing a secret, whatever it does with it (second review, F3)', () => {
  it.each([
    ['object_error', QUOTED],
    ['object_log', QUOTED],
    ['truncated', PLAIN],
    ['timestamp', PLAIN],
    ['glued', PLAIN],
    ['url_encoded', QUOTED],
  ])('%s: nothing of the secret is served or stored', async (kase, secret) => {
    const run = await s.post(RUN, { ref: ORDERS, env: 'development', params: { tableName: kase, token: secret } });
    const id = run.body.data.runReverseProvisioning.operation.id as string;
    await s.server.services.operations.settled(id);
    const served = JSON.stringify((await s.post(OPERATION, { id })).body);
    const forms = [secret, JSON.stringify(secret).slice(1, -1), JSON.stringify(JSON.stringify(secret).slice(1, -1)).slice(1, -1), encodeURIComponent(secret), secret.slice(0, 8)];
    for (const f of forms) expect(served).not.toContain(f);
    expect(served).toContain(WITHHELD); // the line is there, withheld whole
    if (kase === 'glued') expect(served).toContain('"kept"'); // other lines untouched
    const data = stored(s.server.services.config.dataDir);
    expect(data.includes(Buffer.from(id))).toBe(true); // the grep finds what is stored
    for (const f of forms) expect(data.includes(Buffer.from(f))).toBe(false);
  });

  it('matching is by substring in every form an adapter may write, so a short secret withholds more, never less', () => {
    const v = secretValues(['e']);
    expect(v.redact('Reading table orders')).toBe(WITHHELD);
    expect(v.redact('OK, 3 columns')).toBe('OK, 3 columns');
    const q = secretValues([QUOTED]);
    expect(q.appearsIn(JSON.stringify({ m: `x${QUOTED}y` }))).toBe(true); // JSON-escaped, glued
    expect(q.appearsIn(`a=${encodeURIComponent(QUOTED)}`)).toBe(true);
    expect(q.scrub({ updates: QUOTED, logs: [{ timestamp: QUOTED, [`k${QUOTED}`]: 1 }] }, ['updates'])).toEqual({ updates: QUOTED, logs: [{ timestamp: WITHHELD, '[withheld key]': 1 }] });
  });
});
