import type { Workload } from './workload/workload.js';

/** The three texts of a workload. */
export interface Texts {
  base: string;
  ours: string;
  theirs: string;
}

/** A flat copy of a string (not a rope), so no flattening cost lands in a timed call. */
const flat = (s: string): string => Buffer.from(s, 'utf8').toString('utf8');

/**
 * The workload's texts for timed run `run`: run 0 is the workload itself; later runs append a
 * distinct final comment line (`# run N`) to each text. Values and every other byte are the same,
 * but an engine that memoizes parses by text cannot reuse one run's work in the next, which is
 * what a server sees (each request brings new texts).
 */
export function textsFor(w: Workload, run: number): Texts {
  if (run < 0) throw new RangeError('run must be >= 0');
  if (run === 0) return { base: w.base, ours: w.ours, theirs: w.theirsText };
  const tag = `# run ${run}\n`;
  return { base: flat(w.base + tag), ours: flat(w.ours + tag), theirs: flat(w.theirsText + tag) };
}

/** `text` without the final `# run N` line that {@link textsFor} appended for run `run`. */
export function untag(text: string, run: number): string {
  const tag = `# run ${run}\n`;
  return run > 0 && text.endsWith(tag) ? text.slice(0, -tag.length) : text;
}
