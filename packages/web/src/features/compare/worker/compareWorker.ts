/// <reference lib="webworker" />
import type { CompareModel, PickState } from '../model/compareModel';
import { enrich, initialPickState, knownEnriched, openCompare, pickChanges } from '../model/compareModel';
import { warmUp } from '../model/warmUp';
import type { WorkerAnswer, WorkerRequest } from './protocol';

/**
 * The merge engine off the page's thread: it holds one operation's texts and change set, and
 * answers picks with the right panel's new text, so a 1 MB file never freezes the page. Requests
 * are answered in order.
 */
declare const self: DedicatedWorkerGlobalScope;

let model: CompareModel | null = null;
let state: PickState | null = null;

function answer(message: WorkerAnswer): void {
  self.postMessage(message);
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  const started = performance.now();
  try {
    if (request.type === 'warm') {
      warmUp();
      return answer({ n: request.n, type: 'warm', answer: { ms: performance.now() - started } });
    }
    if (request.type === 'open') {
      const opened = openCompare(request.inputs);
      if (!opened.ok) {
        model = null;
        return answer({ n: request.n, type: 'open', answer: opened });
      }
      model = opened.model;
      state = initialPickState(model);
      const { changes, summary } = model.changeSet;
      return answer({ n: request.n, type: 'open', answer: { ok: true, changes, summary, enriched: knownEnriched(model), ms: performance.now() - started } });
    }
    if (!model || !state) return answer({ n: request.n, type: 'crash', message: 'no operation is open' });
    if (request.type === 'enrich') return answer({ n: request.n, type: 'enrich', answer: enrich(model) });
    const result = pickChanges(model, state, request.selection, request.text);
    if (result.ok) state = result.state;
    answer({ n: request.n, type: 'pick', answer: { ...result, ms: performance.now() - started } });
  } catch (e) {
    answer({ n: request.n, type: 'crash', message: (e as Error).message });
  }
};
