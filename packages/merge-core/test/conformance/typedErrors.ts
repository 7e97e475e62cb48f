import { applyUpdates, diff, merge3, MergeError } from '@revprov/merge-core';

/**
 * Runs diff, merge3 and applyUpdates on text that must be rejected; returns a description of
 * every call that threw or did not return a typed `MergeError` (empty when all did), and the
 * codes seen.
 */
export function typedErrorProblems(text: string): { problems: string[]; codes: string[] } {
  const problems: string[] = [];
  const codes: string[] = [];
  const calls: [string, () => { errors: readonly unknown[]; text?: string }][] = [
    ['diff', () => diff(text, text)],
    ['merge3', () => merge3({ base: text, ours: text, theirs: text })],
    ['applyUpdates', () => applyUpdates(text, { 'metadata.name': 'x' })],
  ];
  for (const [name, call] of calls) {
    try {
      const r = call();
      const first = r.errors[0];
      if (!(first instanceof MergeError)) problems.push(`${name}: no typed error`);
      else {
        codes.push(first.code);
        if (first.line === undefined && first.code === 'YAML_SYNTAX') problems.push(`${name}: ${first.code} without a line`);
      }
      if (r.text !== undefined && r.text !== text) problems.push(`${name}: text changed on error`);
    } catch (e) {
      problems.push(`${name} threw ${(e as Error).message}`);
    }
  }
  return { problems, codes };
}
