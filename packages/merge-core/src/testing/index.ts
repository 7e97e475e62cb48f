/**
 * @revprov/merge-core/testing: property-based testing for merge-core and for code built on it.
 * Arbitraries generate YAML in many formatting styles, catalog entities, adapter updates and merge
 * scenarios; laws check an engine (merge-core by default, or your pipeline) against them. Needs
 * `fast-check` (a peer dependency, v4). Docs: docs/testing.md.
 */

// arbitraries: formatting → values → texts → updates → merge scenarios
export { yamlStyle, PLAIN_STYLE } from './arbitraries/yamlStyle.js';
export type { YamlStyle } from './arbitraries/yamlStyle.js';
export { renderYaml } from './arbitraries/renderYaml.js';
export { catalogMapping, catalogDocuments } from './arbitraries/catalogDocuments.js';
export { TRICKY_STRINGS } from './arbitraries/vocabulary.js';
export { catalogEntity } from './arbitraries/catalogEntity.js';
export { yamlText } from './arbitraries/yamlText.js';
export { yamlFile } from './arbitraries/yamlFile.js';
export type { YamlFile, YamlFileOptions } from './arbitraries/yamlFile.js';
export { catalogUpdates } from './arbitraries/catalogUpdates.js';
export { adapterUpdates } from './arbitraries/adapterUpdates.js';
export type { Updates } from './arbitraries/catalogUpdates.js';
export { updateCase } from './arbitraries/updateCase.js';
export type { UpdateCase, UpdateCaseOptions } from './arbitraries/updateCase.js';
export type { ValueEdit, ValuePath } from './arbitraries/editPlan.js';
export { mergeScenario, describeScenario } from './arbitraries/mergeScenario.js';
export type { MergeScenario, MergeScenarioOptions } from './arbitraries/mergeScenario.js';

// inspection: independent readings of an engine's output
export { parseDocuments } from './inspect/parseDocuments.js';
export { valueAt } from './inspect/valueAt.js';
export { affectedLines } from './inspect/affectedLines.js';
export { linesKept } from './inspect/linesKept.js';
export type { LinesKept } from './inspect/linesKept.js';

// laws
export { laws } from './laws/laws.js';
export type { LawOptions, ScenarioLawOptions, UpdateLawOptions } from './laws/lawOptions.js';
export type { IdentityOptions } from './laws/identity.js';
export type { LocalityOptions } from './laws/locality.js';
export type { CommutationOptions } from './laws/commutation.js';
export type { ValidityOptions, ValidityCase } from './laws/validity.js';
export { mergeCore, type Engine } from './engine.js';
export { LawViolation } from './lawViolation.js';
