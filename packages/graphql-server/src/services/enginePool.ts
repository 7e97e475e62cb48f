import { Worker } from 'node:worker_threads';
import type { ChangeSet, JsonObject, MergeError } from '@revprov/merge-core';
import type { StoredEngineError } from './operationModel.js';
import type { PlainChangeSet } from './plainErrors.js';
import { toPlainChangeSet, toPlainErrors } from './plainErrors.js';

/** What the engine queries compute, with plain errors (served as data). */
export type EngineJob =
  | { kind: 'diff'; before: string; after: string }
  | { kind: 'merge3'; base: string; ours: string; theirs: string }
  | { kind: 'applyUpdates'; source: string; updates: JsonObject };

export type EngineResult<J extends EngineJob> = J extends { kind: 'applyUpdates' } ? { text: string; errors: StoredEngineError[] } : PlainChangeSet;

/**
 * Runs the pure merge engine (`Query.diff`, `merge3`, `applyUpdates`) off the event loop, on
 * `workers` worker threads, one job per worker at a time (the others wait in order). A job that
 * runs longer than `timeoutMs` ends its worker (a new one starts) and resolves to a
 * `LIMIT_EXCEEDED` error: a large input slows its own answer, never the server's other requests.
 */
export interface EnginePool {
  run<J extends EngineJob>(job: J): Promise<EngineResult<J>>;
  /** Ends the workers; jobs still waiting resolve to an error. */
  close(): Promise<void>;
}

// The worker: a module imported from a data: URL, so it runs the same from the sources (tests) and
// from the build; it imports the engine by its resolved file URL. Engine errors are `Error`s, whose
// fields structured cloning drops: they are sent as plain objects.
const workerSource = (engineUrl: string): string => `
import { parentPort } from 'node:worker_threads';
const engine = await import(${JSON.stringify(engineUrl)});
const plain = (errors) => errors.map((e) => ({ ...e, message: e.message }));
parentPort.postMessage({ ready: true });
parentPort.on('message', (job) => {
  try {
    if (job.kind === 'applyUpdates') {
      const r = engine.applyUpdates(job.source, job.updates);
      parentPort.postMessage({ ok: true, value: { text: r.text, errors: plain(r.errors) } });
    } else {
      const cs = job.kind === 'diff' ? engine.diff(job.before, job.after) : engine.merge3({ base: job.base, ours: job.ours, theirs: job.theirs });
      parentPort.postMessage({ ok: true, value: { ...cs, errors: plain(cs.errors) } });
    }
  } catch (e) {
    parentPort.postMessage({ ok: false, message: String(e && e.message || e) });
  }
});
`;

interface Pending {
  job: EngineJob;
  resolve: (value: unknown) => void;
}

/** An engine error as the queries serve it. */
function engineError(code: string, message: string): StoredEngineError {
  return { code, message, line: null, col: null, path: null, source: null };
}

/** The answer of a job that could not run: the input unchanged / no change, and the error. */
export function failedJob<J extends EngineJob>(job: J, code: string, message: string): EngineResult<J> {
  if (job.kind === 'applyUpdates') return { text: job.source, errors: [engineError(code, message)] } as EngineResult<J>;
  return { changes: [], summary: { total: 0, clean: 0, conflict: 0, applied: 0 }, errors: [engineError(code, message)] } as unknown as EngineResult<J>;
}

export function createEnginePool(options: { workers: number; timeoutMs: number }): EnginePool {
  const url = new URL(`data:text/javascript,${encodeURIComponent(workerSource(import.meta.resolve('@revprov/merge-core')))}`);
  const queue: Pending[] = [];
  const idle: Worker[] = [];
  let started = 0;
  let closed = false;
  const all = new Set<Worker>();
  // a worker's first message says it has loaded the engine: a job's time starts then
  const ready = new WeakMap<Worker, Promise<unknown>>();

  function spawnWorker(): Worker {
    const w = new Worker(url);
    w.unref();
    all.add(w);
    started++;
    ready.set(w, new Promise((resolve) => {
      w.once('message', resolve);
      w.once('error', resolve);
    }));
    return w;
  }

  function next(): void {
    while (queue.length > 0 && !closed) {
      const worker = idle.pop() ?? (started < options.workers ? spawnWorker() : null);
      if (!worker) return;
      void runOn(worker, queue.shift() as Pending);
    }
  }

  async function runOn(worker: Worker, p: Pending): Promise<void> {
    await ready.get(worker);
    const done = (value: unknown, healthy: boolean): void => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      if (healthy) idle.push(worker);
      else {
        all.delete(worker);
        started--;
        void worker.terminate();
      }
      p.resolve(value);
      next();
    };
    const onMessage = (m: { ok: true; value: unknown } | { ok: false; message: string }): void => {
      if (!m.ok) return done(failedJob(p.job, 'ENGINE_ERROR', `the merge engine failed: ${m.message}`), true);
      const v = m.value as ChangeSet | { text: string; errors: MergeError[] };
      done('text' in v ? { text: v.text, errors: toPlainErrors(v.errors) } : toPlainChangeSet(v), true);
    };
    const onError = (e: Error): void => done(failedJob(p.job, 'ENGINE_ERROR', `the merge engine failed: ${e.message}`), false);
    const timer = setTimeout(
      () => done(failedJob(p.job, 'LIMIT_EXCEEDED', `the merge engine did not finish within ${options.timeoutMs} ms (limits.engineTimeoutMs); use smaller texts`), false),
      options.timeoutMs,
    );
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.postMessage(p.job);
  }

  return {
    run<J extends EngineJob>(job: J): Promise<EngineResult<J>> {
      if (closed) return Promise.resolve(failedJob(job, 'ENGINE_ERROR', 'the server is stopping'));
      return new Promise<EngineResult<J>>((resolve) => {
        queue.push({ job, resolve: resolve as (v: unknown) => void });
        next();
      });
    },
    async close() {
      closed = true;
      for (const p of queue.splice(0)) p.resolve(failedJob(p.job, 'ENGINE_ERROR', 'the server is stopping'));
      await Promise.all([...all].map((w) => w.terminate()));
      all.clear();
      idle.length = 0;
    },
  };
}
