import type { Plugin } from 'graphql-yoga';

/**
 * Headers on every response: no MIME sniffing, no framing (clickjacking), no referrer leaking
 * operation ids. A response that sets its own Content-Security-Policy keeps it.
 */
export function useSecurityHeaders(): Plugin {
  return {
    onResponse({ response }) {
      response.headers.set('x-content-type-options', 'nosniff');
      response.headers.set('x-frame-options', 'DENY');
      response.headers.set('referrer-policy', 'no-referrer');
      if (!response.headers.has('content-security-policy')) response.headers.set('content-security-policy', "frame-ancestors 'none'");
    },
  };
}
