import { applyUpdates, diff, merge3 } from '@revprov/merge-core';
import type { ChangeSet, MergeError } from '@revprov/merge-core';
import type { Resolver } from './context.js';

/** The pure engine as queries: no service, no I/O. */
export const engineQueries = {
  diff: ((_p, { before, after }) => diff(before, after)) satisfies Resolver<unknown, { before: string; after: string }, ChangeSet>,
  merge3: ((_p, { base, ours, theirs }) => merge3({ base, ours, theirs })) satisfies Resolver<unknown, { base: string; ours: string; theirs: string }, ChangeSet>,
  applyUpdates: ((_p, { source, updates }) => applyUpdates(source, updates)) satisfies Resolver<
    unknown,
    { source: string; updates: unknown },
    { text: string; errors: MergeError[] }
  >,
};
