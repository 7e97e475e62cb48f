#!/usr/bin/env node
// Long random campaigns of the merge-core laws:
//   npm run test:laws -- [--runs N] [--seed S] [--law name]
// Without --seed a random seed is drawn and printed; without --runs each law runs 10,000 cases.
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { parseArgs } from 'node:util';

const usage = 'usage: npm run test:laws -- [--runs N] [--seed S] [--law name]';
let values;
try {
  ({ values } = parseArgs({ options: { runs: { type: 'string' }, seed: { type: 'string' }, law: { type: 'string', multiple: true }, help: { type: 'boolean' } } }));
} catch (e) {
  console.error(`${e.message}\n${usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const int = (name, raw, fallback) => {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < (name === 'runs' ? 1 : -(2 ** 31)) || n > 2 ** 31 - 1) {
    console.error(`--${name} ${raw}: not a valid integer\n${usage}`);
    process.exit(2);
  }
  return n;
};
const runs = int('runs', values.runs, 10_000);
const seed = int('seed', values.seed, randomInt(2 ** 31 - 1));
const files = (values.law ?? ['']).map((l) => `packages/merge-core/test/laws/${l}`);
if (values.law === undefined) files.push('packages/merge-core/test/interop/jsonPatchRoundTrip.test.ts');

console.log(`law campaign: seed ${seed}, ${runs} runs per law`);
const started = Date.now();
const result = spawnSync('npx', ['vitest', 'run', ...files, '--testTimeout=0', '--reporter=verbose'], {
  stdio: 'inherit',
  env: { ...process.env, REVPROV_LAW_SEED: String(seed), REVPROV_LAW_RUNS: String(runs) },
});
console.log(`law campaign: seed ${seed}, ${runs} runs per law, ${((Date.now() - started) / 1000).toFixed(0)} s, exit ${result.status}`);
process.exit(result.status ?? 1);
