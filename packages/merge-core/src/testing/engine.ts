import type { ApplyResult, ChangeSet, Selection } from '../model/change.js';
import type { ApplyUpdatesResult } from '../apply/applyUpdates.js';
import { applyChanges } from '../apply/applyChanges.js';
import { applyUpdates } from '../apply/applyUpdates.js';
import { merge3 } from '../diff/merge3.js';
import type { Updates } from './arbitraries/catalogUpdates.js';

/**
 * The three functions the laws exercise. Pass your own (a pipeline built on merge-core, with your
 * list rules, post-processing, policy) to check that it keeps the laws. Each must behave like the
 * merge-core function of the same name: same inputs, results of the same shape.
 */
export interface Engine {
  /** Every change theirs makes to base, with its status against ours. */
  merge3(input: { base: string; ours: string; theirs: string }): ChangeSet;
  /** Applies the selected changes (all when `selection` is omitted) to `ours`. */
  applyChanges(ours: string, changeSet: ChangeSet, selection?: Selection): ApplyResult;
  /** Applies a reverse-provisioning `updates` object to `source`. */
  applyUpdates(source: string, updates: Updates): ApplyUpdatesResult;
}

/** merge-core itself, with default options: the engine the laws check unless told otherwise. */
export const mergeCore: Engine = Object.freeze({ merge3, applyChanges, applyUpdates });

/**
 * The engine a law runs: `engine`'s functions, merge-core's for those it leaves out. A member that
 * is present but not a function is misuse and throws a `TypeError`.
 */
export function resolveEngine(engine: Partial<Engine> | undefined): Engine {
  if (engine === undefined) return mergeCore;
  if (typeof engine !== 'object' || engine === null) throw new TypeError('laws: options.engine must be an object with merge3, applyChanges and/or applyUpdates');
  for (const name of ['merge3', 'applyChanges', 'applyUpdates'] as const) {
    if (engine[name] !== undefined && typeof engine[name] !== 'function') throw new TypeError(`laws: options.engine.${name} must be a function`);
  }
  return { ...mergeCore, ...engine };
}
