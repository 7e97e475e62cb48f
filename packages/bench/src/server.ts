import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { ServerFigures } from './results.js';
import type { Workload } from './workload/workload.js';

/** The part of @revprov/graphql-server this measurement uses (loaded at run time). */
interface ServerModule {
  parseConfig(text: string, baseDir: string): { ok: true; config: unknown } | { ok: false; issues: { path: string; message: string }[] };
  startServer(config: unknown): Promise<{ url: string; close(): Promise<void> }>;
}

const QUERY = `query Merge($base: String!, $ours: String!, $theirs: String!) {
  merge3(base: $base, ours: $ours, theirs: $theirs) { summary { total clean conflict applied } changes { id kind status } }
}`;
const CONNECTIONS = 10;
const DURATION_S = 10;

/**
 * Requests per second and latency of the `merge3` GraphQL query over HTTP: the real server
 * (`startServer` on 127.0.0.1, a free port, a bare git repository on disk as its configured
 * repository), autocannon with 10 connections for 10 s. Every request carries fresh texts (a
 * distinct final comment line), like real traffic, so no parse cache serves it. Returns why it
 * was not measured when the server package cannot be loaded or answers wrongly.
 */
export async function measureServer(
  workload: Workload,
  inProcessMs: number,
): Promise<{ figures: ServerFigures } | { notMeasured: string }> {
  let server: ServerModule;
  try {
    server = (await import('@revprov/graphql-server' as string)) as ServerModule;
  } catch (error) {
    return { notMeasured: `@revprov/graphql-server cannot be loaded (${(error as Error).message.split('\n')[0]})` };
  }
  if (typeof server.startServer !== 'function' || typeof server.parseConfig !== 'function') {
    return { notMeasured: '@revprov/graphql-server exports no startServer/parseConfig' };
  }
  const dir = mkdtempSync(join(tmpdir(), 'revprov-server-bench-'));
  try {
    execFileSync('git', ['init', '-q', '--bare', '-b', 'main', join(dir, 'repo.git')]);
    const parsed = server.parseConfig(
      `port: 0\nhost: 127.0.0.1\ndataDir: ${join(dir, 'data')}\nrepositories:\n  - url: ${join(dir, 'repo.git')}\n    branch: main\n`,
      dir,
    );
    if (!parsed.ok) return { notMeasured: `server configuration rejected: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}` };
    const running = await server.startServer(parsed.config);
    try {
      let n = 0;
      const body = (): string => {
        const tag = `# request ${n++}\n`;
        return JSON.stringify({ query: QUERY, variables: { base: workload.base + tag, ours: workload.ours + tag, theirs: workload.theirsText + tag } });
      };
      const url = `${running.url}/graphql`;
      const headers = { 'content-type': 'application/json' };
      const check = (await (await fetch(url, { method: 'POST', headers, body: body() })).json()) as {
        data?: { merge3?: { summary?: { total: number; conflict: number } } };
        errors?: { message: string }[];
      };
      const summary = check.data?.merge3?.summary;
      if (summary === undefined || summary.total === 0 || summary.conflict !== 0) {
        return { notMeasured: `merge3 over HTTP answered unexpectedly: ${JSON.stringify(check).slice(0, 300)}` };
      }
      const result = await autocannon({
        url,
        connections: CONNECTIONS,
        duration: DURATION_S,
        method: 'POST',
        headers,
        requests: [{ method: 'POST', setupRequest: (req: Record<string, unknown>) => ({ ...req, body: body() }) }],
      });
      return {
        figures: {
          requestsPerSecond: result.requests.average,
          p50Ms: result.latency.p50,
          p99Ms: result.latency.p99,
          inProcessMs,
          connections: CONNECTIONS,
          durationS: DURATION_S,
          errors: result.errors + result.non2xx + result.timeouts,
        },
      };
    } finally {
      await running.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
