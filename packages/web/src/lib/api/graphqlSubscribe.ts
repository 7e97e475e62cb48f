import { toApiResult } from './apiError';
import type { ApiError } from './apiError';
import { postGraphql } from './postGraphql';
import { reportUnauthenticated } from './authEvents';

/** Callbacks of a subscription. `next` gets each event's `data`; `error` and `complete` end it. */
export interface SubscriptionHandlers<T> {
  next(data: T): void;
  error(error: ApiError): void;
  complete(): void;
}

/**
 * Runs a GraphQL subscription over Server-Sent Events with `fetch` (not `EventSource`, so the CSRF
 * header and the bearer token are sent like on every other request). Parses the `event: next` /
 * `event: complete` stream of graphql-yoga. Returns a function that stops it; after stopping, no
 * handler is called.
 */
export function graphqlSubscribe<T>(query: string, variables: Record<string, unknown>, handlers: SubscriptionHandlers<T>): () => void {
  const controller = new AbortController();
  let stopped = false;
  const finish = (f: () => void): void => {
    if (stopped) return;
    stopped = true;
    f();
  };

  void (async () => {
    let res: Response;
    try {
      res = await postGraphql(query, variables, 'text/event-stream', controller.signal);
    } catch (e) {
      return finish(() => handlers.error({ kind: 'network', message: `The server cannot be reached (${(e as Error).message}).` }));
    }
    const type = res.headers.get('content-type') ?? '';
    if (!res.ok || !type.includes('text/event-stream') || !res.body) {
      let body: unknown = null;
      try {
        body = await res.json();
      } catch {
        // not JSON: classified by status below
      }
      const r = toApiResult<T>(res.status, body);
      const error: ApiError = r.ok ? { kind: 'network', message: `Unexpected answer (HTTP ${res.status}).` } : r.error;
      if (error.kind === 'unauthenticated') reportUnauthenticated(error.message);
      return finish(() => handlers.error(error));
    }
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      while (!stopped) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value.replace(/\r\n?/g, '\n');
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = readEvent(block);
          if (event.name === 'complete') return finish(() => handlers.complete());
          if (event.name !== 'next' || event.data === '') continue;
          const r = toApiResult<T>(200, JSON.parse(event.data));
          if (!r.ok) {
            if (r.error.kind === 'unauthenticated') reportUnauthenticated(r.error.message);
            return finish(() => handlers.error(r.error));
          }
          if (!stopped) handlers.next(r.data);
        }
      }
    } catch (e) {
      if (stopped) return;
      return finish(() => handlers.error({ kind: 'network', message: `The live connection broke (${(e as Error).message}).` }));
    }
    finish(() => handlers.complete());
  })();

  return () => {
    stopped = true;
    controller.abort();
  };
}

/** One SSE block: its `event:` name and its `data:` lines joined. Comment lines (`:`) are ignored. */
function readEvent(block: string): { name: string; data: string } {
  let name = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') name = value;
    else if (field === 'data') data.push(value);
  }
  return { name, data: data.join('\n') };
}
