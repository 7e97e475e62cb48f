import { Document, Scalar, type ParsedNode } from 'yaml';
import type { ParsedDocument, ParsedFile } from '../parse/parseYaml.js';

const cache = new WeakMap<ParsedFile, ParsedDocument[]>();

/**
 * The documents edits address: the file's own, or, for a text that has none (empty, blank, or
 * comments only), one empty document whose content starts at the end of the text. So an empty
 * source is one `null` document, as `diff` and `merge3` read it, and writing into it keeps every
 * comment before the new content.
 */
export function editableDocuments(file: ParsedFile): readonly ParsedDocument[] {
  if (file.documents.length > 0) return file.documents;
  let docs = cache.get(file);
  if (!docs) {
    const end = file.text.length;
    const root = new Scalar(null);
    root.range = [end, end, end];
    const doc = new Document() as unknown as Document.Parsed<ParsedNode, true>;
    doc.contents = root as ParsedNode;
    doc.range = [end, end, end];
    cache.set(file, (docs = [{ doc, value: null, index: 0 }]));
  }
  return docs;
}
