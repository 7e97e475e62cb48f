import { useEffect } from 'react';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { prepareCompareClient } from '../../compare/worker/compareClientPool';
import { FailureDetails } from './FailureDetails';
import { LogTable } from './LogTable';
import { useOperationStream } from './useOperationStream';

/**
 * "Processing": the operation's status (RUNNING, COMPLETED, FAILED) and its logs, live. On
 * COMPLETED the wizard moves on to the comparison (unless `autoAdvance` is off: the user came back
 * to read the logs); on FAILED the failure is shown here.
 */
export function ProcessingStep({ operationId, autoAdvance, onCompleted, onRestart }: { operationId: string; autoAdvance: boolean; onCompleted(): void; onRestart(): void }) {
  const { operation, missing, error } = useOperationStream(operationId);
  // the comparison's merge worker starts and warms up while the adapter works
  useEffect(() => prepareCompareClient(), []);
  const status = operation?.status ?? null;
  useEffect(() => {
    if (status !== 'COMPLETED' || !autoAdvance) return;
    performance.mark('revprov:completed'); // the benchmark times the compare view from here
    onCompleted();
  }, [status, autoAdvance, onCompleted]);

  return (
    <section className="stack" aria-labelledby="processing-heading">
      <h2 id="processing-heading">Processing</h2>
      <p className="status-line" role="status">
        Status: <span className={`badge status-${(status ?? 'running').toLowerCase()}`}>{status ?? 'connecting…'}</span>
      </p>
      {missing && (
        <div className="notice error" role="alert">
          <p>The server does not know operation {operationId}.</p>
        </div>
      )}
      {error && <ErrorNotice error={error} />}
      {operation?.failure && <FailureDetails failure={operation.failure} />}
      <h3>Logs</h3>
      <LogTable logs={operation?.logs ?? []} />
      {(status === 'FAILED' || missing) && (
        <div className="actions">
          <button type="button" onClick={onRestart}>
            Back to the form
          </button>
        </div>
      )}
      {status === 'COMPLETED' && (
        <div className="actions">
          <button type="button" className="primary" onClick={onCompleted}>
            Compare and merge
          </button>
        </div>
      )}
    </section>
  );
}
