import { MergeError } from '../model/errors.js';

/**
 * RFC 6901 JSON Pointers. `parseJsonPointer('/a~1b/0')` is `['a/b', '0']`; the empty pointer `''`
 * is the whole document; a value that is not a string is an `INVALID_POINTER` error too. Tokens stay strings: whether `0` is an array index or an object key is
 * decided against the document (see `arrayIndex`).
 */
export function parseJsonPointer(pointer: string): string[] | MergeError {
  if (typeof pointer !== 'string') return new MergeError('INVALID_POINTER', `a JSON Pointer must be a string, not ${pointer === null ? 'null' : typeof pointer}`);
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) {
    return new MergeError('INVALID_POINTER', `JSON Pointer ${JSON.stringify(pointer)} must be empty or start with "/"`, {
      path: pointer,
    });
  }
  const tokens: string[] = [];
  for (const raw of pointer.slice(1).split('/')) {
    if (/~(?![01])/.test(raw)) {
      return new MergeError('INVALID_POINTER', `JSON Pointer ${JSON.stringify(pointer)} has a "~" not followed by 0 or 1`, {
        path: pointer,
      });
    }
    tokens.push(raw.replace(/~1/g, '/').replace(/~0/g, '~'));
  }
  return tokens;
}

/**
 * Formats reference tokens as an RFC 6901 pointer (`~` → `~0`, `/` → `~1`). Throws a `MergeError`
 * `INVALID_POINTER` for a value that is not an array of strings and numbers (its result has no
 * room for an error).
 */
export function formatJsonPointer(tokens: readonly (string | number)[]): string {
  if (!Array.isArray(tokens) || !tokens.every((t) => typeof t === 'string' || typeof t === 'number')) {
    throw new MergeError('INVALID_POINTER', 'JSON Pointer tokens must be an array of strings and numbers');
  }
  let out = '';
  for (const t of tokens) out += '/' + String(t).replace(/~/g, '~0').replace(/\//g, '~1');
  return out;
}

/**
 * The array index a token denotes in an array of `length` elements, per RFC 6901 §4 (decimal, no
 * leading zeros, no sign or exponent). `-` is `length` (the append position) only when `allowEnd`.
 * Returns `null` for a token that is not a valid index.
 */
export function arrayIndex(token: string, length: number, allowEnd: boolean): number | null {
  if (token === '-') return allowEnd ? length : null;
  if (!/^(0|[1-9][0-9]*)$/.test(token)) return null;
  const index = Number(token);
  if (!Number.isSafeInteger(index)) return null;
  if (index > length || (index === length && !allowEnd)) return null;
  return index;
}
