import type { Logger } from '../../observability/logger.js';
import type { Lease, OperationStore } from '../../store/store.js';
import type { OperationRunner } from './operationRunner.js';

/**
 * Keeps this instance's leases alive and picks up abandoned work, as pg-boss does for jobs:
 * - heartbeat every `leaseMs / 3`: renews every lease held; a run whose lease is gone (taken over
 *   after a stall, or cancelled) is stopped;
 * - sweep every `leaseMs / 3` (jittered) and whenever another instance releases leases: claims
 *   RUNNING operations whose lease expired, oldest first, ten at a time, skipping rows another
 *   instance is claiming (`FOR UPDATE SKIP LOCKED`), and resumes them;
 * - `close()`: stops the runs and releases the leases, so another instance resumes them at once.
 */
export interface LeaseKeeper {
  /** First sweep (with `takeAll`, every RUNNING operation: the only instance of an embedded database), then the timers. */
  start(options: { takeAll: boolean }): Promise<number>;
  /** A sweep as soon as possible (another instance released leases). */
  sweepSoon(): void;
  close(): Promise<void>;
}

const CLAIM_BATCH = 10;

export function createLeaseKeeper(deps: { store: OperationStore; runner: OperationRunner; lease: Lease; log: Logger }): LeaseKeeper {
  const { store, runner, lease } = deps;
  const log = deps.log.child({ component: 'leases' });
  const every = Math.max(50, Math.floor(lease.leaseMs / 3));
  let heartbeat: NodeJS.Timeout | undefined;
  let sweeper: NodeJS.Timeout | undefined;
  let sweeping: Promise<number> | null = null;
  let again = false;
  let closed = false;

  async function renew(): Promise<void> {
    const before = runner.owned();
    try {
      const held = new Set(await store.renew(lease));
      for (const id of before) if (!held.has(id)) runner.stop(id, 'its lease is no longer held (taken over or cancelled)');
    } catch (e) {
      log.warn({ err: e }, 'cannot renew leases (database unreachable?)');
    }
  }

  async function sweep(takeAll = false): Promise<number> {
    let total = 0;
    try {
      for (;;) {
        const claimed = await store.claim(lease, { limit: CLAIM_BATCH, anyOwner: takeAll });
        for (const owned of claimed) runner.run(owned);
        total += claimed.length;
        if (claimed.length > 0) log.info({ operationIds: claimed.map((o) => o.record.id) }, 'took over operations');
        if (claimed.length < CLAIM_BATCH || closed) return total;
      }
    } catch (e) {
      log.warn({ err: e }, 'cannot claim abandoned operations (database unreachable?)');
      return total;
    }
  }

  function scheduleSweep(): void {
    if (closed) return;
    sweeper = setTimeout(() => void runSweep().finally(scheduleSweep), every + Math.floor(Math.random() * every * 0.2));
    sweeper.unref();
  }

  function runSweep(takeAll = false): Promise<number> {
    if (sweeping) {
      again = true;
      return sweeping;
    }
    sweeping = sweep(takeAll).finally(() => {
      sweeping = null;
      if (again && !closed) {
        again = false;
        void runSweep();
      }
    });
    return sweeping;
  }

  return {
    async start({ takeAll }) {
      const taken = await runSweep(takeAll);
      heartbeat = setInterval(() => void renew(), every);
      heartbeat.unref();
      scheduleSweep();
      return taken;
    },
    sweepSoon() {
      if (!closed) void runSweep();
    },
    async close() {
      closed = true;
      clearInterval(heartbeat);
      clearTimeout(sweeper);
      await sweeping;
      await runner.close();
      try {
        const released = await store.release(lease.owner);
        if (released > 0) log.info({ released }, 'released leases for another instance to resume');
      } catch (e) {
        log.warn({ err: e }, 'cannot release leases; they expire on their own');
      }
    },
  };
}
