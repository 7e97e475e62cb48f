import { performance } from 'node:perf_hooks';
import { measure, type Timing } from './measure.js';

/** How long to spend per operation for one workload size; the run count follows from it. */
export interface Budget {
  /** Target total time of the timed runs, milliseconds. */
  ms: number;
  /** Fewest and most timed runs. 0: a probe longer than half the budget is the one reported run. */
  minRuns: number;
  maxRuns: number;
  /** Extra untimed runs after the probe. */
  warmup: number;
  /** Full GC before each timed call (large inputs only). */
  gcBetween: boolean;
}

/** Budgets by input size: small inputs get many runs, 10 MB a few (bench ≤ ~10 min on 2 cores). */
export function budgetFor(bytes: number): Budget {
  if (bytes < 200_000) return { ms: 3_000, minRuns: 10, maxRuns: 40, warmup: 5, gcBetween: false };
  if (bytes < 3_000_000) return { ms: 8_000, minRuns: 3, maxRuns: 9, warmup: 1, gcBetween: true };
  return { ms: 20_000, minRuns: 0, maxRuns: 3, warmup: 0, gcBetween: true };
}

/**
 * Runs `fn` once untimed as a probe (its result is returned, for correctness checks), then times
 * it: the run count is the budget divided by the probe time, clamped to the budget's bounds.
 * Each call, the probe included, gets a fresh input from `inputs(run)` (run 1 is the probe),
 * prepared untimed, so no cache keyed by the input text can serve a timed call. `scale` < 1 shrinks the budget (peers known to be slow).
 */
export function timeOp<I, T>(
  name: string,
  inputs: (run: number) => I,
  fn: (input: I) => T,
  budget: Budget,
  scale = 1,
): { timing: Timing; output: T } {
  let run = 1;
  let current = inputs(run);
  const start = performance.now();
  const output = fn(current);
  const probe = Math.max(performance.now() - start, 0.001);
  if (budget.minRuns === 0 && probe * 2 > budget.ms * scale) return { timing: { median: probe, min: probe, samples: 1 }, output };
  const runs = Math.max(1, budget.minRuns, Math.min(budget.maxRuns, Math.floor((budget.ms * scale) / probe)));
  const prepare = (): void => {
    current = inputs(++run);
  };
  return { timing: measure(name, () => fn(current), { warmup: budget.warmup, iterations: runs, gcBetween: budget.gcBetween }, prepare), output };
}
