import { prng } from '../arbitraries/prng.js';

/** A pseudo-random subset of `items` (each kept with probability 1/2), fixed by `seed`. */
export function someOf<T>(items: readonly T[], seed: number): T[] {
  const rand = prng(seed);
  return items.filter(() => rand() < 0.5);
}
