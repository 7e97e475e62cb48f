import { useEffect } from 'react';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Loading } from '../../../components/Loading';
import { useApiQuery } from '../../../lib/api/useApiQuery';
import { useAuth } from '../../auth/components/AuthProvider';
import type { CompareOperationData } from '../api/compareQueries';
import { COMPARE_OPERATION_QUERY } from '../api/compareQueries';
import { prepareCompareClient } from '../worker/compareClientPool';
import { CompareSession } from './CompareSession';

/**
 * "Compare and merge" for one operation: loads its texts, then opens a comparison session on them
 * (`saveBlocked`: why the caller may not save, e.g. read rights only; Copy and Download still work).
 * After a save (or "Reload from branch") the operation is read again and a fresh session starts on
 * the branch's new head.
 */
export function CompareStep({ operationId, saveBlocked }: { operationId: string; saveBlocked: string | null }) {
  const { session } = useAuth();
  // the merge worker starts (and warms up) while the texts are fetched
  useEffect(() => prepareCompareClient(), []);
  const { data, error, loading, reload } = useApiQuery<CompareOperationData>(COMPARE_OPERATION_QUERY, { id: operationId }, session);
  const op = data?.reverseProvisioningOperation ?? null;
  if (loading && !data) return <Loading what="the proposed updates" />;
  if (error) return <ErrorNotice error={error} onRetry={reload} />;
  if (!op) return <p role="alert">The server does not know operation {operationId}.</p>;
  if (op.status !== 'COMPLETED' || op.proposedYaml === null) return <p role="alert">Operation {operationId} is {op.status}: there is nothing to compare.</p>;
  if (op.currentYaml === null || op.currentRevision === null) {
    return <p role="alert">{op.filePath} no longer exists on {op.repository.branch}: there is nothing to merge into.</p>;
  }
  return (
    <CompareSession
      key={`${op.id}@${op.currentRevision}`}
      operation={{ ...op, proposedYaml: op.proposedYaml, currentYaml: op.currentYaml, currentRevision: op.currentRevision }}
      onReload={reload}
      saveBlocked={saveBlocked}
    />
  );
}
