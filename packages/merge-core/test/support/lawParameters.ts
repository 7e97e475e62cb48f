/**
 * Seed and run count of every property test. `npm test` uses the fixed {@link DEFAULT_LAW_SEED},
 * so a run on any clone draws the same cases; `npm run test:laws -- --runs N [--seed S]` sets
 * `REVPROV_LAW_RUNS` / `REVPROV_LAW_SEED` for long random campaigns. fast-check prints the seed and
 * the counterexample path of a failure, which reproduce it with `--seed S`.
 */
export const DEFAULT_LAW_SEED = 20261129;

function envInt(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) throw new Error(`${name}=${raw}: not an integer`);
  return n;
}

/** The seed of this run (`REVPROV_LAW_SEED`, else the fixed default). */
export function lawSeed(): number {
  return envInt('REVPROV_LAW_SEED') ?? DEFAULT_LAW_SEED;
}

/** fast-check parameters: this run's seed, and `REVPROV_LAW_RUNS` or the property's own default count. */
export function lawParameters(defaultRuns: number): { seed: number; numRuns: number } {
  const numRuns = envInt('REVPROV_LAW_RUNS') ?? defaultRuns;
  if (numRuns < 1) throw new Error(`REVPROV_LAW_RUNS=${numRuns}: at least 1`);
  return { seed: lawSeed(), numRuns };
}
