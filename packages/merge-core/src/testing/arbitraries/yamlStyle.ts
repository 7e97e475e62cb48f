import fc from 'fast-check';
import { SEED_RANGE } from './prng.js';

/**
 * How a value is written as YAML text. Rates are probabilities per node, drawn from a PRNG seeded
 * with `seed`, so one style renders one value to one text, deterministically.
 */
export interface YamlStyle {
  /** Spaces per nesting level. */
  indent: 2 | 4;
  /** `key:\n- a` instead of `key:\n  - a`. */
  indentlessSeq: boolean;
  /** CRLF line breaks. */
  crlf: boolean;
  /** A line break after the last line (always present after a block scalar). */
  finalNewline: boolean;
  /** `---` before the first document. */
  docStart: boolean;
  /** `%YAML 1.2` directive before the first document (implies `---`). */
  directive: boolean;
  /** Comment lines at the head of each document. */
  headComment: boolean;
  /** Chance of a comment line before a key/item, a trailing comment, an end-of-collection comment. */
  commentRate: number;
  /** Chance of a blank line before an entry. */
  blankRate: number;
  /** Chance that a collection is written in flow style (`{a: 1}`, `[x, y]`); empty ones always are. */
  flowRate: number;
  /** `{ a: 1 }` instead of `{a: 1}`. */
  flowPad: boolean;
  /** Preferred scalar style for strings (falls back where it cannot represent the string). */
  quote: 'plain' | 'double' | 'single' | 'mixed';
  /** Use `|` / `>` block scalars for strings that allow it. */
  blockScalars: boolean;
  /** Chance that a mapping key is quoted. */
  keyQuoteRate: number;
  /** Put an anchor on some string scalars and alias later equal strings. */
  anchors: boolean;
  /** Chance that a non-negative integer is written in hex (`0x1F`). */
  hexRate: number;
  /** Seed of the per-node choices. */
  seed: number;
}

/**
 * Formatting styles: indent 2 or 4, indentless sequences, CRLF, missing final newline, `---` and
 * `%YAML` headers, comments in every position, blank lines, flow collections, every quote style,
 * block scalars, quoted keys, anchors and aliases, hex integers. Shrinks towards the plainest style.
 */
export function yamlStyle(): fc.Arbitrary<YamlStyle> {
  return fc.record({
    indent: fc.constantFrom<2 | 4>(2, 4),
    indentlessSeq: fc.boolean(),
    crlf: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    finalNewline: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    docStart: fc.boolean(),
    directive: fc.oneof({ weight: 6, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    headComment: fc.boolean(),
    commentRate: fc.constantFrom(0, 0.15, 0.4),
    blankRate: fc.constantFrom(0, 0.1, 0.3),
    flowRate: fc.constantFrom(0, 0.15, 0.5),
    flowPad: fc.boolean(),
    quote: fc.constantFrom('plain', 'double', 'single', 'mixed'),
    blockScalars: fc.boolean(),
    keyQuoteRate: fc.constantFrom(0, 0.2),
    anchors: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    hexRate: fc.constantFrom(0, 0.2),
    seed: fc.integer(SEED_RANGE),
  });
}

/** The plainest style: block collections, 2 spaces, plain scalars, no comments (a baseline). */
export const PLAIN_STYLE: Readonly<YamlStyle> = Object.freeze({
  indent: 2,
  indentlessSeq: false,
  crlf: false,
  finalNewline: true,
  docStart: false,
  directive: false,
  headComment: false,
  commentRate: 0,
  blankRate: 0,
  flowRate: 0,
  flowPad: false,
  quote: 'plain',
  blockScalars: false,
  keyQuoteRate: 0,
  anchors: false,
  hexRate: 0,
  seed: 1,
});
