import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from './apiError';
import { graphqlRequest } from './graphqlRequest';

/** State of a query: `loading` until its answer arrives, then data or an error; `reload` runs it again. */
export interface ApiQueryState<T> {
  /** The last answer's data (kept while a newer request is loading), null before the first one or after an error. */
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
  const [tick, setTick] = useState(0);
  const vars = JSON.stringify(variables);
  const request = `${query}\n${vars}\n${tick}\n${JSON.stringify(refreshKey)}`;
  const [state, setState] = useState<{ request: string | null; data: T | null; error: ApiError | null }>({ request: null, data: null, error: null });

  useEffect(() => {
    const controller = new AbortController();
    graphqlRequest<T>(query, JSON.parse(vars) as Record<string, unknown>, controller.signal).then(
      (r) => {
        if (!controller.signal.aborted) setState(r.ok ? { request, data: r.data, error: null } : { request, data: null, error: r.error });
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [query, vars, request]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, error: state.error, loading: state.request !== request, reload };
}
