import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config/loadConfig.js';
import { parseConfig } from '../src/config/parseConfig.js';
import { removeDir } from './helpers/testServer.js';
import { tempDir } from './helpers/gitRepo.js';

const dir = tempDir();
afterAll(() => removeDir(dir));

describe('configuration', () => {
  it('fills defaults and resolves relative paths against the config folder', () => {
    const r = parseConfig(
      `dataDir: data\nrepositories:\n  - url: repos/a.git\n    branch: main\n  - url: https://example.com/x.git\n    branch: dev\ntechAdapters:\n  - infrastructureTemplateId: urn:x\n    url: http://127.0.0.1:5000/base/\n`,
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
      },
    });
  });

  it('reads the web section: a folder relative to the config file, or serving turned off', () => {
    const base = 'dataDir: d\nrepositories:\n  - url: a.git\n    branch: main\n';
    const served = parseConfig(`${base}web:\n  dir: ../web-dist\n`, '/etc/revprov');
    expect(served.ok && served.config.web).toEqual({ enabled: true, dir: '/etc/web-dist' });
    const off = parseConfig(`${base}web: { enabled: false }\n`, '/x');
    expect(off.ok && off.config.web).toEqual({ enabled: false, dir: null });
    const bad = parseConfig(`${base}web:\n  enabled: yes please\n  root: /srv\n  dir: 3\n`, '/x');
    expect(bad.ok ? [] : bad.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'web.root: unknown key "root" (expected enabled, dir)',
      'web.enabled: must be true or false, got "yes please"',
      'web.dir: must be a folder path, got 3',
    ]);
  });

  it('reports every problem with its key path and line/column', () => {
    const r = parseConfig(`port: 99999\nrepositories:\n  - url: a.git\ntechAdapters:\n  - url: ftp://x\n    infrastructureTemplateId: urn:x\npolling:\n  intervalMs: -1\nextra: 1\n`, '/x');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      { path: 'extra', message: 'unknown key "extra" (expected one of port, host, dataDir, repositories, techAdapters, polling, git, web)', line: 9, col: 8 },
      { path: 'port', message: 'must be an integer from 0 to 65535, got 99999', line: 1, col: 7 },
      { path: 'dataDir', message: 'required: a folder for the database and working clones' },
      { path: 'repositories[0].branch', message: 'required' },
      { path: 'techAdapters[0].url', message: 'must be an http(s) URL, got "ftp://x"', line: 5, col: 10 },
      { path: 'polling.intervalMs', message: 'must be an integer from 1 to 3600000, got -1', line: 8, col: 15 },
    ]);
  });

  it('reports invalid YAML with its position', () => {
    const r = parseConfig('port: [1,\n', '/x');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ line: expect.any(Number), col: expect.any(Number) });
  });

  it('loadConfig throws a ConfigError naming the file and the problems', () => {
    const file = path.join(dir, 'bad.yaml');
    writeFileSync(file, 'dataDir: d\n');
    expect(() => loadConfig(file)).toThrow(ConfigError);
    expect(() => loadConfig(file)).toThrow(`${file}: repositories: required: a non-empty list of { url, branch }`);
    expect(() => loadConfig(undefined)).toThrow('no configuration: pass --config <file> or set REVPROV_CONFIG');
    expect(() => loadConfig(path.join(dir, 'missing.yaml'))).toThrow(/cannot read configuration/);
  });
});
