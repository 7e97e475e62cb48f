import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { WebAppHandler } from './serveWebApp.js';

/** The GraphQL endpoint: never served from the web app's folder. */
export const GRAPHQL_PATH = '/graphql';

/**
 * The HTTP listener: `/graphql` (and anything below it) goes to `api`; other GET/HEAD requests are
 * served by the web app when there is one; whatever remains goes to `api` too (its 404).
 */
export function withWebApp(api: RequestListener, web: WebAppHandler | null): RequestListener {
  if (!web) return api;
  return (req: IncomingMessage, res: ServerResponse) => {
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    if (pathname === GRAPHQL_PATH || pathname.startsWith(`${GRAPHQL_PATH}/`)) return api(req, res);
    web(req, res).then(
      (handled) => {
        if (!handled) api(req, res);
      },
      (e: unknown) => {
        console.error('web app: unexpected error serving', pathname, e);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('internal error\n');
      },
    );
  };
}
