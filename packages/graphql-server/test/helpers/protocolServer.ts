import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted answer: status code and raw body (a string is sent as-is; anything else as JSON). */
export interface Answer {
  status: number;
  body: unknown;
}

export interface ProtocolServer {
  url: string;
  /** Request bodies received on POST, parsed. */
  posts: unknown[];
  /** Number of status polls received. */
  polls: number;
  close(): Promise<void>;
}

/**
 * A tiny tech adapter on 127.0.0.1 (random port): POST answers `post` (or `post(body)`), each status poll answers
 * `poll(n)` (n = 1, 2, ...). For scripting the protocol's failure cases.
 */
export async function startProtocolServer(script: {
  post: Answer | ((body: any) => Answer);
  poll?: (n: number) => Answer;
  /** Awaited before answering the n-th POST (a slow synchronous adapter). */
  beforePost?: (n: number) => Promise<void>;
}): Promise<ProtocolServer> {
  const state = { posts: [] as unknown[], polls: 0 };
  const send = (res: ServerResponse, a: Answer): void => {
    const text = typeof a.body === 'string' && a.status !== 202 ? a.body : JSON.stringify(a.body);
    res.writeHead(a.status, { 'content-type': typeof a.body === 'string' && a.status !== 202 ? 'text/plain' : 'application/json' });
    res.end(text);
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/v1/reverse-provisioning') {
        const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        state.posts.push(body);
        const before = script.beforePost?.(state.posts.length) ?? Promise.resolve();
        return void before.then(() => send(res, typeof script.post === 'function' ? script.post(body) : script.post));
      }
      if (req.method === 'GET' && /^\/v1\/reverse-provisioning\/[^/]+\/status$/.test(req.url ?? '')) {
        state.polls++;
        return send(res, script.poll ? script.poll(state.polls) : { status: 404, body: { error: 'no polling' } });
      }
      send(res, { status: 404, body: { error: 'not found' } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get posts() {
      return state.posts;
    },
    get polls() {
      return state.polls;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A status body. */
export function statusBody(status: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { status, ...extra };
}
