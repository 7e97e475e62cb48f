import { commutation } from './commutation.js';
import { convergence } from './convergence.js';
import { idempotence } from './idempotence.js';
import { identity } from './identity.js';
import { locality } from './locality.js';
import { noop } from './noop.js';
import { validity } from './validity.js';

/**
 * The laws of the merge engine (docs/merge-engine.md §5), each a function `(options?) =>` fast-check
 * property: `fc.assert(laws.locality())` checks merge-core, `fc.assert(laws.locality({ engine }))`
 * checks your pipeline. A broken law fails with a `LawViolation` naming what did not hold and the
 * case; fast-check shrinks it and prints the seed and path that replay it.
 */
export const laws = Object.freeze({ identity, noop, convergence, locality, commutation, idempotence, validity });
