#!/usr/bin/env node
import { runCli } from '../cli/runCli.js';

const { code, adapter } = await runCli(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
if (adapter === undefined) {
  process.exit(code);
} else {
  const stop = (): void => void adapter.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
