/**
 * Notifications of operation changes inside this process: `publish(id)` after every stored change
 * (by this instance, or relayed from another one through the database), `subscribe(id)` yields
 * one tick per publish until `return()` is called or the hub is closed. A tick carries no data:
 * subscribers re-read the operation, so a missed or coalesced tick never shows a stale state.
 */
export interface OperationEvents {
  publish(id: string): void;
  /** Ticks every subscriber (after notifications may have been missed, e.g. a reconnection). */
  publishAll(): void;
  subscribe(id: string): AsyncIterableIterator<void> & { return(): Promise<IteratorResult<void>> };
  /** Ends every subscription (shutdown: live streams complete instead of holding the drain). */
  close(): void;
}

/** Creates the event hub. Ticks are coalesced: a slow reader sees the latest state, not every step. */
export function createOperationEvents(): OperationEvents {
  const listeners = new Map<string, Set<() => void>>();
  const stops = new Set<() => void>();
  let closed = false;
  return {
    publish(id) {
      for (const l of listeners.get(id) ?? []) l();
    },
    publishAll() {
      for (const set of listeners.values()) for (const l of set) l();
    },
    close() {
      closed = true;
      for (const stop of [...stops]) stop();
    },
    subscribe(id) {
      let pending = false;
      let done = closed;
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
        stops.delete(stop);
        set.delete(listener);
        if (set.size === 0) listeners.delete(id);
        wake?.();
      };
      stops.add(stop);
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
