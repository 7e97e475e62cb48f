import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServerConfig } from '../config/config.js';
import { isLoopbackHost } from '../config/securityConfig.js';
import type { Services } from '../services/createServices.js';
import { createServices } from '../services/createServices.js';
import type { RevprovYoga } from './createYogaServer.js';
import { createYogaServer } from './createYogaServer.js';
import { withHostAllowList } from '../security/hostAllowList.js';
import { createReadiness } from './readiness.js';
import { withProbes } from './withProbes.js';
import { withRequestLog } from './withRequestLog.js';
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
  /**
   * Graceful stop: `/ready` turns 503, live subscriptions complete, the listener closes and
   * in-flight requests get up to `shutdown.drainMs` to finish (then their connections are cut);
   * then the operations' leases are released for another instance (or the next start) to resume
   * them, and the database is closed. Idempotent.
   */
  close(): Promise<void>;
}

/**
 * Creates the services and listens on `config.host:config.port` (0 = a free port). Throws (misuse)
 * when `auth.mode` is `none` and the host, or a name in `hosts`, is not a loopback one: an
 * unauthenticated server must not be reachable from the network, directly or through a proxy.
 */
export async function startServer(config: ServerConfig, given?: Services): Promise<RunningServer> {
  if ((config.security?.auth.mode ?? 'none') === 'none') {
    if (!isLoopbackHost(config.host)) throw new Error(`auth.mode "none" is only allowed on a loopback host, not ${config.host}: configure auth (docs/security.md)`);
    const open = (config.security?.hosts ?? []).filter((h) => h === '*' || !isLoopbackHost(h.replace(/:\d+$/, '')));
    if (open.length > 0) throw new Error(`auth.mode "none" only accepts loopback names in hosts, not ${open.join(', ')}: configure auth (docs/security.md)`);
  }
  const services = given ?? (await createServices(config));
  const yoga = createYogaServer(services);
  const webRoot = resolveWebRoot(config.web);
  let draining = false;
  const readiness = createReadiness({ store: services.store, git: services.git, repositories: services.config.repositories, draining: () => draining });
  // request id and log outermost (refused requests are logged too), then the Host check in front of
  // every path, then the probes, the workbench's files and GraphQL
  const app = withWebApp(yoga, webRoot ? serveWebApp(webRoot) : null);
  const probes = withProbes(app, { log: services.log, metrics: services.metrics, exposeMetrics: config.metrics.enabled, readiness });
  // slow clients (slowloris) are cut off: headers and whole requests have a deadline, checked every second
  const { headersTimeoutMs, requestTimeoutMs, keepAliveTimeoutMs } = services.security.limits;
  const timeouts = {
    headersTimeout: Math.min(headersTimeoutMs, requestTimeoutMs),
    requestTimeout: requestTimeoutMs,
    keepAliveTimeout: keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.min(1000, headersTimeoutMs),
  };
  const server = createServer(timeouts, withRequestLog(withHostAllowList(probes, services.security.hosts), { log: services.log, metrics: services.metrics }));
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
  } catch (e) {
    // e.g. EADDRINUSE: hand back the leases and the database this call opened
    if (!given) await services.close();
    throw e;
  }
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  services.log.info({ component: 'http', url, engine: services.store.engine, resumed: services.resumed }, 'listening');
  let closing: Promise<void> | null = null;
  return {
    url,
    webRoot,
    yoga,
    services,
    close() {
      closing ??= (async () => {
        draining = true;
        const log = services.log.child({ component: 'http' });
        log.info({ drainMs: config.shutdown.drainMs }, 'draining');
        services.events.close();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        // keep-alive connections whose last response just ended would otherwise hold the drain
        server.closeIdleConnections();
        const idle = setInterval(() => server.closeIdleConnections(), 50);
        let timer: NodeJS.Timeout | undefined;
        const drained = await Promise.race([
          closed.then(() => true),
          new Promise<boolean>((resolve) => {
            timer = setTimeout(() => resolve(false), config.shutdown.drainMs);
          }),
        ]);
        clearTimeout(timer);
        clearInterval(idle);
        if (!drained) {
          log.warn('in-flight requests did not finish in time: closing their connections');
          server.closeAllConnections();
          await closed;
        }
        await services.close();
        log.info('stopped');
      })();
      return closing;
    },
  };
}
