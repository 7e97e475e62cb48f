import fc from 'fast-check';
import { documentsArb, type Json } from './catalogValue.js';
import { renderYaml } from './renderYaml.js';
import { yamlStyleArb, type YamlStyle } from './yamlStyle.js';

/** Generated documents, the style they were written in, and the text. */
export interface YamlDocument {
  docs: Json[];
  style: YamlStyle;
  text: string;
}

/** Catalog-like documents rendered in a generated style. */
export const yamlDocumentArb: fc.Arbitrary<YamlDocument> = fc
  .record({ docs: documentsArb, style: yamlStyleArb })
  .map(({ docs, style }) => ({ docs, style, text: renderYaml(docs, style) }));

/** Renders other documents (e.g. an edited version) in the same style as `doc`. */
export function renderLike(doc: YamlDocument, docs: Json[], seedOffset = 0): string {
  return renderYaml(docs, { ...doc.style, seed: (doc.style.seed + seedOffset) >>> 0 });
}
