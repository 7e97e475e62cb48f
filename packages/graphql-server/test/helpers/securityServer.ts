import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ServerConfig } from '../../src/config/config.js';
import type { SecurityConfig } from '../../src/config/securityConfig.js';
import { defaultSecurityConfig } from '../../src/config/securityConfig.js';
import { startServer } from '../../src/server/startServer.js';
import type { RunningServer } from '../../src/server/startServer.js';
import { CATALOG_INFO, INFRA, REPO_FILES, UPDATES } from './fixtures.js';
import { createBareRepo } from './gitRepo.js';
import type { Answer, ProtocolServer } from './protocolServer.js';
import { startProtocolServer, statusBody } from './protocolServer.js';
import { testConfig } from './testServer.js';

/** Two components with different owners: `orders-port` (group team-orders), `billing-port` (user bob). */
export function ownedRepoFiles(): Record<string, string> {
  const orders = CATALOG_INFO.replace('spec:\n', 'spec:\n  owner: group:team-orders\n');
  const billing = CATALOG_INFO.replace('name: orders-port', 'name: billing-port').replace('spec:\n', 'spec:\n  owner: user:default/bob\n');
  return { ...REPO_FILES, 'catalog-info.yaml': orders, 'billing/catalog-info.yaml': billing };
}

export interface SecurityServer {
  url: string;
  server: RunningServer;
  adapter: ProtocolServer;
  repo: string;
  /** POSTs a GraphQL operation as JSON with the CSRF header and the given extra headers. */
  post(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; body: any }>;
  close(): Promise<void>;
}

/**
 * A real server on 127.0.0.1 (random port) over a bare repository of `files`, with a protocol
 * adapter answering `updates` (or a custom answer, or `adapter(body)`; status polls answer `poll(n)`), and the given security settings.
 */
export async function startSecurityServer(
  dir: string,
  security: Partial<SecurityConfig>,
  options: { files?: Record<string, string>; adapterAnswer?: unknown; adapter?: (body: any) => Answer; poll?: (n: number) => Answer; config?: Partial<ServerConfig> } = {},
): Promise<SecurityServer> {
  mkdirSync(dir, { recursive: true });
  const repo = createBareRepo(dir, options.files ?? ownedRepoFiles());
  const adapter = await startProtocolServer({ post: options.adapter ?? { status: 200, body: options.adapterAnswer ?? statusBody('COMPLETED', { updates: UPDATES }) }, ...(options.poll ? { poll: options.poll } : {}) });
  const config = testConfig(path.join(dir, 'data'), repo, adapter.url, { security: defaultSecurityConfig(security), ...options.config });
  config.techAdapters = [{ infrastructureTemplateId: INFRA, url: adapter.url }];
  const server = await startServer(config);
  const url = `${server.url}/graphql`;
  return {
    url,
    server,
    adapter,
    repo,
    async post(query, variables = {}, headers = {}) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const text = await res.text();
      let body: any;
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
      return { status: res.status, headers: res.headers, body };
    },
    async close() {
      await server.close();
      await adapter.close();
    },
  };
}
