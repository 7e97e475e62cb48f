import type { Limits } from '../config/securityConfig.js';

/** A reserved place for one running operation: `release` it when the run ends (idempotent). */
export type RunningSlot = { ok: true; release: () => void } | { ok: false; message: string };

/**
 * How many operations run at once on this instance: per caller, per component and in all (the
 * `limits.maxRunningOperations*` settings). A run takes a slot before its adapter is called and
 * gives it back when it ends (completed, failed, cancelled, stopped); the check and the
 * reservation happen together, so the aliases of one request cannot all pass the check at once.
 */
export interface RunningLimits {
  reserve(caller: string, componentRef: string): RunningSlot;
}

export function createRunningLimits(limits: Pick<Limits, 'maxRunningOperationsPerCaller' | 'maxRunningOperationsPerComponent' | 'maxRunningOperations'>): RunningLimits {
  const byCaller = new Map<string, number>();
  const byComponent = new Map<string, number>();
  let total = 0;
  const add = (m: Map<string, number>, k: string, d: number): void => {
    const n = (m.get(k) ?? 0) + d;
    if (n === 0) m.delete(k);
    else m.set(k, n);
  };
  return {
    reserve(caller, componentRef) {
      if (total >= limits.maxRunningOperations) {
        return { ok: false, message: `${total} operations are running on this server, its limit (limits.maxRunningOperations); try again when one has finished` };
      }
      if ((byCaller.get(caller) ?? 0) >= limits.maxRunningOperationsPerCaller) {
        return { ok: false, message: `you have ${limits.maxRunningOperationsPerCaller} operations running, the limit per caller (limits.maxRunningOperationsPerCaller); wait for one to finish or cancel it` };
      }
      if ((byComponent.get(componentRef) ?? 0) >= limits.maxRunningOperationsPerComponent) {
        return { ok: false, message: `${componentRef} has ${limits.maxRunningOperationsPerComponent} operations running, the limit per component (limits.maxRunningOperationsPerComponent); wait for one to finish or cancel it` };
      }
      total++;
      add(byCaller, caller, 1);
      add(byComponent, componentRef, 1);
      let released = false;
      return {
        ok: true,
        release() {
          if (released) return;
          released = true;
          total--;
          add(byCaller, caller, -1);
          add(byComponent, componentRef, -1);
        },
      };
    },
  };
}
