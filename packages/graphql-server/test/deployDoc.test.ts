import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/parseConfig.js';

/** docs/deploy.md stays true: its configuration file is valid as written, with the per-instance environment it shows. */
const doc = readFileSync(new URL('../../../docs/deploy.md', import.meta.url), 'utf8');
const blocks = (lang: string): string[] => [...doc.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1] as string);

describe('docs/deploy.md', () => {
  it('its revprov.yaml is valid; the environment of each instance sets its name, folder and the database', () => {
    const file = blocks('yaml').find((b) => b.includes('yaml-language-server'));
    expect(file).toBeDefined();
    for (const instance of ['revprov-a', 'revprov-b']) {
      const env = { REVPROV_INSTANCE_ID: instance, REVPROV_DATA_DIR: '/var/lib/revprov', DATABASE_URL: 'postgres://revprov:change-me@db.internal:5432/revprov' };
      const r = parseConfig(file as string, '/etc/revprov', env);
      if (!r.ok) throw new Error(JSON.stringify(r.issues));
      expect(r.config).toMatchObject({ host: '0.0.0.0', dataDir: '/var/lib/revprov', database: { url: env.DATABASE_URL, poolSize: 10 }, cluster: { instanceId: instance } });
      expect(r.config.security?.auth.mode).toBe('jwt');
      expect(r.config.security?.hosts).toEqual(['revprov.example.com', '10.0.0.5', '10.0.0.6']);
    }
  });

  it('every environment variable it uses is one the server reads (docs/configuration.md)', () => {
    const configuration = readFileSync(new URL('../../../docs/configuration.md', import.meta.url), 'utf8');
    const used = new Set([...doc.matchAll(/\b((?:REVPROV|DATABASE)_[A-Z_]+)\b/g)].map((m) => m[1] as string));
    expect(used.size).toBeGreaterThan(3);
    for (const v of used) expect(configuration, v).toContain(`| \`${v}\` |`);
  });
});
