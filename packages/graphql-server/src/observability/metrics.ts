import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The server's Prometheus metrics, on a registry of its own (several servers in one process do
 * not mix). Served at `/metrics` in the text exposition format.
 */
export interface Metrics {
  readonly registry: Registry;
  /** Operations that reached a final status on this instance, by status. */
  readonly operationsFinished: Counter<'status'>;
  /** Adapter HTTP exchanges: `kind` start|poll, `outcome` the HTTP status class or `error`. */
  readonly adapterRequests: Histogram<'kind' | 'outcome'>;
  /** Saves by result: committed, conflict (refused), no_changes, error. */
  readonly saves: Counter<'result'>;
  /** Pushes git refused because the branch moved (each is followed by a re-merge). */
  readonly pushRejections: Counter;
  /** Operations this instance took over from another (or a stopped) instance. */
  readonly takeovers: Counter;
  /** HTTP requests by method, route and status code. */
  readonly httpRequests: Histogram<'method' | 'route' | 'status'>;
}

/**
 * Creates the metrics. `operationsByStatus` is read at every scrape for the gauge
 * `revprov_operations{status}` (all instances' operations when the database is shared).
 */
export function createMetrics(options: { operationsByStatus?: () => Promise<Record<string, number>> } = {}): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const { operationsByStatus } = options;
  new Gauge({
    name: 'revprov_operations',
    help: 'Operations in the database by status.',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      if (!operationsByStatus) return;
      this.reset();
      const counts = await operationsByStatus();
      for (const status of ['RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED']) this.set({ status }, counts[status] ?? 0);
    },
  });
  return {
    registry,
    operationsFinished: new Counter({ name: 'revprov_operations_finished_total', help: 'Operations this instance brought to a final status, by status.', labelNames: ['status'], registers: [registry] }),
    adapterRequests: new Histogram({
      name: 'revprov_adapter_request_duration_seconds',
      help: 'Duration of HTTP exchanges with tech adapters (start = the POST, poll = a status poll).',
      labelNames: ['kind', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    saves: new Counter({ name: 'revprov_saves_total', help: 'saveCatalogInfo calls by result (committed, conflict, no_changes, error).', labelNames: ['result'], registers: [registry] }),
    pushRejections: new Counter({ name: 'revprov_save_push_rejections_total', help: 'Pushes refused because the branch moved meanwhile (followed by a re-merge).', registers: [registry] }),
    takeovers: new Counter({ name: 'revprov_operation_takeovers_total', help: 'Operations this instance took over after their owner stopped.', registers: [registry] }),
    httpRequests: new Histogram({
      name: 'revprov_http_request_duration_seconds',
      help: 'HTTP request duration by method, route (/graphql, /health, /ready, /metrics, /) and status code.',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
  };
}
