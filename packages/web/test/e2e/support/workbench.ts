import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedDemo, startExampleAdapter } from '@revprov/example-adapter';
import type { DemoSeed, ExampleAdapter } from '@revprov/example-adapter';
import { buildConfig, startServer } from '@revprov/graphql-server';
import type { RunningServer, ServerConfig } from '@revprov/graphql-server';

/** The built workbench (`npm run build` builds it before `npm test`). */
export const WEB_DIST = fileURLToPath(new URL('../../../dist', import.meta.url));

/** A real stack on random loopback ports: the demo's bare git repository and SQLite table, the example adapter, revprov-server serving the built workbench. */
export interface Workbench {
  /** The workbench's base URL (`http://127.0.0.1:<port>`). */
  url: string;
  seed: DemoSeed;
  adapter: ExampleAdapter;
  server: RunningServer;
  dir: string;
  /** Runs a GraphQL operation against the server (as a script would) and returns `data`. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Seeds the demo in a temporary folder and starts the adapter (asynchronous, so the processing
 * step shows RUNNING and live logs) and the server. `close()` stops both and removes the folder.
 */
export async function startWorkbench(overrides: Partial<ServerConfig> = {}): Promise<Workbench> {
  if (!existsSync(path.join(WEB_DIST, 'index.html'))) throw new Error(`the workbench is not built (${WEB_DIST}): run npm run build first`);
  const dir = mkdtempSync(path.join(tmpdir(), 'revprov-web-e2e-'));
  const seed = await seedDemo(dir);
  const adapter = await startExampleAdapter({ dbPath: seed.dbPath, mode: 'async', pollsBeforeDone: 3, basePath: '/datamesh.specificprovisioner' });
  let server: RunningServer;
  try {
    const built = buildConfig(
      {
        port: 0,
        dataDir: path.join(dir, 'server'),
        repositories: [{ url: seed.repoUrl, branch: seed.branch }],
        techAdapters: [{ infrastructureTemplateId: seed.infrastructureTemplateId, url: adapter.url }],
        polling: { intervalMs: 150, timeoutMs: 30_000 },
        git: { authorName: 'revprov e2e', authorEmail: 'revprov@e2e.test' },
        web: { enabled: true, dir: WEB_DIST },
        log: { level: 'warn' },
      },
      dir,
    );
    if (!built.ok) throw new Error(`e2e configuration rejected: ${JSON.stringify(built.issues)}`);
    server = await startServer({ ...built.config, ...overrides });
  } catch (e) {
    await adapter.close();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  return {
    url: server.url,
    seed,
    adapter,
    server,
    dir,
    async gql(query, variables = {}, headers = {}) {
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: any; errors?: unknown[] };
      if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
      return body.data;
    },
    async close() {
      await Promise.allSettled([server.close(), adapter.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
