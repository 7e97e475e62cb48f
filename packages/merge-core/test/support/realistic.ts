import type fc from 'fast-check';
import { adapterUpdates, catalogEntity, mergeScenario, updateCase, yamlFile, type MergeScenario, type UpdateCase, type YamlFile } from '@revprov/merge-core/testing';

/** One realistic catalog entity per file, in a generated style. */
export const entityFiles: fc.Arbitrary<YamlFile> = yamlFile({ documents: catalogEntity().map((e) => [e]) });

/** Reverse provisioning as it happens: a realistic entity and the updates a tech adapter sends for it. */
export const adapterCases: fc.Arbitrary<UpdateCase> = updateCase({ sources: entityFiles, updates: adapterUpdates });

/** Merge scenarios on realistic entities. */
export function entityScenarios(theirsEdits: number, oursEdits: number): fc.Arbitrary<MergeScenario> {
  return mergeScenario({ theirsEdits, oursEdits, base: entityFiles });
}
