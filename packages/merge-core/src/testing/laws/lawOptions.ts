import type fc from 'fast-check';
import type { MergeScenario } from '../arbitraries/mergeScenario.js';
import type { UpdateCase } from '../arbitraries/updateCase.js';
import type { Engine } from '../engine.js';

/** Options every law takes. */
export interface LawOptions {
  /**
   * The engine under test: your pipeline's `merge3`, `applyChanges` and/or `applyUpdates`; the
   * functions you leave out are merge-core's. Default: merge-core itself.
   */
  engine?: Partial<Engine>;
}

/** Options of the laws that judge three-way merges. */
export interface ScenarioLawOptions extends LawOptions {
  /** The merge inputs. Default: `mergeScenario()` with the law's own edit counts (see each law). */
  scenarios?: fc.Arbitrary<MergeScenario>;
}

/** Options of the laws that judge `applyUpdates`. */
export interface UpdateLawOptions extends LawOptions {
  /** The `applyUpdates` inputs. Default: `updateCase()`. */
  updateCases?: fc.Arbitrary<UpdateCase>;
}
