import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import type { JWTPayload } from 'jose';

export interface JwksServer {
  /** The issuer URL (also serves `/.well-known/openid-configuration` and `/jwks.json`). */
  issuer: string;
  /** Signs a token with the published key (kid `k1`), 10 minutes valid unless `exp` is given. */
  sign(claims: JWTPayload, options?: { audience?: string; issuer?: string; expiresIn?: string | number; unpublishedKey?: boolean }): Promise<string>;
  /** How many times the key set was fetched. */
  readonly jwksFetches: number;
  /** How many times the discovery document was asked for. */
  readonly discoveryFetches: number;
  /** While true, the discovery document answers HTTP 500 (an issuer that is down). */
  failDiscovery: boolean;
  close(): Promise<void>;
}

/** A tiny OIDC issuer on 127.0.0.1 (random port): discovery document and JWKS, RS256 keys made at start. */
export async function startJwksServer(audience: string): Promise<JwksServer> {
  const published = await generateKeyPair('RS256', { extractable: true });
  const other = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(published.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  let fetches = 0;
  let discoveries = 0;
  let issuer = '';
  const state = { failDiscovery: false };
  const server = createServer((req, res) => {
    if (req.url === '/.well-known/openid-configuration') {
      discoveries++;
      if (state.failDiscovery) return res.writeHead(500).end();
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks.json` }));
    }
    if (req.url === '/jwks.json') {
      fetches++;
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ keys: [jwk] }));
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    get jwksFetches() {
      return fetches;
    },
    get discoveryFetches() {
      return discoveries;
    },
    get failDiscovery() {
      return state.failDiscovery;
    },
    set failDiscovery(v: boolean) {
      state.failDiscovery = v;
    },
    async sign(claims, options = {}) {
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer(options.issuer ?? issuer)
        .setAudience(options.audience ?? audience)
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '10m')
        .sign(options.unpublishedKey ? other.privateKey : published.privateKey);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
