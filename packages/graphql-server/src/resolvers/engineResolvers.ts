import type { JsonObject } from '@revprov/merge-core';
import type { EngineJob, EngineResult } from '../services/enginePool.js';
import { failedJob } from '../services/enginePool.js';
import type { PlainChangeSet } from '../services/plainErrors.js';
import type { StoredEngineError } from '../services/operationModel.js';
import { checkJsonShape } from '../security/jsonShape.js';
import type { Context, Resolver } from './context.js';

// Characters of text the engine queries of one request have taken in (every field and alias).
const spent = new WeakMap<Context, number>();

/**
 * Runs one engine job on the worker pool, within the request's budget (`limits.maxEngineInputChars`
 * over every engine field of the request): past it, the field answers a `LIMIT_EXCEEDED` engine
 * error without computing, so aliases repeating a large variable cannot multiply the work.
 */
function runBudgeted<J extends EngineJob>(job: J, texts: string[], ctx: Context): Promise<EngineResult<J>> {
  const { maxEngineInputChars } = ctx.services.security.limits;
  const size = texts.reduce((n, t) => n + t.length, 0);
  const total = (spent.get(ctx) ?? 0) + size;
  if (total > maxEngineInputChars) {
    return Promise.resolve(
      failedJob(job, 'LIMIT_EXCEEDED', `the engine queries of this request take in ${total} characters of text, more than the limit of ${maxEngineInputChars} (limits.maxEngineInputChars)`),
    );
  }
  spent.set(ctx, total);
  return ctx.services.engine.run(job);
}

/** The pure engine as queries: no I/O; computed on a worker thread, never on the event loop. */
export const engineQueries = {
  diff: ((_p, { before, after }, ctx) => runBudgeted({ kind: 'diff', before, after }, [before, after], ctx)) satisfies Resolver<unknown, { before: string; after: string }, Promise<PlainChangeSet>>,
  merge3: ((_p, { base, ours, theirs }, ctx) => runBudgeted({ kind: 'merge3', base, ours, theirs }, [base, ours, theirs], ctx)) satisfies Resolver<
    unknown,
    { base: string; ours: string; theirs: string },
    Promise<PlainChangeSet>
  >,
  applyUpdates: ((_p, { source, updates }, ctx) => {
    const shape = checkJsonShape(updates, { maxDepth: ctx.services.security.limits.maxJsonDepth }, 'updates');
    if (shape) return Promise.resolve({ text: source, errors: [{ code: 'LIMIT_EXCEEDED', message: shape.message, line: null, col: null, path: null, source: 'updates' }] });
    return runBudgeted({ kind: 'applyUpdates', source, updates: updates as JsonObject }, [source, JSON.stringify(updates) ?? ''], ctx);
  }) satisfies Resolver<unknown, { source: string; updates: unknown }, Promise<{ text: string; errors: StoredEngineError[] }>>,
};
