/**
 * A small deterministic PRNG (mulberry32) giving values in [0, 1). Generators draw one integer seed
 * through fast-check and derive many cheap choices from it, so a case stays reproducible from the
 * fast-check seed without one fast-check draw per choice.
 */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seeds generators draw: any non-negative 31-bit integer. */
export const SEED_RANGE = { min: 0, max: 0x7fffffff } as const;
