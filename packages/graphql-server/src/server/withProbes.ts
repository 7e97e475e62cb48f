import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { Readiness } from './readiness.js';

/** The paths answered here rather than by GraphQL or the workbench. */
export const PROBE_PATHS: ReadonlySet<string> = new Set(['/health', '/ready', '/metrics']);

/**
 * The operations endpoints, in front of GraphQL and the workbench (`/metrics` behind the Host
 * allow-list; `/health` and `/ready` answer any Host, see HOST_EXEMPT_PATHS):
 * - `GET /health`: liveness, 200 while the process runs;
 * - `GET /ready`: 200 or 503 with each check (lifecycle, database, repositories);
 * - `GET /metrics`: Prometheus text format (404 when `exposeMetrics` is false).
 */
export function withProbes(next: RequestListener, deps: { log: Logger; metrics: Metrics; exposeMetrics: boolean; readiness: () => Promise<Readiness> }): RequestListener {
  const json = (res: ServerResponse, status: number, body: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(`${JSON.stringify(body)}\n`);
  };

  async function answer(pathname: string, res: ServerResponse): Promise<void> {
    if (pathname === '/health') return json(res, 200, { status: 'ok' });
    if (pathname === '/ready') {
      const r = await deps.readiness();
      return json(res, r.ready ? 200 : 503, { status: r.ready ? 'ready' : 'not ready', checks: r.checks });
    }
    if (!deps.exposeMetrics) return json(res, 404, { error: 'metrics are disabled (metrics.enabled: false)' });
    const text = await deps.metrics.registry.metrics();
    res.writeHead(200, { 'content-type': deps.metrics.registry.contentType, 'cache-control': 'no-store' });
    res.end(text);
  }

  return (req: IncomingMessage, res: ServerResponse) => {
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    if (!PROBE_PATHS.has(pathname) || (req.method !== 'GET' && req.method !== 'HEAD')) return next(req, res);
    answer(pathname, res).catch((e: unknown) => {
      deps.log.error({ component: 'http', err: e, requestId: req.headers['x-request-id'] }, 'probe failed');
      if (!res.headersSent) json(res, 500, { error: 'internal error' });
      else res.end();
    });
  };
}
