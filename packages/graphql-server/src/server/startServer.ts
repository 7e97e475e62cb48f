import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServerConfig } from '../config/config.js';
import { isLoopbackHost } from '../config/securityConfig.js';
import type { Services } from '../services/createServices.js';
import { createServices } from '../services/createServices.js';
import type { RevprovYoga } from './createYogaServer.js';
import { createYogaServer } from './createYogaServer.js';
import { withHostAllowList } from '../security/hostAllowList.js';
import { resolveWebRoot } from '../web/resolveWebRoot.js';
import { serveWebApp } from '../web/serveWebApp.js';
import { withWebApp } from '../web/withWebApp.js';

export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:4000`; GraphQL and GraphiQL at `${url}/graphql`, the workbench at `${url}/`. */
  url: string;
  /** The folder the web workbench is served from, null when it is not served. */
  webRoot: string | null;
  yoga: RevprovYoga;
  services: Services;
  /** Stops listening, aborts in-flight adapter calls (left RUNNING, failed at the next start), closes the database. */
  close(): Promise<void>;
}

/**
 * Creates the services and listens on `config.host:config.port` (0 = a free port). Throws (misuse)
 * when `auth.mode` is `none` and the host is not a loopback address: an unauthenticated server
 * must not be reachable from the network.
 */
export async function startServer(config: ServerConfig, given?: Services): Promise<RunningServer> {
  if ((config.security?.auth.mode ?? 'none') === 'none' && !isLoopbackHost(config.host)) {
    throw new Error(`auth.mode "none" is only allowed on a loopback host, not ${config.host}: configure auth (docs/security.md)`);
  }
  const services = given ?? (await createServices(config));
  const yoga = createYogaServer(services);
  const webRoot = resolveWebRoot(config.web);
  const server = createServer(withHostAllowList(withWebApp(yoga, webRoot ? serveWebApp(webRoot) : null), services.security.hosts));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host}:${port}`,
    webRoot,
    yoga,
    services,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await services.close();
    },
  };
}
