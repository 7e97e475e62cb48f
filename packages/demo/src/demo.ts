#!/usr/bin/env node
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO, seedDemo, startExampleAdapter } from '@revprov/example-adapter';
import type { ServerConfig } from '@revprov/graphql-server';
import { buildConfig, startServer } from '@revprov/graphql-server';
import type { RunningServer } from '@revprov/graphql-server';
import { demoDataDir } from './demoPaths.js';

/**
 * `npm start`: seeds the demo once (bare git repository + SQLite database under the demo data
 * folder), starts the example adapter (async mode, so polling shows) and the server, and prints
 * what to run next.
 */
async function main(): Promise<void> {
  const dataDir = demoDataDir();
  const seed = await seedDemo(dataDir);
  // The adapter listens on the port the template's documentation link names, when it is free.
  const adapterOptions = { dbPath: seed.dbPath, mode: 'async', pollsBeforeDone: 2, basePath: DEMO.adapterBasePath } as const;
  let adapterNote = '';
  const adapter = await startExampleAdapter({ ...adapterOptions, port: DEMO.adapterPort }).catch(async (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EADDRINUSE') throw e;
    adapterNote = ` (port ${DEMO.adapterPort} was busy: the template's Documentation link will not open)`;
    return startExampleAdapter({ ...adapterOptions, port: 0 });
  });
  const wanted = Number(process.env.PORT ?? 4000);
  const built = buildConfig(
    {
      port: wanted,
      dataDir,
      repositories: [{ url: seed.repoUrl, branch: seed.branch }],
      techAdapters: [{ infrastructureTemplateId: seed.infrastructureTemplateId, url: adapter.url }],
      polling: { intervalMs: 300, timeoutMs: 60_000 },
      git: { authorName: 'revprov demo', authorEmail: 'revprov@localhost' },
      // the JSON log would bury the instructions below: only problems are shown
      log: { level: 'warn' },
    },
    dataDir,
  );
  if (!built.ok) throw new Error(`demo configuration rejected: ${JSON.stringify(built.issues)}`);
  const config: ServerConfig = built.config;
  let server: RunningServer;
  let busyPort = false;
  try {
    server = await startServer(config);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    busyPort = true;
    server = await startServer({ ...config, port: 0 });
  }
  // The workbench's URL is the first line printed: it is what a new user opens.
  console.log(server.webRoot ? `revprov workbench: ${server.url}/` : `revprov workbench not built (run npm run build): GraphiQL at ${server.url}/graphql`);
  if (busyPort) console.log(`(port ${wanted} is busy, a free port was used instead)`);
  const configFile = path.join(dataDir, 'revprov.config.yaml');
  writeFileSync(
    configFile,
    `# Written by npm start; usable with: revprov-server --config ${configFile}\n# (start an adapter at the url below first)\n` +
      `port: ${wanted}\ndataDir: ${dataDir}\nrepositories:\n  - url: ${seed.repoUrl}\n    branch: ${seed.branch}\n` +
      `techAdapters:\n  - infrastructureTemplateId: ${seed.infrastructureTemplateId}\n    url: ${adapter.url}\npolling:\n  intervalMs: 300\n  timeoutMs: 60000\n`,
  );
  const gql = `${server.url}/graphql`;
  const AMOUNT = 'spec.mesh.dataContract.schema[name=amount].dataType';
  const CURRENCY = 'spec.mesh.dataContract.schema[name=currency]';
  const run = `mutation { runReverseProvisioning(input: {componentRef: "${seed.componentRef}", environment: "development", params: {tableName: "orders", apiToken: "s3cret"}}) { operation { id status } userErrors { code message field } } }`;
  const follow = 'query ($id: ID!) { reverseProvisioningOperation(id: $id) { status logs { level message } changeSet { summary { total clean conflict } changes { id kind status base ours theirs } } } }';
  const preview = `mutation ($id: ID!) { applySelectedPaths(input: {operationId: $id, paths: ["${AMOUNT}", "${CURRENCY}"]}) { yaml applied skipped { id reason } userErrors { code message } } }`;
  const save = `mutation ($id: ID!) { saveCatalogInfo(input: {operationId: $id, paths: ["${AMOUNT}", "${CURRENCY}"], message: "Reverse provisioning: amount is DECIMAL(12,2), new currency column"}) { commit { sha branch } remerged userErrors { code message paths } } }`;
  // JSON body in single quotes; the operation id is spliced in from the shell variable $OP.
  const body = (q: string, withId: boolean): string => {
    const json = JSON.stringify(withId ? { query: q, variables: { id: '@OP@' } } : { query: q }).replace(/'/g, "'\\''");
    return `'${json.replace('"@OP@"', `"'"$OP"'"`)}'`;
  };
  const curl = (q: string, withId = true): string => `curl -s ${gql} -H 'content-type: application/json' -d ${body(q, withId)}`;
  const sse = `subscription { reverseProvisioningOperation(id: "OP_ID") { status logs { message } } }`;
  console.log(`
revprov demo ${seed.created ? 'created' : 'reused'} in ${dataDir}
  component      ${seed.componentRef}
  git repository ${seed.repoUrl} (branch ${seed.branch})
  SQLite table   ${seed.dbPath} (table orders)
  tech adapter   ${adapter.url} (async: 202 + polling; documentation at ${adapter.url}/docs)${adapterNote}
  config         ${configFile} (for revprov-server --config)

Open the workbench above in a browser: Catalog → the orders output port → Import → Reverse Provisioning.
GraphiQL: ${gql}

Or from another shell (bash):

1. Optionally alter the table (no sqlite3 needed):
   npm run demo:alter -w @revprov/demo -- "ALTER TABLE orders ADD COLUMN discount REAL"

2. Run reverse provisioning; keep the operation id in $OP:
   OP=$(${curl(run, false)} | node -pe 'JSON.parse(require("fs").readFileSync(0)).data.runReverseProvisioning.operation.id'); echo $OP

3. See status, logs and the per-column changes:
   ${curl(follow)}
   live over SSE:
   curl -sN "${gql}?query=$(node -p 'encodeURIComponent(process.argv[1])' '${sse}' | sed "s/OP_ID/$OP/")" -H 'accept: text/event-stream' -H 'x-graphql-yoga-csrf: 1'

4. Preview a subset (writes nothing), then save it (commit + push):
   ${curl(preview)}
   ${curl(save)}

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
