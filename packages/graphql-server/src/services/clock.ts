import { randomUUID } from 'node:crypto';

/** Time and identity source, replaceable in tests. */
export interface Clock {
  /** Current time as RFC 3339. */
  now(): string;
  /** A fresh unique id. */
  newId(): string;
}

export const systemClock: Clock = {
  now: () => new Date().toISOString(),
  newId: () => randomUUID(),
};
