import pg from 'pg';
import type { StoreListener } from '../store.js';
import { pgConnectionConfig } from './openPostgresClient.js';

/** The channels the triggers of migration 0003 notify. */
export const OPERATIONS_CHANNEL = 'revprov_operations';
export const LEASES_CHANNEL = 'revprov_leases';

/**
 * One dedicated connection LISTENing to the operation and lease channels (a pooled connection
 * cannot hold LISTEN). When it drops, it reconnects with backoff (0.25 s doubling to 5 s) and
 * reports `onReconnected`, since notifications sent meanwhile are lost. Resolves once listening
 * (rejects when the first connection fails); the returned function stops it.
 */
export async function listenPostgres(url: string, handlers: StoreListener): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let stopped = false;
  let delay = 250;
  let timer: NodeJS.Timeout | undefined;

  async function connect(): Promise<void> {
    const c = new pg.Client(pgConnectionConfig(url));
    c.on('notification', (n) => {
      if (n.channel === OPERATIONS_CHANNEL && n.payload) handlers.onOperation(n.payload);
      else if (n.channel === LEASES_CHANNEL) handlers.onReleased();
    });
    c.on('error', (e) => {
      handlers.onError(e);
      lost(c);
    });
    c.on('end', () => lost(c));
    try {
      await c.connect();
      await c.query(`LISTEN ${OPERATIONS_CHANNEL}; LISTEN ${LEASES_CHANNEL}`);
    } catch (e) {
      await c.end().catch(() => undefined);
      throw e;
    }
    if (stopped) {
      await c.end().catch(() => undefined);
      return;
    }
    client = c;
    delay = 250;
  }

  function lost(c: pg.Client): void {
    if (stopped || client !== c) return;
    client = null;
    void c.end().catch(() => undefined);
    retry();
  }

  function retry(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      connect().then(
        () => {
          if (!stopped) handlers.onReconnected();
        },
        (e: unknown) => {
          handlers.onError(e as Error);
          delay = Math.min(delay * 2, 5000);
          retry();
        },
      );
    }, delay);
    timer.unref();
  }

  await connect();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    const c = client;
    client = null;
    await c?.end().catch(() => undefined);
  };
}
