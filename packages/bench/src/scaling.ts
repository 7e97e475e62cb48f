/** One measured point: input size and time. */
export interface SizePoint {
  bytes: number;
  ms: number;
}

/** How time grows with input: least-squares slope of log(time) over log(size), and 10^slope. */
export interface Scaling {
  exponent: number;
  growthPer10x: number;
}

/**
 * Fits time ∝ size^exponent over the points (at least two, distinct sizes). An exponent of 1 is
 * linear; `growthPer10x` is the factor time grows by when the input grows tenfold.
 */
export function fitScaling(points: readonly SizePoint[]): Scaling | undefined {
  const usable = points.filter((p) => p.bytes > 0 && p.ms > 0);
  if (usable.length < 2) return undefined;
  const xs = usable.map((p) => Math.log10(p.bytes));
  const ys = usable.map((p) => Math.log10(p.ms));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * ((ys[i] as number) - my);
    den += (x - mx) ** 2;
  });
  if (den === 0) return undefined;
  const exponent = num / den;
  return { exponent, growthPer10x: 10 ** exponent };
}
