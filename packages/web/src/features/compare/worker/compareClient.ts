import type { CompareInputs, Enriched, PickResult } from '../model/compareModel';
import type { OpenAnswer, WorkerAnswer, WorkerRequest } from './protocol';

/** The page's handle on a compare worker: promise-returning calls, one worker per open operation. */
export interface CompareClient {
  open(inputs: CompareInputs): Promise<OpenAnswer>;
  /** The left panel (current file with every change applied), computed. */
  enrich(): Promise<Enriched>;
  /** The right panel for `selection`, carrying the free edits of `text`. */
  pick(selection: string[], text: string): Promise<PickResult & { ms: number }>;
  /** Stops the worker; pending calls reject. */
  close(): void;
}

type Pending = { resolve(a: WorkerAnswer): void; reject(e: Error): void };

/** Starts a compare worker (an ES module worker bundled by Vite). */
export function createCompareClient(): CompareClient {
  const worker = new Worker(new URL('./compareWorker.ts', import.meta.url), { type: 'module', name: 'revprov-compare' });
  const pending = new Map<number, Pending>();
  let n = 0;
  const fail = (e: Error): void => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  worker.onmessage = (event: MessageEvent<WorkerAnswer>) => {
    const p = pending.get(event.data.n);
    pending.delete(event.data.n);
    p?.resolve(event.data);
  };
  worker.onerror = (event) => fail(new Error(`the merge worker failed: ${event.message}`));

  type Request = { type: 'warm' } | { type: 'open'; inputs: CompareInputs } | { type: 'enrich' } | { type: 'pick'; selection: string[]; text: string };
  const call = (request: Request): Promise<WorkerAnswer> =>
    new Promise((resolve, reject) => {
      const message: WorkerRequest = { ...request, n: ++n };
      pending.set(message.n, { resolve, reject });
      worker.postMessage(message);
    });
  const failed = (a: WorkerAnswer): Error => new Error(a.type === 'crash' ? `the merge engine failed: ${a.message}` : `unexpected answer ${a.type}`);

  // compile the engine's code while the page fetches the texts (see warmUp)
  void call({ type: 'warm' }).catch(() => undefined);
  return {
    open: (inputs) =>
      call({ type: 'open', inputs }).then((a) => {
        if (a.type !== 'open') throw failed(a);
        return a.answer;
      }),
    enrich: () =>
      call({ type: 'enrich' }).then((a) => {
        if (a.type !== 'enrich') throw failed(a);
        return a.answer;
      }),
    pick: (selection, text) =>
      call({ type: 'pick', selection, text }).then((a) => {
        if (a.type !== 'pick') throw failed(a);
        return a.answer;
      }),
    close() {
      worker.terminate();
      fail(new Error('closed'));
    },
  };
}
