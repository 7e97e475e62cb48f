import type { Plugin, YogaServerOptions } from 'graphql-yoga';

type CorsOption = NonNullable<YogaServerOptions<Record<string, unknown>, Record<string, unknown>>['cors']>;

/** True when `origin` is the server's own (same `Host`) or listed in `cors.origins`. */
export function originAllowed(origin: string, host: string | null, allowList: readonly string[]): boolean {
  const o = origin.toLowerCase();
  if (allowList.includes(o)) return true;
  let parsed: URL;
  try {
    parsed = new URL(o);
  } catch {
    return false;
  }
  return host !== null && (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.host === host.toLowerCase();
}

/**
 * yoga's `cors` option: CORS headers only for origins on the allow-list, never a reflected
 * arbitrary `Origin`. Credentials are allowed for those origins only (cookies of an
 * authenticating proxy); the CSRF header and `Authorization` may be sent.
 */
export function corsOptions(allowList: readonly string[]): CorsOption {
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (!origin || !allowList.includes(origin.toLowerCase())) return false;
    return {
      origin: [origin],
      credentials: true,
      methods: ['GET', 'POST'],
      allowedHeaders: ['content-type', 'authorization', 'x-graphql-yoga-csrf', 'accept'],
      maxAge: 600,
    };
  };
}

/**
 * Refuses (HTTP 403) a request that carries an `Origin` other than the server's own or an allowed
 * one. Browsers send `Origin` on every cross-site POST, so this stops cross-site requests even
 * where CORS alone would only hide the answer.
 */
export function useOriginCheck(allowList: readonly string[]): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      const origin = request.headers.get('origin');
      if (origin === null) return;
      if (originAllowed(origin, request.headers.get('host') ?? url.host, allowList)) return;
      endResponse(
        new fetchAPI.Response(
          JSON.stringify({ errors: [{ message: `cross-origin request refused: origin ${JSON.stringify(origin)} is not allowed (see cors.origins in the configuration)`, extensions: { code: 'ORIGIN_NOT_ALLOWED' } }] }),
          { status: 403, headers: { 'content-type': 'application/json; charset=utf-8', vary: 'Origin' } },
        ),
      );
    },
  };
}
