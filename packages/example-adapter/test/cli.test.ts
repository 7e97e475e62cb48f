import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, USAGE } from '../src/cli/runCli.js';
import { introspectTable, type StatusBody } from '../src/index.js';
import { call, requestFor, tempDir } from './helpers.js';

function capture(): { out: string[]; err: string[]; output: { out(line: string): void; err(line: string): void } } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, output: { out: (line) => out.push(line), err: (line) => err.push(line) } };
}

describe('example-adapter command line', () => {
  const dir = tempDir();
  const dbPath = join(dir.path, 'data', 'demo', 'orders.sqlite');
  afterAll(() => dir.cleanup());

  it('prints the usage for --help', async () => {
    const io = capture();
    expect(await runCli(['--help'], io.output)).toEqual({ code: 0 });
    expect(io.out).toEqual([USAGE]);
  });

  it.each([
    [['--nope'], /Unknown option '--nope'/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [[], /--db FILE is required/],
    [['--db', 'x.sqlite', '--mode', 'later'], /--mode must be sync or async/],
    [['--db', 'x.sqlite', '--port', 'eighty'], /--port must be an integer/],
    [['--db', 'x.sqlite', '--polls=-1'], /--polls must be a non-negative integer, got "-1"/],
    [['seed'], /seed needs exactly one DATA_DIR/],
    [['alter', 'ALTER TABLE x ADD y INT'], /alter needs --db FILE/],
  ])('refuses %j with code 2 and the usage', async (argv, message) => {
    const io = capture();
    expect(await runCli(argv, io.output)).toEqual({ code: 2 });
    expect(io.err.join('\n')).toMatch(message);
    expect(io.err.join('\n')).toContain('Usage:');
  });

  it('seeds the demo and prints where it is', async () => {
    const io = capture();
    expect(await runCli(['seed', join(dir.path, 'data')], io.output)).toEqual({ code: 0 });
    expect(JSON.parse(io.out.join('\n'))).toMatchObject({ dbPath, created: true, branch: 'main' });
  });

  it('alters the table, and reports failing SQL with code 1', async () => {
    const io = capture();
    expect(await runCli(['alter', '--db', dbPath, 'ALTER TABLE orders ADD COLUMN note TEXT'], io.output)).toEqual({ code: 0 });
    expect(io.out).toEqual(['OK (0 rows changed)']);
    const table = introspectTable(dbPath, 'orders');
    expect(table.kind === 'found' && table.table.columns.at(-1)).toEqual({ name: 'note', dataType: 'TEXT' });
    const bad = capture();
    expect(await runCli(['alter', '--db', dbPath, 'ALTER TABLE nope ADD COLUMN x'], bad.output)).toEqual({ code: 1 });
    expect(bad.err).toEqual(['example-adapter: SQL failed: no such table: nope']);
  });

  it('serves the database with the given mode and base path', async () => {
    const io = capture();
    const result = await runCli(['--db', dbPath, '--mode', 'async', '--polls', '0', '--base-path', '/datamesh.specificprovisioner'], io.output);
    expect(result.code).toBe(0);
    const adapter = result.adapter!;
    try {
      expect(io.out).toEqual([`example-adapter (async) serving ${dbPath} at ${adapter.url}`]);
      expect(adapter.url).toMatch(/\/datamesh\.specificprovisioner$/);
      const endpoint = `${adapter.url}/v1/reverse-provisioning`;
      const started = await call(endpoint, 'POST', requestFor('orders'));
      expect(started.status).toBe(202);
      const status = await call(`${endpoint}/${started.json as string}/status`, 'GET');
      expect((status.json as StatusBody).status).toBe('COMPLETED');
    } finally {
      await adapter.close();
    }
  });
});
