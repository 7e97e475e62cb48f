#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { alterDemoTable } from '../demo/alterDemoTable.js';
import { seedDemo } from '../demo/seedDemo.js';
import { startExampleAdapter } from '../startExampleAdapter.js';

const USAGE = `Usage:
  example-adapter --db FILE [--port N] [--host H] [--mode sync|async] [--base-path P] [--polls N]
      Serve the reverse-provisioning protocol over the SQLite file FILE.
      Defaults: --port 0 (random, printed), --host 127.0.0.1, --mode sync, --polls 1.
  example-adapter seed DATA_DIR
      Create the demo (SQLite database + bare git repository) under DATA_DIR/demo; keep an existing one.
  example-adapter alter --db FILE "SQL"
      Run SQL (e.g. "ALTER TABLE orders ADD COLUMN note TEXT") against FILE.
  example-adapter --help`;

/** Parses the command line and runs the command; returns the process exit code (or never, when serving). */
async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        mode: { type: 'string' },
        'base-path': { type: 'string' },
        polls: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (cause) {
    return fail((cause as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (command === 'seed') {
    if (rest.length !== 1 || rest[0] === undefined) return fail('seed needs exactly one DATA_DIR');
    const seed = await seedDemo(rest[0]);
    console.log(JSON.stringify(seed, null, 2));
    return 0;
  }
  if (command === 'alter') {
    if (values.db === undefined || rest.length !== 1 || rest[0] === undefined) return fail('alter needs --db FILE and one SQL argument');
    const result = alterDemoTable(values.db, rest[0]);
    if (!result.ok) return fail(`SQL failed: ${result.error}`);
    console.log(`OK (${result.changes} rows changed)`);
    return 0;
  }
  if (command !== undefined) return fail(`unknown command "${command}"`);
  if (values.db === undefined) return fail('--db FILE is required');
  const mode = values.mode ?? 'sync';
  if (mode !== 'sync' && mode !== 'async') return fail(`--mode must be sync or async, got "${mode}"`);
  const port = toInteger(values.port ?? '0');
  const polls = toInteger(values.polls ?? '1');
  if (port === undefined) return fail(`--port must be an integer, got "${values.port}"`);
  if (polls === undefined) return fail(`--polls must be an integer, got "${values.polls}"`);
  try {
    const adapter = await startExampleAdapter({ dbPath: values.db, mode, port, host: values.host, basePath: values['base-path'], pollsBeforeDone: polls });
    console.log(`example-adapter (${mode}) serving ${values.db} at ${adapter.url}`);
    const stop = (): void => void adapter.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return await new Promise<number>(() => undefined);
  } catch (cause) {
    return fail((cause as Error).message);
  }
}

function toInteger(text: string): number | undefined {
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

function fail(message: string): number {
  console.error(`example-adapter: ${message}\n\n${USAGE}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (cause: unknown) => {
    console.error(`example-adapter: ${(cause as Error)?.message ?? String(cause)}`);
    process.exit(1);
  },
);
