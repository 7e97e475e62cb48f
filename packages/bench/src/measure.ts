import { Bench } from 'tinybench';

/** How hard to measure one operation. */
export interface MeasureOptions {
  /** Full GC before each call (for large inputs, whose garbage would land in the next call). */
  gcBetween: boolean;
  /** Untimed runs first (JIT warm-up). */
  warmup: number;
  /** Timed runs; the median is reported. */
  iterations: number;
}

/** Timing of one operation, milliseconds. */
export interface Timing {
  median: number;
  min: number;
  samples: number;
}

const runGc = (): void => (globalThis as { gc?: () => void }).gc?.();

/**
 * Times `fn` with tinybench: `warmup` untimed calls, then exactly `iterations` timed calls, with a
 * full GC before each call if `gcBetween` and the process runs with `--expose-gc` (so one large
 * run's garbage is not billed to the next; for small inputs a forced GC shrinks the heap and
 * makes the next call slower, so it is not used there). `prepare`, if given, runs untimed before each call (fresh inputs).
 * Throws if `fn` throws: a benchmark of a failing call means nothing.
 */
export function measure(name: string, fn: () => unknown, options: MeasureOptions, prepare?: () => void): Timing {
  const bench = new Bench({
    name,
    iterations: options.iterations,
    time: 0,
    warmup: options.warmup > 0,
    warmupIterations: options.warmup,
    warmupTime: 0,
    throws: true,
  });
  const beforeEach = (): void => {
    prepare?.();
    if (options.gcBetween) runGc();
  };
  bench.add(name, fn, { async: false, beforeEach });
  const [task] = bench.runSync();
  const result = task?.result;
  if (result === undefined || result.state !== 'completed') {
    throw new Error(`benchmark ${name} did not complete (${result?.state ?? 'no task'})`);
  }
  return { median: result.latency.p50, min: result.latency.min, samples: result.latency.samplesCount };
}
