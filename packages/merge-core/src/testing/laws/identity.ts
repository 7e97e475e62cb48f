import fc from 'fast-check';
import { yamlFile } from '../arbitraries/yamlFile.js';
import { resolveEngine } from '../engine.js';
import { formatDetails } from '../formatDetails.js';
import { ensure } from '../lawViolation.js';
import type { LawOptions } from './lawOptions.js';

export interface IdentityOptions extends LawOptions {
  /** The texts. Default: the texts of `yamlFile()` (catalog-like documents in generated styles). */
  texts?: fc.Arbitrary<string>;
}

/**
 * Law identity: merging a text with itself finds no change, and applying that empty change set
 * gives the text back byte for byte: `applyChanges(x, merge3({ base: x, ours: x, theirs: x })).text === x`.
 * Broken by an engine that reformats anything (quotes, indentation, comments, line breaks).
 */
export function identity(options: IdentityOptions = {}): fc.IPropertyWithHooks<[string]> {
  const engine = resolveEngine(options.engine);
  const texts = options.texts ?? yamlFile().map((f) => f.text);
  return fc.property(texts, (text) => {
    const details = (extra: Record<string, unknown> = {}): string => formatDetails({ text, ...extra });
    const cs = engine.merge3({ base: text, ours: text, theirs: text });
    ensure(cs.errors.length === 0, 'identity', 'merge3 reported errors for a valid text', () => details({ errors: cs.errors }));
    ensure(cs.changes.length === 0, 'identity', 'merge3 found changes between identical texts', () => details({ changes: cs.changes }));
    const out = engine.applyChanges(text, cs);
    ensure(out.errors.length === 0, 'identity', 'applyChanges reported errors', () => details({ errors: out.errors }));
    ensure(out.text === text, 'identity', 'applyChanges did not give the text back byte for byte', () => details({ output: out.text }));
  });
}
