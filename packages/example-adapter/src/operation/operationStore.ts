import { randomUUID } from 'node:crypto';
import type { StatusBody } from '../protocol.js';
import type { Outcome } from './reverseProvision.js';

/** How many finished asynchronous operations are remembered; the oldest are forgotten first. */
export const MAX_OPERATIONS = 1000;

interface Entry {
  outcome: Exclude<Outcome, { kind: 'invalid' }>;
  polls: number;
}

/**
 * Asynchronous operations by token. An operation answers `RUNNING` (with a growing prefix of its
 * logs) to its first `pollsBeforeDone` polls, then its final status to every later poll: `COMPLETED`
 * with the updates, or `FAILED` with empty updates and the ERROR logs. The work itself is done
 * before the token is handed out; only the answers are staged, so tests need no clock.
 */
export class OperationStore {
  readonly #entries = new Map<string, Entry>();
  readonly #pollsBeforeDone: number;

  constructor(pollsBeforeDone: number) {
    this.#pollsBeforeDone = pollsBeforeDone;
  }

  /** Registers a finished run and returns its new token. */
  add(outcome: Entry['outcome']): string {
    const token = randomUUID();
    this.#entries.set(token, { outcome, polls: 0 });
    if (this.#entries.size > MAX_OPERATIONS) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    return token;
  }

  /** The status to answer for one poll of `token`, or `undefined` for an unknown token. */
  poll(token: string): StatusBody | undefined {
    const entry = this.#entries.get(token);
    if (entry === undefined) return undefined;
    const { outcome } = entry;
    if (entry.polls < this.#pollsBeforeDone) {
      entry.polls += 1;
      const shown = Math.min(entry.polls, Math.max(outcome.logs.length - 1, 0));
      return { status: 'RUNNING', updates: {}, logs: outcome.logs.slice(0, shown) };
    }
    return outcome.kind === 'completed'
      ? { status: 'COMPLETED', updates: outcome.updates, logs: outcome.logs }
      : { status: 'FAILED', updates: {}, logs: outcome.logs };
  }
}
