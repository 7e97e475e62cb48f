import { createHash, timingSafeEqual } from 'node:crypto';
import type { ProxyAuthConfig } from '../config/securityConfig.js';
import type { Identity } from './identity.js';

/**
 * Reads the identity an authenticating reverse proxy put in the request headers. The headers are
 * trusted only when the request also carries the proxy's shared secret (compared as SHA-256 in
 * constant time); without it anyone could send `X-Forwarded-User: admin` straight to the server.
 */
export function createProxyIdentity(config: ProxyAuthConfig): (headers: Headers) => Identity | null {
  const expected = Buffer.from(config.secretSha256, 'hex');
  return (headers) => {
    const secret = headers.get(config.secretHeader);
    if (secret === null) return null;
    const given = createHash('sha256').update(secret, 'utf8').digest();
    if (!timingSafeEqual(given, expected)) return null;
    const user = headers.get(config.userHeader)?.trim();
    if (!user) return null;
    const groups = (headers.get(config.groupsHeader) ?? '').split(',').map((g) => g.trim()).filter((g) => g !== '');
    return {
      user,
      name: headers.get(config.nameHeader)?.trim() || null,
      email: headers.get(config.emailHeader)?.trim() || null,
      groups,
      method: 'proxy',
      tokenName: null,
    };
  };
}
