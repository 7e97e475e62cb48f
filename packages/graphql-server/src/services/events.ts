/**
 * In-process notifications of operation changes: `publish(id)` after every stored change,
 * `subscribe(id)` yields one tick per publish until `return()` is called.
 */
export interface OperationEvents {
  publish(id: string): void;
  subscribe(id: string): AsyncIterableIterator<void> & { return(): Promise<IteratorResult<void>> };
}

/** Creates the event hub. Ticks are coalesced: a slow reader sees the latest state, not every step. */
export function createOperationEvents(): OperationEvents {
  const listeners = new Map<string, Set<() => void>>();
  return {
    publish(id) {
      for (const l of listeners.get(id) ?? []) l();
    },
    subscribe(id) {
      let pending = false;
      let done = false;
      let wake: (() => void) | null = null;
      const listener = (): void => {
        pending = true;
        wake?.();
      };
      const set = listeners.get(id) ?? new Set();
      set.add(listener);
      listeners.set(id, set);
      const stop = (): void => {
        done = true;
        set.delete(listener);
        if (set.size === 0) listeners.delete(id);
        wake?.();
      };
      const iterator = {
        [Symbol.asyncIterator]() {
          return iterator;
        },
        async next(): Promise<IteratorResult<void>> {
          while (!pending && !done) await new Promise<void>((r) => (wake = r));
          wake = null;
          if (done) return { done: true, value: undefined };
          pending = false;
          return { done: false, value: undefined };
        },
        async return(): Promise<IteratorResult<void>> {
          stop();
          return { done: true, value: undefined };
        },
      };
      return iterator;
    },
  };
}
