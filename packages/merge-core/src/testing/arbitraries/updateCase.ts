import fc from 'fast-check';
import type { JsonValue } from '../../model/json.js';
import { catalogUpdates, type Updates } from './catalogUpdates.js';
import { yamlFile, type YamlFile } from './yamlFile.js';

/** A source text, the document value it holds, and the `updates` to apply to it. */
export interface UpdateCase {
  source: string;
  /** The value of the source's (first) document. */
  value: JsonValue;
  updates: Updates;
}

export interface UpdateCaseOptions {
  /** Source files; only their first document is updated. Default: one-document {@link yamlFile}s. */
  sources?: fc.Arbitrary<YamlFile>;
  /** The updates for a document value. Default: {@link catalogUpdates}. */
  updates?: (value: JsonValue) => fc.Arbitrary<Updates>;
}

/**
 * Inputs of `applyUpdates`: a generated file and an `updates` object drawn for its document.
 * `updateCase({ sources: yamlFile({ documents: catalogEntity().map((e) => [e]) }), updates: adapterUpdates })`
 * gives realistic reverse-provisioning inputs.
 */
export function updateCase(options: UpdateCaseOptions = {}): fc.Arbitrary<UpdateCase> {
  const sources = options.sources ?? yamlFile().filter((f) => f.values.length === 1);
  const updatesOf = options.updates ?? catalogUpdates;
  return sources.chain((file) => {
    const value = file.values[0] ?? null;
    return updatesOf(value).map((updates) =>
      // fast-check prints a counterexample with this: the source and the updates
      Object.defineProperty({ source: file.text, value, updates }, fc.toStringMethod, {
        value: () => `updateCase(${JSON.stringify({ source: file.text, updates })})`,
      }),
    );
  });
}
