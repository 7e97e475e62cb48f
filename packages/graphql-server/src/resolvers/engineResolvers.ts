import { applyUpdates, diff, merge3 } from '@revprov/merge-core';
import type { PlainChangeSet } from '../services/plainErrors.js';
import { toPlainChangeSet, toPlainErrors } from '../services/plainErrors.js';
import type { StoredEngineError } from '../services/operationModel.js';
import { checkJsonShape } from '../security/jsonShape.js';
import type { Resolver } from './context.js';

/** The pure engine as queries: no service, no I/O. */
export const engineQueries = {
  diff: ((_p, { before, after }) => toPlainChangeSet(diff(before, after))) satisfies Resolver<unknown, { before: string; after: string }, PlainChangeSet>,
  merge3: ((_p, { base, ours, theirs }) => toPlainChangeSet(merge3({ base, ours, theirs }))) satisfies Resolver<unknown, { base: string; ours: string; theirs: string }, PlainChangeSet>,
  applyUpdates: ((_p, { source, updates }, { services }) => {
    const shape = checkJsonShape(updates, { maxDepth: services.security.limits.maxJsonDepth }, 'updates');
    if (shape) return { text: source, errors: [{ code: 'LIMIT_EXCEEDED', message: shape.message, line: null, col: null, path: null, source: 'updates' }] };
    const r = applyUpdates(source, updates);
    return { text: r.text, errors: toPlainErrors(r.errors) };
  }) satisfies Resolver<unknown, { source: string; updates: unknown }, { text: string; errors: StoredEngineError[] }>,
};
