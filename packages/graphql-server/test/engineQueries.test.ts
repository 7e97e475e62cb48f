import { afterAll, describe, expect, it } from 'vitest';
import { REPO_FILES } from './helpers/fixtures.js';
import { createBareRepo, tempDir } from './helpers/gitRepo.js';
import { createTestServer, removeDir, testConfig } from './helpers/testServer.js';

const dir = tempDir();
const server = await createTestServer(testConfig(`${dir}/data`, createBareRepo(dir, REPO_FILES), 'http://127.0.0.1:9'));
afterAll(async () => {
  await server.close();
  removeDir(dir);
});

describe('the pure engine as queries', () => {
  it('diff: per-field changes, all clean', async () => {
    const d = await server.gql(`query ($a: String!, $b: String!) { diff(before: $a, after: $b) { summary { total clean } changes { id kind status base theirs path } errors { code } } }`, {
      a: 'cols:\n  - name: x\n    type: INT\n',
      b: 'cols:\n  - name: x\n    type: BIGINT\n',
    });
    expect(d.diff).toEqual({
      summary: { total: 1, clean: 1 },
      changes: [{ id: 'cols[name=x].type', kind: 'replace', status: 'clean', base: 'INT', theirs: 'BIGINT', path: [{ kind: 'key', key: 'cols' }, { kind: 'keyed', key: 'name', value: 'x' }, { kind: 'key', key: 'type' }] }],
      errors: [],
    });
  });

  it('merge3: a conflict where ours changed the same field', async () => {
    const m = await server.gql(`{ merge3(base: "a: 1\\nb: 1\\n", ours: "a: 2\\nb: 1\\n", theirs: "a: 3\\nb: 2\\n") { summary { conflict clean } changes { id status base ours theirs } } }`);
    expect(m.merge3.summary).toEqual({ conflict: 1, clean: 1 });
    expect(m.merge3.changes).toEqual([
      { id: 'a', status: 'conflict', base: 1, ours: 2, theirs: 3 },
      { id: 'b', status: 'clean', base: 1, ours: 1, theirs: 2 },
    ]);
  });

  it('applyUpdates: byte-local, per-update errors as data, invalid YAML located', async () => {
    const q = `query ($s: String!, $u: JSON!) { applyUpdates(source: $s, updates: $u) { text errors { code message line col path } } }`;
    const ok = await server.gql(q, { s: '# keep\nmetadata:\n  name: x # trailing\n', u: { 'metadata.description': 'D', 'metadata.name.bad': 1 } });
    expect(ok.applyUpdates.text).toBe('# keep\nmetadata:\n  name: x # trailing\n  description: D\n');
    expect(ok.applyUpdates.errors).toEqual([expect.objectContaining({ code: 'PATH_THROUGH_SCALAR', path: 'metadata.name.bad' })]);
    const bad = await server.gql(q, { s: 'a: [1,\n', u: { b: 1 } });
    expect(bad.applyUpdates.text).toBe('a: [1,\n');
    expect(bad.applyUpdates.errors[0]).toMatchObject({ code: 'YAML_SYNTAX', line: expect.any(Number), col: expect.any(Number) });
  });
});
