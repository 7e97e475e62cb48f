import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import { PROBE_PATHS } from './withProbes.js';

/** The header carrying the request id, in and out. */
export const REQUEST_ID_HEADER = 'x-request-id';
const ACCEPTED_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The outermost HTTP layer: gives every request an id (the caller's `x-request-id` when it is a
 * plain token, else a new UUID; echoed in the response and seen by GraphQL as the same header),
 * then times and logs it once it is answered: one JSON line with requestId, method, path, status,
 * durationMs (probes at debug level), and the request-latency histogram by route.
 */
export function withRequestLog(next: RequestListener, deps: { log: Logger; metrics: Metrics }): RequestListener {
  const log = deps.log.child({ component: 'http' });
  return (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    const given = req.headers[REQUEST_ID_HEADER];
    const requestId = typeof given === 'string' && ACCEPTED_ID.test(given) ? given : randomUUID();
    req.headers[REQUEST_ID_HEADER] = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    const probe = PROBE_PATHS.has(pathname);
    // a bounded label set: the known routes, everything else (the workbench's files, 404s) as `other`
    const route = probe || pathname === '/graphql' ? pathname : 'other';
    res.once('close', () => {
      const durationMs = performance.now() - started;
      const status = res.headersSent ? res.statusCode : 499;
      deps.metrics.httpRequests.observe({ method: req.method ?? 'GET', route, status: String(status) }, durationMs / 1000);
      const line = { requestId, method: req.method, path: pathname, status, durationMs: Math.round(durationMs) };
      if (probe) log.debug(line, 'request');
      else log.info(line, 'request');
    });
    next(req, res);
  };
}
