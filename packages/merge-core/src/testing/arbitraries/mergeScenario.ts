import fc from 'fast-check';
import type { JsonValue } from '../../model/json.js';
import { planEdits, type ValueEdit } from './editPlan.js';
import { formatDetails } from '../formatDetails.js';
import { SEED_RANGE } from './prng.js';
import type { YamlStyle } from './yamlStyle.js';
import { renderLike, yamlFile, type YamlFile } from './yamlFile.js';

/**
 * A three-way merge input: `base`, and `ours` and `theirs` edited independently from it (never in
 * the same place, but for an entry ours removes while theirs edits inside it; in a multi-document file, an entity's `kind` and `metadata.name` are never
 * replaced, though `metadata.name` may be removed), all three written in the base's style with
 * their own layout choices, plus what a law needs to judge the merge.
 */
export interface MergeScenario {
  base: string;
  ours: string;
  theirs: string;
  /** The documents each text holds (one JSON value per document). */
  values: { base: JsonValue[]; ours: JsonValue[]; theirs: JsonValue[] };
  /** The edits that made ours and theirs from base (for failure reports). */
  edits: { ours: ValueEdit[]; theirs: ValueEdit[] };
  /** The formatting style all three texts are written in. */
  style: YamlStyle;
  /** A seed for choosing selections, so a law's choice of changes shrinks and replays with the case. */
  pickSeed: number;
}

export interface MergeScenarioOptions {
  /** Most edits on theirs' side (at least 1 is made). Default 4. */
  theirsEdits?: number;
  /** Most edits on ours' side (0 to this many; with 0, ours is the base text itself). Default 3. */
  oursEdits?: number;
  /** The base file. Default: {@link yamlFile}. */
  base?: fc.Arbitrary<YamlFile>;
}

/**
 * Merge scenarios: theirs changes scalars, adds and removes keys, adds, removes and reorders list
 * elements (columns matched by `name`, sets of strings); ours edits elsewhere, except that in one
 * scenario of four with ours' edits, ours removes an entry (a column, a nested mapping) theirs
 * edits in two or three places: conflicts whose taking re-creates the entry. Without ours edits,
 * `ours` is byte-for-byte `base`.
 */
export function mergeScenario(options: MergeScenarioOptions = {}): fc.Arbitrary<MergeScenario> {
  const maxTheirs = options.theirsEdits ?? 4;
  const maxOurs = options.oursEdits ?? 3;
  if (!(Number.isInteger(maxTheirs) && maxTheirs >= 1)) throw new RangeError(`mergeScenario: theirsEdits must be an integer >= 1, got ${maxTheirs}`);
  if (!(Number.isInteger(maxOurs) && maxOurs >= 0)) throw new RangeError(`mergeScenario: oursEdits must be an integer >= 0, got ${maxOurs}`);
  return fc
    .record({ file: options.base ?? yamlFile(), seed: fc.integer(SEED_RANGE), pickSeed: fc.integer(SEED_RANGE) })
    .map(({ file, seed, pickSeed }) => {
      const plan = planEdits(file.values, seed, maxTheirs, maxOurs);
      const scenario: MergeScenario = {
        base: file.text,
        ours: plan.oursEdits.length === 0 ? file.text : renderLike(file, plan.ours, 1),
        theirs: renderLike(file, plan.theirs, 2),
        values: { base: file.values, ours: plan.ours, theirs: plan.theirs },
        edits: { ours: plan.oursEdits, theirs: plan.theirsEdits },
        style: file.style,
        pickSeed,
      };
      // fast-check prints a counterexample with this: the texts, not every field
      return Object.defineProperty(scenario, fc.toStringMethod, {
        value: () => `mergeScenario(${JSON.stringify({ base: scenario.base, ours: scenario.ours, theirs: scenario.theirs, pickSeed })})`,
      });
    });
}

/**
 * Everything needed to reproduce a failing scenario by hand, one field per line (`base: "..."`,
 * texts as JSON strings); `extra` adds the law's own fields (selection, output).
 */
export function describeScenario(s: MergeScenario, extra: Record<string, unknown> = {}): string {
  const ours = s.ours === s.base ? '(= base)' : s.ours;
  return formatDetails({ base: s.base, ours, theirs: s.theirs, theirsEdits: s.edits.theirs, oursEdits: s.edits.ours, ...extra });
}
