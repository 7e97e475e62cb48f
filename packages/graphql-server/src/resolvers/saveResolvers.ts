import type { PreviewResult, SaveResult } from '../services/saves.js';
import type { UserError } from '../services/userError.js';
import type { Resolver } from './context.js';

export interface ApplyArgs {
  input: { operationId: string; paths: string[] };
}

export interface SaveArgs {
  input: { operationId: string; paths?: string[] | null; yaml?: string | null; message: string; expectedRevision?: string | null };
}

export type ApplyPayload = Partial<PreviewResult> & { applied: string[]; skipped: PreviewResult['skipped']; userErrors: UserError[] };
export type SavePayload = { commit: SaveResult['commit'] | null; remerged: boolean; yaml: string | null; userErrors: UserError[] };

/** Mutation.applySelectedPaths (preview) and Mutation.saveCatalogInfo (commit + push). */
export const saveMutations = {
  applySelectedPaths: (async (_p, { input }, { services, viewer }) => {
    const r = await services.saves.preview(input.operationId, input.paths, viewer);
    await services.audit.record(viewer, {
      action: 'PREVIEW',
      componentRef: (await services.operations.get(input.operationId))?.componentRef ?? null,
      operationId: input.operationId,
      outcome: r,
      detail: (v) => `${v.applied.length} change(s) applied, ${v.skipped.length} skipped`,
    });
    return r.ok ? { ...r.value, userErrors: [] } : { applied: [], skipped: [], userErrors: r.userErrors };
  }) satisfies Resolver<unknown, ApplyArgs, ApplyPayload>,
  saveCatalogInfo: (async (_p, { input }, { services, viewer }) => {
    const r = await services.saves.save(input, viewer);
    await services.audit.record(viewer, {
      action: 'SAVE',
      componentRef: (await services.operations.get(input.operationId))?.componentRef ?? null,
      operationId: input.operationId,
      outcome: r,
      detail: (v) => `${v.commit.sha.slice(0, 12)} on ${v.commit.branch}${v.remerged ? ' (re-merged)' : ''}`,
      commitSha: (v) => v.commit.sha,
    });
    return r.ok ? { ...r.value, userErrors: [] } : { commit: null, remerged: false, yaml: null, userErrors: r.userErrors };
  }) satisfies Resolver<unknown, SaveArgs, SavePayload>,
};
