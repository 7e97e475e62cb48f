import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../src/store/migrations/index.js';

describe('migrations', () => {
  it('every NNNN_name.ts file is registered once, in order, versions 1..n without gaps, with both dialects', () => {
    const files = readdirSync(new URL('../../src/store/migrations/', import.meta.url)).filter((f) => /^\d{4}_.+\.ts$/.test(f)).sort();
    expect(files.map((f) => f.replace(/\.ts$/, ''))).toEqual(migrations.map((m) => `${String(m.version).padStart(4, '0')}_${m.name}`));
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_m, i) => i + 1));
    for (const m of migrations) {
      expect(m.sqlite.trim(), `${m.name} (sqlite)`).not.toBe('');
      expect(m.postgres.trim(), `${m.name} (postgres)`).not.toBe('');
    }
  });
});
