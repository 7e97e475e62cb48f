import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/config/securityConfig.js';
import { tempDir } from '../helpers/gitRepo.js';
import { startSecurityServer } from '../helpers/securityServer.js';
import { removeDir } from '../helpers/testServer.js';

const dir = tempDir();
afterAll(() => removeDir(dir));

/** A component with `n` columns of type `type`: two of them differ everywhere (the engine's worst case). */
const entity = (n: number, type: string): string =>
  `kind: Component\nmetadata:\n  name: x\nspec:\n  mesh:\n    schema:\n${Array.from({ length: n }, (_, i) => `      - name: c${i}\n        dataType: ${type}\n        description: column ${i}\n`).join('')}`;

const DIFF = 'query ($a: String!, $b: String!) { diff(before: $a, after: $b) { summary { total } errors { code message } } }';

describe('engine queries run off the event loop, within a budget per request (second review, F6)', () => {
  it('a long diff does not hold other requests; aliases repeating large texts are refused past the budget; a diff over its time is stopped', async () => {
    const s = await startSecurityServer(path.join(dir, 'engine'), { limits: { ...DEFAULT_LIMITS, engineTimeoutMs: 60_000 } });
    try {
      const a = entity(6000, 'INT');
      const b = entity(6000, 'TEXT');
      // the other request is answered while the diff is still computing (on the worker)
      let diffDone = false;
      const big = s.post(DIFF, { a, b }).then((r) => {
        diffDone = true;
        return r;
      });
      await new Promise((r) => setTimeout(r, 50));
      const viewer = await s.post('{ viewer { user } }');
      expect(viewer.body.data.viewer.user).toBe('local');
      expect(diffDone).toBe(false);
      const r = await big;
      expect(r.body.data.diff.errors).toEqual([]);
      expect(r.body.data.diff.summary.total).toBeGreaterThan(5000);

      // 15 aliases of the same two texts: only what fits in limits.maxEngineInputChars is computed
      const small = { a: entity(2000, 'INT'), b: entity(2000, 'TEXT') }; // ~2 x 110 KB: 9 fit in 2 Mi
      const aliases = `query ($a: String!, $b: String!) { ${Array.from({ length: 15 }, (_, i) => `d${i}: diff(before: $a, after: $b) { summary { total } errors { code message } }`).join(' ')} }`;
      const many = await s.post(aliases, small);
      const answers = Object.values(many.body.data) as { summary: { total: number }; errors: { code: string; message: string }[] }[];
      const computed = answers.filter((x) => x.errors.length === 0);
      const refused = answers.filter((x) => x.errors[0]?.code === 'LIMIT_EXCEEDED');
      const perDiff = small.a.length + small.b.length;
      expect(computed).toHaveLength(Math.floor(DEFAULT_LIMITS.maxEngineInputChars / perDiff));
      expect(refused).toHaveLength(15 - computed.length);
      expect(refused[0]?.errors[0]?.message).toContain('limits.maxEngineInputChars');
    } finally {
      await s.close();
    }
  });

  it('a diff running longer than limits.engineTimeoutMs is a LIMIT_EXCEEDED error; the next one is computed', async () => {
    const s = await startSecurityServer(path.join(dir, 'timeout'), { limits: { ...DEFAULT_LIMITS, engineTimeoutMs: 100 } });
    try {
      const slow = await s.post(DIFF, { a: entity(6000, 'INT'), b: entity(6000, 'TEXT') });
      expect(slow.body.data.diff.errors[0]).toMatchObject({ code: 'LIMIT_EXCEEDED' });
      expect(slow.body.data.diff.errors[0].message).toContain('limits.engineTimeoutMs');
      const quick = await s.post(DIFF, { a: 'a: 1\n', b: 'a: 2\n' });
      expect(quick.body.data.diff).toEqual({ summary: { total: 1 }, errors: [] });
    } finally {
      await s.close();
    }
  });
});
