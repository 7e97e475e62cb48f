import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A tech adapter for cluster tests (127.0.0.1, random port), by the request's `tableName`:
 * - `slow`: 202 + a token; each poll answers RUNNING with the whole log so far (`poll 1`, `poll 2`,
 *   … one line per poll) until `finish(token)`, then COMPLETED with those logs;
 * - `stall`: answers 200 COMPLETED only once `releaseStalled()` is called (a slow synchronous adapter);
 * - `multi`: 200 COMPLETED at once with several independent changes (`MULTI_UPDATES`);
 * - anything else: 200 COMPLETED at once, `metadata.description` = `call <n>` (n counts POSTs).
 */
/** Against the fixtures' catalog-info: a new description, amount becomes DECIMAL, a currency column; column descriptions dropped. */
export const MULTI_UPDATES = {
  'metadata.description': 'Orders, read back.',
  'spec.mesh.dataContract.schema': [
    { name: 'id', dataType: 'INT' },
    { name: 'amount', dataType: 'DECIMAL' },
    { name: 'currency', dataType: 'CHAR' },
  ],
};

export interface ScriptedAdapter {
  url: string;
  /** Parsed POST bodies, in arrival order. */
  posts: any[];
  /** Polls received per token. */
  polls: Map<string, number>;
  /** Tokens handed out, in order. */
  tokens: string[];
  finish(token: string): void;
  /** Answers every stalled POST (and the next ones) at once. */
  releaseStalled(): void;
  close(): Promise<void>;
}

export async function startScriptedAdapter(): Promise<ScriptedAdapter> {
  const posts: any[] = [];
  const polls = new Map<string, number>();
  const tokens: string[] = [];
  const finished = new Set<string>();
  let stalled: (() => void)[] = [];
  let released = false;
  const json = (res: import('node:http').ServerResponse, status: number, body: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/v1/reverse-provisioning') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { params?: { tableName?: string } };
        posts.push(body);
        if (body.params?.tableName === 'multi') return json(res, 200, { status: 'COMPLETED', updates: MULTI_UPDATES });
        if (body.params?.tableName === 'stall') {
          const answer = (): void => json(res, 200, { status: 'COMPLETED', updates: { 'metadata.description': `stalled call ${posts.length}` } });
          if (released) answer();
          else stalled.push(answer);
          return;
        }
        if (body.params?.tableName === 'slow') {
          const token = `tok-${tokens.length + 1}`;
          tokens.push(token);
          return json(res, 202, token);
        }
        return json(res, 200, { status: 'COMPLETED', updates: { 'metadata.description': `call ${posts.length}` } });
      }
      const m = /^\/v1\/reverse-provisioning\/([^/]+)\/status$/.exec(req.url ?? '');
      if (req.method === 'GET' && m?.[1]) {
        const token = decodeURIComponent(m[1]);
        const n = (polls.get(token) ?? 0) + 1;
        polls.set(token, n);
        const logs = Array.from({ length: n }, (_, i) => ({ timestamp: new Date(Date.UTC(2024, 0, 1, 0, 0, i)).toISOString(), level: 'INFO', message: `poll ${i + 1}` }));
        if (finished.has(token)) return json(res, 200, { status: 'COMPLETED', updates: { 'metadata.description': `finished ${token}` }, logs });
        return json(res, 200, { status: 'RUNNING', logs });
      }
      json(res, 404, { error: 'not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    posts,
    polls,
    tokens,
    finish: (token) => void finished.add(token),
    releaseStalled() {
      released = true;
      for (const answer of stalled) answer();
      stalled = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
