import type { Identity } from '../auth/identity.js';
import { describeIdentity } from '../auth/identity.js';
import type { Clock } from '../services/clock.js';
import type { Outcome } from '../services/userError.js';
import type { AuditStore } from '../store/auditStore.js';
import type { AuditAction, AuditEntry } from './auditEntry.js';

/** What a resolver reports after a run, preview or save. */
export interface AuditEvent<T> {
  action: AuditAction;
  componentRef: string | null;
  operationId: string | null;
  /** The service's outcome: `OK` or its first user error's code and message. */
  outcome: Outcome<T>;
  /** One line for a success (e.g. the commit sha, the number of changes). */
  detail?: (value: T) => string | null;
  commitSha?: (value: T) => string | null;
}

/** Records every run, preview and save; readable by admins (`Query.auditLog`). */
export interface AuditLog {
  record<T>(actor: Identity, event: AuditEvent<T>): Promise<void>;
  list: AuditStore['list'];
}

/**
 * The audit log over the store. Recording never fails the caller's request: an entry that cannot
 * be written is reported on stderr (the action itself already happened).
 */
export function createAuditLog(store: AuditStore, clock: Clock): AuditLog {
  return {
    async record(actor, event) {
      const first = event.outcome.ok ? null : event.outcome.userErrors[0];
      const entry: AuditEntry = {
        id: clock.newId(),
        at: clock.now(),
        actor: describeIdentity(actor),
        actorName: actor.name,
        action: event.action,
        componentRef: event.componentRef,
        operationId: event.operationId,
        result: first ? first.code : 'OK',
        detail: event.outcome.ok ? (event.detail?.(event.outcome.value) ?? null) : (first?.message.slice(0, 500) ?? null),
        commitSha: event.outcome.ok ? (event.commitSha?.(event.outcome.value) ?? null) : null,
      };
      try {
        await store.append(entry);
      } catch (e) {
        console.error(`audit log: cannot record ${entry.action} by ${entry.actor} on ${entry.componentRef ?? '-'}: ${(e as Error).message}`);
      }
    },
    list: (options) => store.list(options),
  };
}
