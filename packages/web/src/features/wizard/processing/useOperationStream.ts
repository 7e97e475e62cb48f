import { useEffect, useState } from 'react';
import type { ApiError } from '../../../lib/api/apiError';
import { graphqlRequest } from '../../../lib/api/graphqlRequest';
import { graphqlSubscribe } from '../../../lib/api/graphqlSubscribe';
import type { OperationState, OperationStateData } from './operationStream';
import { OPERATION_STATE, OPERATION_STREAM } from './operationStream';

/** How often to reconnect before falling back to polling, and the polling/reconnect delay. */
const RECONNECTS = 3;
const DELAY_MS = 1000;

/**
 * Follows an operation live: the SSE subscription first (it sends the state at once, then every
 * change, and ends after COMPLETED or FAILED). If the connection breaks before a final status it
 * reconnects (the first event repeats the whole state, so nothing is missed), and after a few
 * failures polls the query instead. `missing` is true when the server does not know the id.
 */
export function useOperationStream(id: string): { operation: OperationState | null; missing: boolean; error: ApiError | null } {
  const [operation, setOperation] = useState<OperationState | null>(null);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let stop: () => void = () => undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let final = false;
    let failures = 0;
    let cancelled = false;

    const accept = (op: OperationState | null): void => {
      if (op === null) {
        final = true;
        setMissing(true);
        return;
      }
      setError(null);
      setOperation(op);
      if (op.status !== 'RUNNING') final = true;
    };

    const poll = async (): Promise<void> => {
      if (cancelled || final) return;
      const r = await graphqlRequest<OperationStateData>(OPERATION_STATE, { id });
      if (cancelled) return;
      if (r.ok) accept(r.data.reverseProvisioningOperation);
      else setError(r.error);
      if (!final && (!r.ok ? r.error.kind !== 'unauthenticated' : true)) timer = setTimeout(() => void poll(), DELAY_MS);
    };

    const connect = (): void => {
      stop = graphqlSubscribe<OperationStateData>(OPERATION_STREAM, { id }, {
        next: (data) => accept(data.reverseProvisioningOperation),
        error: (e) => {
          if (cancelled || final) return;
          failures++;
          if (e.kind === 'unauthenticated' || e.kind === 'forbidden') return setError(e);
          timer = setTimeout(failures < RECONNECTS ? connect : () => void poll(), DELAY_MS);
        },
        complete: () => {
          if (!cancelled && !final) timer = setTimeout(connect, DELAY_MS);
        },
      });
    };
    connect();
    return () => {
      cancelled = true;
      stop();
      if (timer) clearTimeout(timer);
    };
  }, [id]);

  return { operation, missing, error };
}
