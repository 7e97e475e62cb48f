/** Why a file's bytes are not UTF-8 text: where (0-based byte offset, 1-based line) and what. */
export interface EncodingProblem {
  offset: number;
  line: number;
  /** What was found there and, when the bytes show it, the file's real encoding and how to convert it. */
  message: string;
}

/** The decoded text, or the first place the bytes are not UTF-8 text. */
export type DecodedText = { text: string; problem?: undefined } | { text?: undefined; problem: EncodingProblem };

// ignoreBOM keeps a UTF-8 byte order mark in the text (as U+FEFF), where the engine expects it.
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Byte order marks of the encodings that are not UTF-8, longest first (FF FE 00 00 before FF FE). */
const BOMS: readonly { encoding: string; bytes: readonly number[] }[] = [
  { encoding: 'UTF-32LE', bytes: [0xff, 0xfe, 0x00, 0x00] },
  { encoding: 'UTF-32BE', bytes: [0x00, 0x00, 0xfe, 0xff] },
  { encoding: 'UTF-16LE', bytes: [0xff, 0xfe] },
  { encoding: 'UTF-16BE', bytes: [0xfe, 0xff] },
];

/** How a file without a byte order mark starts in each encoding when its first character is ASCII (YAML 1.2, 5.2). */
const NUL_PATTERNS: readonly { encoding: string; test: (b: Uint8Array) => boolean }[] = [
  { encoding: 'UTF-32BE', test: (b) => b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0 && b[3] !== 0 },
  { encoding: 'UTF-32LE', test: (b) => b.length >= 4 && b[0] !== 0 && b[1] === 0 && b[2] === 0 && b[3] === 0 },
  { encoding: 'UTF-16BE', test: (b) => b.length >= 2 && b[0] === 0 && b[1] !== 0 },
  { encoding: 'UTF-16LE', test: (b) => b.length >= 2 && b[0] !== 0 && b[1] === 0 },
];

const hex = (bytes: Uint8Array) => [...bytes].map((x) => x.toString(16).toUpperCase().padStart(2, '0')).join(' ');

/**
 * Decodes `bytes` as UTF-8 text, strictly: an ill-formed sequence (a byte of another 8-bit
 * encoding such as Latin-1, an overlong form, a surrogate, a truncated character), a NUL byte
 * (which no YAML or JSON text holds; in practice UTF-16/32 or a binary file) or a UTF-16/32 byte
 * order mark is a problem at its byte offset, never a replacement character. A UTF-8 byte order
 * mark is kept in the text. Valid input decodes to the string whose UTF-8 encoding is `bytes`.
 */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  const bom = BOMS.find((m) => m.bytes.every((x, i) => bytes[i] === x));
  if (bom) {
    const message = `not UTF-8: a ${bom.encoding} byte order mark (${hex(Uint8Array.from(bom.bytes))}); ${convert(bom.encoding.slice(0, 6))}`;
    return { problem: { offset: 0, line: 1, message } };
  }
  let text: string | undefined;
  try {
    text = strict.decode(bytes);
  } catch {
    // reported below, with the offset the decoder does not give
  }
  const invalid = text === undefined ? firstIllFormed(bytes) : null;
  const nul = bytes.indexOf(0);
  if (nul !== -1 && (invalid === null || nul < invalid.offset)) {
    const guess = NUL_PATTERNS.find((p) => p.test(bytes));
    const why = guess ? `(the file looks like ${guess.encoding} without a byte order mark); ${convert(guess.encoding)}` : '(no YAML or JSON text has one: a binary file?)';
    return { problem: { offset: nul, line: lineAt(bytes, nul), message: `not UTF-8 text: a NUL byte ${why}` } };
  }
  if (invalid !== null) {
    const { offset, length } = invalid;
    const seq = hex(bytes.subarray(offset, offset + length));
    const what = offset + length > bytes.length ? `the file ends inside the character ${seq}` : `the bytes ${seq}`;
    const message = `not valid UTF-8 (${what}); ${convert(null)}`;
    return { problem: { offset, line: lineAt(bytes, offset), message } };
  }
  return { text: text! };
}

function convert(encoding: string | null): string {
  return `revprov reads UTF-8 only: convert the file first, e.g. iconv -f ${encoding ?? '<its encoding>'} -t UTF-8`;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * The first ill-formed sequence (Unicode Table 3-7, as the WHATWG decoder reads it): its offset
 * and the bytes up to and including the one that made it ill-formed.
 */
function firstIllFormed(b: Uint8Array): { offset: number; length: number } | null {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let more: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) more = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      more = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      more = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return { offset: i, length: 1 };
    for (let k = 1; k <= more; k++) {
      const d = b[i + k];
      if (d === undefined || d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) return { offset: i, length: k + 1 };
    }
    i += more + 1;
  }
  return null;
}
