import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from './apiError';
import { graphqlRequest } from './graphqlRequest';

/** State of a query: loading first, then data or an error; `reload` runs it again. */
export interface ApiQueryState<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload(): void;
}

/**
 * Runs `query` when the component mounts and whenever `variables` change (compared as JSON), and
 * again on `reload()` or when `refreshKey` changes (e.g. after signing in). A late answer to an
 * outdated request is dropped.
 */
export function useApiQuery<T>(query: string, variables: Record<string, unknown> = {}, refreshKey: unknown = null): ApiQueryState<T> {
  const [state, setState] = useState<{ data: T | null; error: ApiError | null; loading: boolean }>({ data: null, error: null, loading: true });
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(variables);
  const vars = useRef(variables);
  vars.current = variables;

  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    graphqlRequest<T>(query, vars.current, controller.signal).then(
      (r) => {
        if (controller.signal.aborted) return;
        setState(r.ok ? { data: r.data, error: null, loading: false } : { data: null, error: r.error, loading: false });
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [query, key, tick, refreshKey]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
