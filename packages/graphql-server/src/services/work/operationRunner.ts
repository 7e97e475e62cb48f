import { applyUpdates } from '@revprov/merge-core';
import type { ServerConfig } from '../../config/config.js';
import type { Limits } from '../../config/securityConfig.js';
import type { Logger } from '../../observability/logger.js';
import { loggableUrl } from '../../observability/logger.js';
import type { Metrics } from '../../observability/metrics.js';
import type { SecretValues } from '../../security/secretValues.js';
import { secretValues } from '../../security/secretValues.js';
import type { OperationStore, OperationWork, OwnedOperation } from '../../store/store.js';
import type { AdapterClient, AdapterOutcome, AdapterRequest } from '../adapterClient.js';
import type { Clock } from '../clock.js';
import type { OperationEvents } from '../events.js';
import type { LogEntry } from '../operationModel.js';
import { makeFailure } from '../operationModel.js';
import { toPlainErrors } from '../plainErrors.js';

/** What only the instance that started an operation has: the request with its secret values. */
export interface LiveRequest {
  request: AdapterRequest;
  /** The run's secret values: kept out of everything recorded. */
  secrets: SecretValues;
}

/**
 * Does the work on the operations this instance holds the lease of: calls the adapter (or polls
 * the stored 202 token), records the logs and the outcome. Every write is fenced by the lease:
 * when it is lost (another instance took over, a user cancelled), the run stops and records
 * nothing more. An aborted run (shutdown) records nothing either: the operation stays RUNNING for
 * the next owner.
 */
export interface OperationRunner {
  /** Works on `owned` in the background. `live` is given by the instance that just started it; without it this is a takeover. */
  run(owned: OwnedOperation, live?: LiveRequest): void;
  /** The ids being worked on. */
  owned(): string[];
  /** Stops working on `id` (its lease is gone); records nothing. */
  stop(id: string, reason: string): void;
  /** Resolves when the run of `id` has ended (immediately when there is none). */
  settled(id: string): Promise<void>;
  /** Stops every run and waits for them to end; records nothing. */
  close(): Promise<void>;
}

/** Waits `ms`; false when `signal` aborted first. */
function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

interface Run {
  controller: AbortController;
  done: Promise<void>;
}

export function createOperationRunner(deps: {
  config: ServerConfig;
  instanceId: string;
  adapters: AdapterClient;
  store: OperationStore;
  events: OperationEvents;
  clock: Clock;
  log: Logger;
  metrics: Metrics;
  limits: Limits;
}): OperationRunner {
  const { config, instanceId, adapters, store, events, clock, metrics, limits } = deps;
  const log = deps.log.child({ component: 'operations' });
  const runs = new Map<string, Run>();
  const entry = (level: LogEntry['level'], message: string): LogEntry => ({ timestamp: clock.now(), level, message, phase: 'server' });

  async function work(owned: OwnedOperation, live: LiveRequest | undefined, signal: AbortSignal, stopRun: (reason: string) => void): Promise<void> {
    const record = owned.record;
    const started = performance.now();
    const ctx = log.child({ operationId: record.id, componentRef: record.componentRef });
    // Writes of one operation are chained: a later state never lands before an earlier one.
    let chain: Promise<boolean> = Promise.resolve(true);
    const write = (w: OperationWork): Promise<boolean> => {
      record.updatedAt = clock.now();
      const snapshot = structuredClone(record);
      const next = chain.then(async (stillOwned) => {
        if (!stillOwned || signal.aborted) return false;
        const kept = await store.write(snapshot, w, instanceId);
        if (!kept) stopRun('its lease was lost (taken over or cancelled)');
        else events.publish(record.id);
        return kept;
      });
      chain = next.catch((e: unknown) => {
        ctx.error({ err: e }, 'cannot store the operation state');
        return true;
      });
      return next;
    };
    // The final state is retried while the database is unreachable: the lease then either
    // survives (the write lands) or expires (another instance takes over; this write is refused).
    const finish = async (w: OperationWork, status: 'COMPLETED' | 'FAILED', why: string): Promise<void> => {
      record.status = status;
      for (;;) {
        try {
          if (await write(w)) {
            metrics.operationsFinished.inc({ status });
            ctx.info({ status, durationMs: Math.round(performance.now() - started), attempts: w.attempts, adapterUrl: loggableUrl(w.adapterUrl) }, why);
          }
          return;
        } catch (e) {
          ctx.warn({ err: e }, 'cannot store the final state yet; retrying in 1 s');
          if (!(await pause(1000, signal))) return;
        }
      }
    };
    const failWith = (w: OperationWork, message: string): Promise<void> => {
      record.failure = makeFailure({ errors: [message] });
      record.serverLogs.push(entry('ERROR', message));
      return finish(w, 'FAILED', 'operation failed');
    };

    let w = owned.work;
    if (!w) {
      const legacy: OperationWork = { adapterUrl: '', request: { useCaseTemplateId: '', environment: record.environment, params: {}, catalogInfo: {} }, omittedSecrets: [], token: null, attempts: 1, deadline: 0 };
      return failWith(legacy, 'this operation was running when an earlier server version stopped, which kept nothing to resume it with. Run reverse provisioning again.');
    }
    if (!live) {
      metrics.takeovers.inc();
      const from = owned.previousOwner ? `instance ${owned.previousOwner}` : 'its previous instance';
      ctx.warn({ previousOwner: owned.previousOwner, hasToken: w.token !== null }, 'taking over the operation');
      if (Date.now() >= w.deadline) return failWith(w, `the tech adapter did not finish within ${config.polling.timeoutMs} ms (timeout)`);
      if (w.omittedSecrets.length > 0) {
        // Without the secret values, this instance could neither send the call again nor keep an
        // echoed secret out of what it records: the operation cannot move to another instance.
        return failWith(
          w,
          `${from} stopped while this operation was running, and no other instance can take it over: its secret parameters (${w.omittedSecrets.join(', ')}) are never stored. Run reverse provisioning again.`,
        );
      }
      if (w.token !== null) {
        record.serverLogs.push(entry('INFO', `instance ${instanceId} took over from ${from}: polling the tech adapter again with the stored token`));
      } else {
        w = { ...w, attempts: w.attempts + 1 };
        record.serverLogs.push(
          entry('WARNING', `the adapter call was cut off when ${from} stopped; instance ${instanceId} calls the tech adapter again (attempt ${w.attempts}; reverse provisioning only reads, so this is safe)`),
        );
        ctx.warn({ attempts: w.attempts }, 'calling the adapter again: the previous call was cut off');
      }
      if (!(await write(w).catch(() => true))) return;
    }

    const secrets = live?.secrets ?? secretValues([]);
    const mask = secrets.redact;
    const maskLog = (l: LogEntry): LogEntry => ({ ...l, message: mask(l.message), phase: l.phase === null ? null : mask(l.phase) });
    const adapterUrl = loggableUrl(w.adapterUrl);
    let outcome: AdapterOutcome;
    const current = (): OperationWork => w as OperationWork;
    try {
      outcome = await adapters.run(w.adapterUrl, live?.request ?? w.request, {
        intervalMs: config.polling.intervalMs,
        timeoutMs: config.polling.timeoutMs,
        deadline: w.deadline,
        signal,
        maxAnswerBytes: limits.maxAdapterAnswerBytes,
        maxJsonDepth: limits.maxJsonDepth,
        secrets,
        ...(w.token !== null ? { token: w.token } : {}),
        // a failed write keeps the run going: the token and logs go with the next write
        onToken: (token) => {
          w = { ...current(), token };
          ctx.debug({ adapterUrl }, 'the adapter answered 202: polling');
          return write(current()).catch(() => true);
        },
        onLogs: (logs) => {
          record.adapterLogs = logs.map(maskLog);
          write(current()).catch(() => undefined);
        },
        onRequest: (x) => {
          const outcomeLabel = x.httpStatus === null ? 'error' : `${Math.floor(x.httpStatus / 100)}xx`;
          metrics.adapterRequests.observe({ kind: x.kind, outcome: outcomeLabel }, x.durationMs / 1000);
          ctx.debug({ adapterUrl, kind: x.kind, httpStatus: x.httpStatus, durationMs: Math.round(x.durationMs) }, 'adapter exchange');
        },
      });
    } catch (e) {
      ctx.error({ err: e, adapterUrl }, 'unexpected error calling the adapter');
      outcome = { status: 'FAILED', logs: [], failure: makeFailure({ errors: ['internal error while calling the tech adapter (see server log)'] }) };
    }
    if (signal.aborted) return;
    record.adapterLogs = outcome.logs.map(maskLog);
    const echoed = outcome.status === 'COMPLETED' ? secrets.findIn(outcome.updates, 'updates') : [];
    if (echoed.length > 0) {
      // Refused, not redacted: a redacted value would be proposed for the file as if it were real.
      const message = `the tech adapter's answer contains the value of a secret parameter (at ${echoed.slice(0, 5).join(', ')}${echoed.length > 5 ? ', ...' : ''}); nothing of its updates was stored. The adapter must not echo secrets.`;
      record.failure = makeFailure({ errors: [message] });
      record.serverLogs.push(entry('ERROR', `reverse provisioning refused: ${message}`));
      ctx.warn({ adapterUrl }, 'the adapter echoed a secret parameter: its answer was refused');
      return finish(current(), 'FAILED', 'operation failed');
    }
    if (outcome.status === 'FAILED') {
      const f = outcome.failure;
      const m = (xs: string[]): string[] => xs.map(mask);
      record.failure = {
        ...f,
        message: mask(f.message),
        userMessage: f.userMessage === null ? null : mask(f.userMessage),
        problems: m(f.problems),
        solutions: m(f.solutions),
        errors: m(f.errors),
        errorLogs: m(f.errorLogs),
        display: m(f.display),
      };
      record.serverLogs.push(entry('ERROR', `reverse provisioning failed: ${record.failure.message}`));
      ctx.warn({ adapterUrl, httpStatus: f.httpStatus, failure: record.failure.message }, 'the adapter reported a failure');
      return finish(current(), 'FAILED', 'operation failed');
    }
    let applied: ReturnType<typeof applyUpdates>;
    try {
      applied = applyUpdates(record.baseYaml, outcome.updates);
    } catch (e) {
      ctx.error({ err: e }, 'the engine failed applying the updates');
      record.failure = makeFailure({ errors: ['internal error while applying the updates (see server log)'] });
      return finish(current(), 'FAILED', 'operation failed');
    }
    record.updates = outcome.updates;
    record.updateErrors = toPlainErrors(applied.errors);
    record.proposedYaml = applied.text;
    for (const e of applied.errors) record.serverLogs.push(entry('WARNING', `update not applied: ${e.message}`));
    record.serverLogs.push(entry('INFO', `reverse provisioning completed: ${Object.keys(outcome.updates).length} update(s) received`));
    return finish(current(), 'COMPLETED', 'operation completed');
  }

  const runner: OperationRunner = {
    run(owned, live) {
      const id = owned.record.id;
      if (runs.has(id)) return;
      const controller = new AbortController();
      const stopRun = (reason: string): void => {
        if (controller.signal.aborted) return;
        log.info({ operationId: id, reason }, 'stopped working on the operation');
        controller.abort(new Error(reason));
      };
      const done = work(structuredClone(owned), live, controller.signal, stopRun)
        .catch((e: unknown) => log.error({ err: e, operationId: id }, 'the operation run failed'))
        .finally(() => runs.delete(id));
      runs.set(id, { controller, done });
    },
    owned: () => [...runs.keys()],
    stop(id, reason) {
      const r = runs.get(id);
      if (r && !r.controller.signal.aborted) {
        log.info({ operationId: id, reason }, 'stopped working on the operation');
        r.controller.abort(new Error(reason));
      }
    },
    async settled(id) {
      await runs.get(id)?.done;
    },
    async close() {
      for (const r of runs.values()) r.controller.abort(new Error('this instance is stopping'));
      await Promise.allSettled([...runs.values()].map((r) => r.done));
    },
  };
  return runner;
}
