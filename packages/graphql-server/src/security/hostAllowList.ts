import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Plugin } from 'graphql-yoga';

/**
 * True when the request's `Host` is on the allow-list. An entry is a name (any port), `name:port`,
 * or `*` (no check). Refusing unknown names defeats DNS rebinding: a page on `evil.example` whose
 * name is made to resolve to 127.0.0.1 still sends `Host: evil.example`.
 */
export function hostAllowed(host: string | null | undefined, allowed: readonly string[]): boolean {
  if (allowed.includes('*')) return true;
  if (!host) return false;
  const h = host.trim().toLowerCase().replace(/\.$/, '').replace(/\.:/, ':');
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(h);
  if (!m) return false;
  const name = m[1] ?? '';
  return allowed.some((entry) => entry === name || entry === h);
}

/** The 403 body for a refused Host. */
function refusal(host: string | null | undefined): string {
  return JSON.stringify({ errors: [{ message: `host ${JSON.stringify(host ?? '')} is not allowed (see hosts in the configuration)`, extensions: { code: 'HOST_NOT_ALLOWED' } }] });
}

/**
 * Paths answered whatever the Host: `GET`/`HEAD` of the liveness and readiness probes. Their
 * answers hold no data a rebinding page could steal (a status and each check's ok or error code),
 * and load balancers, Kubernetes and monitoring reach instances by address, not by the public name.
 * `/metrics` is not among them: it stays behind the allow-list.
 */
export const HOST_EXEMPT_PATHS: ReadonlySet<string> = new Set(['/health', '/ready']);

function exempt(req: IncomingMessage): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  return HOST_EXEMPT_PATHS.has((req.url ?? '/').split('?')[0] ?? '/');
}

/**
 * The HTTP listener with the Host check in front of everything it serves (GraphQL, GraphiQL, the
 * web workbench's files, `/metrics`): a refused request gets HTTP 403 and reaches nothing else.
 * Only the probes in {@link HOST_EXEMPT_PATHS} answer any Host.
 */
export function withHostAllowList(listener: RequestListener, allowed: readonly string[]): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (exempt(req) || hostAllowed(req.headers.host, allowed)) return listener(req, res);
    res.writeHead(403, { 'content-type': 'application/json; charset=utf-8' });
    res.end(refusal(req.headers.host));
  };
}

/** The same check inside yoga, for requests that do not come through the HTTP listener (`yoga.fetch`). */
export function useHostAllowList(allowed: readonly string[]): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      const host = request.headers.get('host') ?? url.host;
      if (hostAllowed(host, allowed)) return;
      endResponse(new fetchAPI.Response(refusal(host), { status: 403, headers: { 'content-type': 'application/json; charset=utf-8' } }));
    },
  };
}
