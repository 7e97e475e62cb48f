import type { Change } from '@revprov/merge-core';

/** True when the selected path `selected` is the change's id or a prefix of it (path-wise). */
export function selects(selected: string, change: Change): boolean {
  const id = change.id;
  return id === selected || id.startsWith(`${selected}.`) || id.startsWith(`${selected}[`);
}

/** The selected paths that match no change at all (misspelled or stale ids). */
export function unmatched(paths: readonly string[], changes: readonly Change[]): string[] {
  return paths.filter((p) => !changes.some((c) => selects(p, c)));
}

/** Ids of the selected changes whose status is `conflict`. */
export function selectedConflicts(paths: readonly string[], changes: readonly Change[]): string[] {
  return changes.filter((c) => c.status === 'conflict' && paths.some((p) => selects(p, c))).map((c) => c.id);
}
