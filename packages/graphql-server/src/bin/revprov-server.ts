#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/loadConfig.js';
import { startServer } from '../server/startServer.js';
import type { RunningServer } from '../server/startServer.js';
import { openStore } from '../store/openStore.js';

const USAGE = `Usage: revprov-server [--config FILE] [--migrate]

Runs the revprov GraphQL server (GraphiQL and SSE subscriptions at /graphql) and the web
workbench at / (when @revprov/web is installed, or web.dir is set).
The configuration file is --config FILE, or the REVPROV_CONFIG environment variable; its JSON
Schema is config.schema.json in this package (every setting, its default, the environment
variables that override it: docs/configuration.md). The server applies pending database
migrations when it starts; --migrate applies them and exits (a release step before rolling
out a new version to several instances: docs/deploy.md). For example:

  port: 4000                       # 0 = a free port
  host: 127.0.0.1
  dataDir: ./data                  # operations database + working clones (relative to this file)
  repositories:
    - url: /srv/git/orders.git     # anything git can clone and push
      branch: main
  techAdapters:
    - infrastructureTemplateId: urn:dmb:itm:example-sqlite-adapter:0
      url: http://127.0.0.1:5001/datamesh.specificprovisioner
  polling: { intervalMs: 1000, timeoutMs: 600000 }
  git: { authorName: revprov, authorEmail: revprov@localhost }
  web: { enabled: true, dir: null }  # dir: a built workbench folder (default: @revprov/web's dist)
  database:                        # absent: SQLite in dataDir (one instance)
    url: postgres://revprov@db.internal:5432/revprov   # or DATABASE_URL`;

async function main(): Promise<number> {
  let values: { config?: string; help?: boolean; migrate?: boolean };
  try {
    ({ values } = parseArgs({ options: { config: { type: 'string', short: 'c' }, help: { type: 'boolean', short: 'h' }, migrate: { type: 'boolean' } } }));
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  let config;
  try {
    config = loadConfig(values.config ?? process.env.REVPROV_CONFIG);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      return 2;
    }
    throw e;
  }
  // the database URL may carry a password: messages name the engine and the cause only
  const where = config.database.url ? 'PostgreSQL (database.url)' : `SQLite in ${config.dataDir}`;
  const cause = (e: unknown): string => {
    const err = e as NodeJS.ErrnoException;
    return err.name === 'SchemaVersionError' || err.code === 'EADDRINUSE' ? err.message : `${where}: ${err.code ?? err.message}`;
  };
  if (values.migrate) {
    try {
      const store = await openStore({ dataDir: config.dataDir, database: config.database });
      await store.close();
      console.log(`revprov-server: ${where} is up to date${store.migrated.length > 0 ? ` (applied migration${store.migrated.length > 1 ? 's' : ''} ${store.migrated.join(', ')})` : ' (nothing to apply)'}`);
      return 0;
    } catch (e) {
      console.error(`revprov-server cannot migrate: ${cause(e)}`);
      return 1;
    }
  }
  let server: RunningServer;
  try {
    server = await startServer(config);
  } catch (e) {
    console.error(`revprov-server cannot start: ${cause(e)}`);
    return 1;
  }
  // Everything else is in the JSON log on stdout ("listening" carries the URL); this line is for people.
  console.error(`revprov: GraphQL at ${server.url}/graphql${server.webRoot ? `, workbench at ${server.url}/` : ''}, health at ${server.url}/health`);
  const stop = (): void => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return -1;
}

const code = await main();
if (code >= 0) process.exit(code);
