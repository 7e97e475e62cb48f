import { parseArgs } from 'node:util';
import { alterDemoTable } from '../demo/alterDemoTable.js';
import { seedDemo } from '../demo/seedDemo.js';
import { startExampleAdapter, type ExampleAdapter } from '../startExampleAdapter.js';

/** Usage text of the `example-adapter` command. */
export const USAGE = `Usage:
  example-adapter --db FILE [--port N] [--host H] [--mode sync|async] [--base-path P] [--polls N]
      Serve the reverse-provisioning protocol over the SQLite file FILE.
      Defaults: --port 0 (random, printed), --host 127.0.0.1, --mode sync, --polls 1.
  example-adapter seed DATA_DIR
      Create the demo (SQLite database + bare git repository) under DATA_DIR/demo; keep an existing one.
  example-adapter alter --db FILE "SQL"
      Run SQL (e.g. "ALTER TABLE orders ADD COLUMN note TEXT") against FILE.
  example-adapter --help`;

/** Where the command writes. */
export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

/** Outcome of {@link runCli}: an exit code, and the running adapter when the command serves. */
export interface CliResult {
  code: number;
  adapter?: ExampleAdapter;
}

/**
 * Runs one `example-adapter` command line (arguments without `node` and the script). Usage errors
 * give code 2 with the usage on `err`; a failed seed or SQL statement gives code 1; serving returns
 * code 0 and the running adapter, which the caller closes. Never throws.
 */
export async function runCli(argv: string[], output: CliOutput): Promise<CliResult> {
  const fail = (message: string, code = 2): CliResult => {
    output.err(code === 2 ? `example-adapter: ${message}\n\n${USAGE}` : `example-adapter: ${message}`);
    return { code };
  };
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
    output.out(USAGE);
    return { code: 0 };
  }
  const [command, ...rest] = positionals;
  if (command === 'seed') {
    if (rest.length !== 1 || rest[0] === undefined) return fail('seed needs exactly one DATA_DIR');
    try {
      output.out(JSON.stringify(await seedDemo(rest[0]), null, 2));
      return { code: 0 };
    } catch (cause) {
      return fail(`seed failed: ${(cause as Error).message}`, 1);
    }
  }
  if (command === 'alter') {
    if (values.db === undefined || rest.length !== 1 || rest[0] === undefined) return fail('alter needs --db FILE and one SQL argument');
    const result = alterDemoTable(values.db, rest[0]);
    if (!result.ok) return fail(`SQL failed: ${result.error}`, 1);
    output.out(`OK (${result.changes} rows changed)`);
    return { code: 0 };
  }
  if (command !== undefined) return fail(`unknown command "${command}"`);
  if (values.db === undefined) return fail('--db FILE is required');
  const mode = values.mode ?? 'sync';
  if (mode !== 'sync' && mode !== 'async') return fail(`--mode must be sync or async, got "${mode}"`);
  const port = toInteger(values.port ?? '0');
  const polls = toInteger(values.polls ?? '1');
  if (port === undefined || port > 65535) return fail(`--port must be an integer in 0..65535, got "${values.port}"`);
  if (polls === undefined) return fail(`--polls must be a non-negative integer, got "${values.polls}"`);
  try {
    const adapter = await startExampleAdapter({ dbPath: values.db, mode, port, host: values.host, basePath: values['base-path'], pollsBeforeDone: polls });
    output.out(`example-adapter (${mode}) serving ${values.db} at ${adapter.url}`);
    return { code: 0, adapter };
  } catch (cause) {
    return fail((cause as Error).message, 1);
  }
}

function toInteger(text: string): number | undefined {
  return /^\d+$/.test(text) ? Number(text) : undefined;
}
