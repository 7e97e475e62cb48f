import { rmSync } from 'node:fs';
import path from 'node:path';
import type { ServerConfig } from '../../src/config/config.js';
import { buildConfig } from '../../src/config/parseConfig.js';
import { createServices } from '../../src/services/createServices.js';
import type { Services } from '../../src/services/createServices.js';
import { createYogaServer } from '../../src/server/createYogaServer.js';
import type { RevprovYoga } from '../../src/server/createYogaServer.js';
import { INFRA } from './fixtures.js';

export interface TestServer {
  yoga: RevprovYoga;
  services: Services;
  config: ServerConfig;
  /** Runs a GraphQL operation in process (`yoga.fetch`) and returns `data` (throws on GraphQL errors). */
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Same, returning the whole response body (data + errors). */
  raw(query: string, variables?: Record<string, unknown>): Promise<{ data?: any; errors?: { message: string }[] }>;
  /** Waits until the operation's background run has finished, then returns its state via GraphQL. */
  settle(id: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * A config for tests: one repository, one adapter, fast polling, logs off; every other setting at
 * its default. Branch heads are not reused between requests (`gitFreshnessMs: 0`): tests push a
 * colleague's commit and expect the next request to see it.
 */
export function testConfig(dataDir: string, repoUrl: string, adapterUrl: string, overrides: Partial<ServerConfig> = {}): ServerConfig {
  const built = buildConfig(
    {
      port: 0,
      dataDir,
      repositories: [{ url: repoUrl, branch: 'main' }],
      techAdapters: [{ infrastructureTemplateId: INFRA, url: adapterUrl }],
      polling: { intervalMs: 5, timeoutMs: 10_000 },
      git: { authorName: 'revprov test', authorEmail: 'revprov@test' },
      log: { level: 'silent' },
      limits: { gitFreshnessMs: 0 },
    },
    dataDir,
  );
  if (!built.ok) throw new Error(`test config rejected: ${JSON.stringify(built.issues)}`);
  return { ...built.config, ...overrides };
}

export async function createTestServer(config: ServerConfig): Promise<TestServer> {
  const services = await createServices(config);
  const yoga = createYogaServer(services);
  const raw = async (query: string, variables?: Record<string, unknown>) => {
    const res = await yoga.fetch('http://127.0.0.1/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: any; errors?: { message: string }[] };
  };
  return {
    yoga,
    services,
    config,
    raw,
    async gql(query, variables) {
      const body = await raw(query, variables);
      if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
      return body.data;
    },
    settle: (id) => services.operations.settled(id),
    async close() {
      await services.close();
    },
  };
}

export function removeDir(dir: string): void {
  rmSync(path.resolve(dir), { recursive: true, force: true });
}
