#!/usr/bin/env node
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { seedDemo, startExampleAdapter } from '@revprov/example-adapter';
import type { ServerConfig } from '../config/config.js';
import { startServer } from '../server/startServer.js';
import type { RunningServer } from '../server/startServer.js';
import { demoDataDir } from './demoPaths.js';

/**
 * `npm start`: seeds the demo once (bare git repository + SQLite database under the demo data
 * folder), starts the example adapter (async mode, so polling shows) and the server, and prints
 * what to run next.
 */
async function main(): Promise<void> {
  const dataDir = demoDataDir();
  const seed = await seedDemo(dataDir);
  const adapter = await startExampleAdapter({ dbPath: seed.dbPath, mode: 'async', pollsBeforeDone: 2, basePath: '/datamesh.specificprovisioner' });
  const wanted = Number(process.env.PORT ?? 4000);
  const config: ServerConfig = {
    port: wanted,
    host: '127.0.0.1',
    dataDir,
    repositories: [{ url: seed.repoUrl, branch: seed.branch }],
    techAdapters: [{ infrastructureTemplateId: seed.infrastructureTemplateId, url: adapter.url }],
    polling: { intervalMs: 300, timeoutMs: 60_000 },
    git: { authorName: 'revprov demo', authorEmail: 'revprov@localhost' },
  };
  let server: RunningServer;
  try {
    server = await startServer(config);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    console.log(`port ${wanted} is busy, using a free port instead`);
    server = await startServer({ ...config, port: 0 });
  }
  const configFile = path.join(dataDir, 'revprov.config.yaml');
  writeFileSync(
    configFile,
    `# Written by npm start; usable with: revprov-server --config ${configFile}\n# (start an adapter at the url below first)\n` +
      `port: ${wanted}\ndataDir: ${dataDir}\nrepositories:\n  - url: ${seed.repoUrl}\n    branch: ${seed.branch}\n` +
      `techAdapters:\n  - infrastructureTemplateId: ${seed.infrastructureTemplateId}\n    url: ${adapter.url}\npolling:\n  intervalMs: 300\n  timeoutMs: 60000\n`,
  );
  const gql = `${server.url}/graphql`;
  const run = `mutation { runReverseProvisioning(input: {componentRef: "${seed.componentRef}", environment: "development", params: {tableName: "orders", apiToken: "s3cret"}}) { operation { id status } userErrors { code message field } } }`;
  const follow = `{ reverseProvisioningOperation(id: "OPERATION_ID") { status logs { level message } changeSet { summary { total clean conflict } changes { id kind status base ours theirs } } } }`;
  const curl = (q: string): string => `curl -s ${gql} -H 'content-type: application/json' -d '${JSON.stringify({ query: q }).replace(/'/g, "'\\''")}'`;
  console.log(`
revprov demo ${seed.created ? 'created' : 'reused'} in ${dataDir}
  component      ${seed.componentRef}
  git repository ${seed.repoUrl} (branch ${seed.branch})
  SQLite table   ${seed.dbPath} (table orders)
  tech adapter   ${adapter.url} (async: 202 + polling)

GraphiQL: ${gql}

1. Alter the table (no sqlite3 needed), e.g.:
   npm run demo:alter -w @revprov/graphql-server -- "ALTER TABLE orders ADD COLUMN discount REAL"

2. Run reverse provisioning (copy the operation id from the answer):
   ${curl(run)}

3. Follow it and see the per-column changes (replace OPERATION_ID):
   ${curl(follow)}
   or live over SSE:
   curl -sN '${gql}?query=${encodeURIComponent('subscription { reverseProvisioningOperation(id: "OPERATION_ID") { status logs { message } } }')}' -H 'accept: text/event-stream'

4. Preview a subset, then save it (commit + push):
   ${curl('mutation { applySelectedPaths(input: {operationId: "OPERATION_ID", paths: ["spec.mesh.dataContract.schema[name=amount].dataType"]}) { yaml applied skipped { id reason } userErrors { code message } } }')}
   ${curl('mutation { saveCatalogInfo(input: {operationId: "OPERATION_ID", paths: ["spec.mesh.dataContract.schema[name=amount].dataType"], message: "Reverse provisioning: amount is NUMERIC"}) { commit { sha branch } remerged userErrors { code message paths } } }')}

5. See the commit:
   git -C ${seed.repoUrl} log --stat -1

Ctrl-C stops the server and the adapter.
`);
  const stop = (): void => {
    void Promise.allSettled([server.close(), adapter.close()]).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
