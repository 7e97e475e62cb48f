import { CliError } from './io.js';

/** The values git accepts for `merge.conflictStyle`. */
export const CONFLICT_STYLES = ['merge', 'diff3', 'zdiff3'] as const;

/** `merge` or `diff3` from a `--conflict-style` / `merge.conflictStyle` value (`zdiff3` is shown as `diff3`). */
export function conflictStyle(value: string | undefined, from: string): 'merge' | 'diff3' {
  if (value === undefined || value === 'merge') return 'merge';
  if (value === 'diff3' || value === 'zdiff3') return 'diff3';
  throw new CliError(`${from} must be one of ${CONFLICT_STYLES.join(', ')}, got ${JSON.stringify(value)}`);
}
