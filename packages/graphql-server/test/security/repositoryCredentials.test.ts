import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/server/startServer.js';
import type { RunningServer } from '../../src/server/startServer.js';
import { splitRepositoryUrl } from '../../src/services/repositoryCredentials.js';
import { createBareRepo, git, tempDir } from '../helpers/gitRepo.js';
import { RUN } from '../helpers/queries.js';
import { UPDATES } from '../helpers/fixtures.js';
import type { ProtocolServer } from '../helpers/protocolServer.js';
import { startProtocolServer, statusBody } from '../helpers/protocolServer.js';
import { ownedRepoFiles } from '../helpers/securityServer.js';
import { removeDir, testConfig } from '../helpers/testServer.js';

const dir = tempDir();
const TOKEN = 'glpat-Sup3rSecretDeployToken';
const EXPECTED = `Basic ${Buffer.from(`deploy:${TOKEN}`).toString('base64')}`;

/** git's "dumb" HTTP protocol over the bare repository's files, behind HTTP Basic auth. */
let http: Server;
let refused = 0;
let adapter: ProtocolServer;
let server: RunningServer;

/** Every file under `root` whose bytes contain `needle`. */
function filesContaining(root: string, needle: string): string[] {
  const hits: string[] = [];
  const walk = (d: string): void => {
    for (const f of readdirSync(d)) {
      const p = path.join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (readFileSync(p).includes(Buffer.from(needle))) hits.push(path.relative(root, p));
    }
  };
  walk(root);
  return hits;
}

beforeAll(async () => {
  const bare = createBareRepo(dir, ownedRepoFiles());
  git(bare, 'update-server-info');
  http = createServer((req, res) => {
    if (req.headers.authorization !== EXPECTED) {
      refused++;
      res.writeHead(401, { 'www-authenticate': 'Basic realm="git"' }).end();
      return;
    }
    const file = path.join(bare, new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/repo\.git\//, ''));
    try {
      res.writeHead(200).end(readFileSync(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const url = `http://deploy:${TOKEN}@127.0.0.1:${(http.address() as AddressInfo).port}/repo.git`;
  adapter = await startProtocolServer({ post: { status: 200, body: statusBody('COMPLETED', { updates: UPDATES }) } });
  server = await startServer(testConfig(path.join(dir, 'data'), url, adapter.url));
});
afterAll(async () => {
  await server?.close();
  await adapter?.close();
  await new Promise((r) => http?.close(r));
  removeDir(dir);
});

async function post(query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return res.json();
}

describe('repository URL credentials (second review, F8)', () => {
  it('splits user info off http(s) URLs into a Basic header; other URLs keep their user name', () => {
    expect(splitRepositoryUrl('https://deploy:t%40k@git.example/org/repo.git')).toEqual({ url: 'https://git.example/org/repo.git', authorization: `Basic ${Buffer.from('deploy:t@k').toString('base64')}` });
    expect(splitRepositoryUrl('https://TOKEN@git.example/repo.git')).toEqual({ url: 'https://git.example/repo.git', authorization: `Basic ${Buffer.from('TOKEN:').toString('base64')}` });
    expect(splitRepositoryUrl('ssh://git@git.example/repo.git')).toEqual({ url: 'ssh://git@git.example/repo.git', authorization: null });
    expect(splitRepositoryUrl('ssh://git:pw@git.example/repo.git')).toEqual({ url: 'ssh://git@git.example/repo.git', authorization: null });
    expect(splitRepositoryUrl('git@git.example:org/repo.git')).toEqual({ url: 'git@git.example:org/repo.git', authorization: null });
    expect(splitRepositoryUrl('/srv/git/repo.git')).toEqual({ url: '/srv/git/repo.git', authorization: null });
  });

  it('reads a repository that needs the credentials, never serves or stores them', async () => {
    const r = await post(`{ templates { repository { url } } components { ref repository { url } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.components.map((c: { ref: string }) => c.ref)).toContain('component:default/orders-port'); // read with the credentials
    expect(r.data.components[0].repository.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/repo\.git$/);
    expect(JSON.stringify(r)).not.toContain(TOKEN);
    expect(JSON.stringify(r)).not.toContain('deploy');
    const run = await post(RUN, { ref: 'component:default/orders-port', env: 'development', params: { tableName: 'orders' } });
    const id = run.data.runReverseProvisioning.operation.id as string;
    await server.services.operations.settled(id);
    const op = await post('query ($id: ID!) { reverseProvisioningOperation(id: $id) { status repository { url } currentYaml } }', { id });
    expect(op.data.reverseProvisioningOperation.status).toBe('COMPLETED');
    expect(op.data.reverseProvisioningOperation.currentYaml).toContain('orders-port');
    expect(JSON.stringify(op)).not.toContain(TOKEN);
    // nothing under the data folder (database, the working clone's config) holds the token
    const dataDir = server.services.config.dataDir;
    expect(filesContaining(dataDir, 'orders-port').length).toBeGreaterThan(0); // the grep finds what is stored
    expect(filesContaining(dataDir, TOKEN)).toEqual([]);
    expect(refused).toBe(0); // every request carried the credentials
  });
});
