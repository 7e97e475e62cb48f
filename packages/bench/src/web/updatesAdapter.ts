import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A tech adapter that answers every reverse-provisioning request at once with the same `updates`. */
export interface UpdatesAdapter {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts a minimal adapter speaking the protocol's synchronous answer (200 + COMPLETED status body)
 * on a random loopback port: the benchmark's 5,000-column table cannot live in SQLite (2,000
 * columns at most), so the updates come from the workload generator instead.
 */
export async function startUpdatesAdapter(updates: Record<string, unknown>): Promise<UpdatesAdapter> {
  const body = JSON.stringify({ status: 'COMPLETED', updates, logs: [{ timestamp: new Date().toISOString(), level: 'INFO', message: 'benchmark adapter', phase: 'result' }] });
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/v1/reverse-provisioning') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(body);
        return;
      }
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":"not found"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
