import fc from 'fast-check';
import type { JsonValue } from '../../model/json.js';
import { catalogDocuments } from './catalogDocuments.js';
import { renderYaml } from './renderYaml.js';
import { yamlStyle, type YamlStyle } from './yamlStyle.js';

/** Generated documents, the style they are written in, and the text. */
export interface YamlFile {
  /** One JSON value per document; the text parses back to exactly these. */
  values: JsonValue[];
  style: YamlStyle;
  text: string;
}

export interface YamlFileOptions {
  /** The documents of the file. Default: {@link catalogDocuments}. */
  documents?: fc.Arbitrary<JsonValue[]>;
  /** The formatting. Default: {@link yamlStyle}. */
  style?: fc.Arbitrary<YamlStyle>;
}

/**
 * A YAML file: documents (one or several) written by {@link renderYaml} in a generated style.
 * `yamlFile({ documents: fc.constant([a, b]) })` writes your own values as a multi-document file.
 */
export function yamlFile(options: YamlFileOptions = {}): fc.Arbitrary<YamlFile> {
  return fc
    .record({ values: options.documents ?? catalogDocuments(), style: options.style ?? yamlStyle() })
    .map(({ values, style }) => ({ values, style, text: renderYaml(values, style) }));
}

/**
 * Writes other documents (e.g. an edited version of `file`) in the style of `file`, with its own
 * layout choices (`seedOffset` varies where comments and blank lines fall).
 */
export function renderLike(file: YamlFile, values: readonly JsonValue[], seedOffset = 0): string {
  return renderYaml(values, { ...file.style, seed: (file.style.seed + seedOffset) >>> 0 });
}
