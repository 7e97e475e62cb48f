/** `--color` values: `auto` (default) colours only a terminal. */
export type ColorMode = 'auto' | 'always' | 'never';

export const COLOR_MODES: readonly ColorMode[] = ['auto', 'always', 'never'];

/**
 * Whether to colour a stream. `--color=always|never` decides; with `auto`, `FORCE_COLOR` turns
 * colour on (off for `0` or `false`) and wins over `NO_COLOR`, as in Node itself; a non-empty
 * `NO_COLOR` (https://no-color.org) turns it off; otherwise only a terminal (not `TERM=dumb`) is coloured.
 */
export function colorEnabled(mode: ColorMode, stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (mode !== 'auto') return mode === 'always';
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  const noColor = env['NO_COLOR'];
  if (noColor !== undefined && noColor !== '') return false;
  return stream.isTTY === true && env['TERM'] !== 'dumb';
}
