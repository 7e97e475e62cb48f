import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configSchema } from '../src/config/configSchema.js';
import type { SchemaNode } from '../src/config/configSchema.js';
import { envOverrides } from '../src/config/envOverrides.js';
import { ConfigError, loadConfig } from '../src/config/loadConfig.js';
import { formatConfigIssues, parseConfig } from '../src/config/parseConfig.js';
import { defaultSecurityConfig } from '../src/config/securityConfig.js';
import { removeDir } from './helpers/testServer.js';
import { tempDir } from './helpers/gitRepo.js';

const dir = tempDir();
afterAll(() => removeDir(dir));

const MINIMAL = `dataDir: data\nrepositories:\n  - url: repos/a.git\n    branch: main\n`;

describe('configuration', () => {
  it('fills every default from the schema and resolves relative paths against the config folder', () => {
    const r = parseConfig(
      `${MINIMAL}  - url: https://example.com/x.git\n    branch: dev\ntechAdapters:\n  - infrastructureTemplateId: urn:x\n    url: http://127.0.0.1:5000/base/\n`,
      '/etc/revprov',
    );
    expect(r).toEqual({
      ok: true,
      config: {
        port: 4000,
        host: '127.0.0.1',
        dataDir: '/etc/revprov/data',
        repositories: [
          { url: '/etc/revprov/repos/a.git', branch: 'main' },
          { url: 'https://example.com/x.git', branch: 'dev' },
        ],
        techAdapters: [{ infrastructureTemplateId: 'urn:x', url: 'http://127.0.0.1:5000/base' }],
        polling: { intervalMs: 1000, timeoutMs: 600000 },
        git: { authorName: 'revprov', authorEmail: 'revprov@localhost' },
        web: { enabled: true, dir: null },
        database: { url: null, poolSize: 10 },
        cluster: { instanceId: null, leaseMs: 15000 },
        shutdown: { drainMs: 10000 },
        log: { level: 'info' },
        metrics: { enabled: true },
        security: defaultSecurityConfig(),
      },
    });
  });

  it('reads the web section: a folder relative to the config file, or serving turned off', () => {
    const served = parseConfig(`${MINIMAL}web:\n  dir: ../web-dist\n`, '/etc/revprov');
    expect(served.ok && served.config.web).toEqual({ enabled: true, dir: '/etc/web-dist' });
    const off = parseConfig(`${MINIMAL}web: { enabled: false }\n`, '/x');
    expect(off.ok && off.config.web).toEqual({ enabled: false, dir: null });
    const bad = parseConfig(`${MINIMAL}web:\n  enabled: yes please\n  root: /srv\n  dir: 3\n`, '/x');
    expect(bad.ok ? [] : bad.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'web.enabled: must be true or false, got "yes please"',
      'web.root: unknown key "root" (expected one of enabled, dir)',
      'web.dir: must be a string or null, got 3',
    ]);
  });

  it('reports every problem with its key path and line/column', () => {
    const r = parseConfig(
      `port: 99999\nrepositories:\n  - url: a.git\ntechAdapters:\n  - url: ftp://x\n    infrastructureTemplateId: urn:x\npolling:\n  intervalMs: -1\nextra: 1\ndatabase:\n  url: mysql://u:hunter2@db/x\n`,
      '/x',
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      { path: 'port', message: 'must be an integer from 0 to 65535, got 99999', line: 1, col: 7 },
      { path: 'repositories[0].branch', message: 'required', line: 3, col: 5 },
      { path: 'techAdapters[0].url', message: 'must be an http(s) URL, got "ftp://x"', line: 5, col: 10 },
      { path: 'polling.intervalMs', message: 'must be an integer from 1 to 3600000, got -1', line: 8, col: 15 },
      { path: 'extra', message: 'unknown key "extra" (expected one of port, host, dataDir, repositories, techAdapters, polling, git, web, database, production, auth, authorization, cors, hosts, graphiql, introspection, limits, cluster, shutdown, log, metrics)', line: 9, col: 8 },
      // a secret (writeOnly) value is never echoed
      { path: 'database.url', message: 'must be a postgres:// or postgresql:// URL', line: 11, col: 8 },
      { path: 'dataDir', message: 'required' },
    ]);
  });

  it('reports invalid YAML and a non-mapping with their position', () => {
    const r = parseConfig('port: [1,\n', '/x');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ path: '', line: expect.any(Number), col: expect.any(Number) });
    expect(parseConfig('- a\n', '/x')).toEqual({ ok: false, issues: [{ path: '', message: 'the configuration must be a YAML mapping' }] });
  });

  it('environment variables override the file, and their problems name the variable', () => {
    const env = {
      REVPROV_PORT: '4100',
      DATABASE_URL: 'postgres://a@h/db',
      REVPROV_DATABASE_URL: 'postgresql://b@h/db',
      REVPROV_DATA_DIR: '/srv/revprov',
      REVPROV_INSTANCE_ID: 'pod-1',
      REVPROV_LOG_LEVEL: 'debug',
    };
    const r = parseConfig(`port: 1\ndatabase:\n  poolSize: 3\n${MINIMAL}`, '/etc/revprov', env);
    expect(r.ok && { port: r.config.port, dataDir: r.config.dataDir, database: r.config.database, cluster: r.config.cluster, log: r.config.log }).toEqual({
      port: 4100,
      dataDir: '/srv/revprov',
      database: { url: 'postgresql://b@h/db', poolSize: 3 },
      cluster: { instanceId: 'pod-1', leaseMs: 15000 },
      log: { level: 'debug' },
    });
    const bad = parseConfig(MINIMAL, '/x', { REVPROV_PORT: 'eighty', DATABASE_URL: 'http://secret@x' });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(formatConfigIssues('/x/revprov.yaml', bad.issues)).toBe(
      '$REVPROV_PORT: port: must be an integer, got "eighty"\n$DATABASE_URL: database.url: must be a postgres:// or postgresql:// URL',
    );
  });

  it('loadConfig throws a ConfigError naming the file and the problems', () => {
    const file = path.join(dir, 'bad.yaml');
    writeFileSync(file, 'dataDir: d\n');
    expect(() => loadConfig(file, {})).toThrow(ConfigError);
    expect(() => loadConfig(file, {})).toThrow(`${file}: repositories: required`);
    expect(() => loadConfig(undefined, {})).toThrow('no configuration: pass --config <file> or set REVPROV_CONFIG');
    expect(() => loadConfig(path.join(dir, 'missing.yaml'), {})).toThrow(/cannot read configuration/);
  });

  it('docs/configuration.md documents every setting of the schema with its default, and every environment variable', () => {
    const doc = readFileSync(new URL('../../../docs/configuration.md', import.meta.url), 'utf8');
    const leaves: [string, SchemaNode][] = [];
    const walk = (node: SchemaNode, prefix: string): void => {
      const children = node.properties ?? node.items?.properties;
      if (!children) return void leaves.push([prefix, node]);
      for (const [k, child] of Object.entries(children)) walk(child, prefix ? `${prefix}${node.items ? '[].' : '.'}${k}` : k);
    };
    walk(configSchema(), '');
    expect(leaves.length).toBeGreaterThan(10);
    for (const [key, node] of leaves) {
      const line = doc.split('\n').find((l) => l.startsWith(`| \`${key}\` |`));
      expect(line, `row for ${key}`).toBeDefined();
      if (node.default !== undefined) expect(line, `default of ${key}`).toContain(`\`${JSON.stringify(node.default)}\``);
    }
    for (const o of envOverrides) expect(doc, o.env).toMatch(new RegExp(`\\| \`${o.env}\` \\| \`${o.keys.join('.')}\``));
  });
});

describe('security sections', () => {
  const MIN = 'dataDir: d\nrepositories:\n  - url: a.git\n    branch: main\n';
  it('refuses auth.mode none off loopback, requires hosts there, and the section of the chosen mode', () => {
    const r = parseConfig(`${MIN}host: 0.0.0.0\n`, '/x');
    expect(r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'auth.mode: "none" (no authentication) is only allowed when host is a loopback address; host is 0.0.0.0: set auth.mode to jwt or proxy',
      'hosts: required when host is not a loopback address (0.0.0.0): the names clients use to reach the server, e.g. [revprov.example.com]',
    ]);
    // on loopback, but behind a local proxy forwarding a public name: still refused
    const proxied = parseConfig(`${MIN}host: 127.0.0.1\nhosts: [localhost, '127.0.0.1:4000', revprov.example.com, '*']\n`, '/x');
    expect(proxied.ok ? [] : proxied.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'hosts: auth.mode "none" (no authentication) only accepts loopback names, but hosts allows "revprov.example.com", "*": a proxy forwarding those names would give every caller admin rights. Set auth.mode to jwt or proxy, or remove them',
    ]);
    expect(parseConfig(`${MIN}host: 127.0.0.1\nhosts: [localhost, '[::1]:4000']\n`, '/x').ok).toBe(true);
    const jwt = parseConfig(`${MIN}host: 0.0.0.0\nhosts: [revprov.example.com]\nauth:\n  mode: jwt\n`, '/x');
    expect(jwt.ok ? [] : jwt.issues.map((i) => `${i.path}: ${i.message}`)).toEqual(['auth.jwt: required when auth.mode is jwt: { issuer, audience }']);
  });
  it('fills the security defaults and keeps the sections out of the rest of the config', () => {
    const r = parseConfig(
      `${MIN}host: 10.0.0.5\nhosts: [Revprov.Example.com]\nproduction: true\nauth:\n  mode: jwt\n  jwt: { issuer: https://login.example.com, audience: revprov }\nlimits: { maxAliases: 3 }\n`,
      '/x',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.security).toMatchObject({
      production: true,
      graphiql: false,
      introspection: false,
      hosts: ['revprov.example.com'],
      auth: { mode: 'jwt', jwt: { audience: ['revprov'], jwksUrl: null, claims: { user: 'sub', groups: 'groups' } } },
      limits: { maxAliases: 3, maxDepth: 8 },
    });
    expect(Object.keys(r.config)).not.toContain('auth');
  });
  it('checks the shape of each setting against the schema', () => {
    const r = parseConfig(`${MIN}auth:\n  mode: kerberos\n  apiTokens:\n    - name: ci\n      sha256: abc\ncors:\n  origins: [portal.example.com]\n`, '/x');
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(['auth.mode', 'auth.apiTokens[0].sha256', 'cors.origins[0]']);
  });
});
