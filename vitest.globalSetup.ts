import { lawSeed } from './packages/merge-core/test/support/lawParameters.js';

/** Prints the property tests' seed once per run, so any failure can be replayed. */
export default function setup(): void {
  const runs = process.env['REVPROV_LAW_RUNS'];
  console.log(`property tests: seed ${lawSeed()}${runs ? `, ${runs} runs each` : ''} (replay: npm run test:laws -- --seed ${lawSeed()})`);
}
