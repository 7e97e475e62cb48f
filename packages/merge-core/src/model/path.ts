import { MergeError } from './errors.js';
import { pathProblem } from './validatePath.js';

/**
 * One step of a path.
 * - `key`: a mapping key (`spec`, `["backstage.io/techdocs-ref"]`);
 * - `index`: a sequence position (`[2]`), used for positional (`ordered`) lists;
 * - `keyed`: a sequence element found by identity, the mapping whose field `key` has the scalar
 *   value `value` (`[name=customer_id]`);
 * - `value`: a scalar element of a set-like sequence, found by its own value (`[=pii]`);
 * - `document`: one document of a multi-document file, by entity identity
 *   (`$[component:default/orders]`) or by position (`$[1]`). Only ever the first segment.
 *
 * Element values are compared in their canonical text form (`String(scalar)`), so a keyed segment
 * is stable across runs and unaffected by insertions elsewhere in the list.
 */
export type PathSegment =
  | { kind: 'key'; key: string }
  | { kind: 'index'; index: number }
  | { kind: 'keyed'; key: string; value: string }
  | { kind: 'value'; value: string }
  | { kind: 'document'; id: string };

export type Path = PathSegment[];

const PLAIN_KEY = /^[A-Za-z0-9_$@-]+$/;
const PLAIN_VALUE = /^[^\s"\\[\]=][^"\\[\]]*$/;

function quote(text: string): string {
  return JSON.stringify(text);
}

function formatKey(key: string, first: boolean): string {
  if (PLAIN_KEY.test(key) && key !== '$') return first ? key : `.${key}`;
  return `[${quote(key)}]`;
}

function formatValue(value: string): string {
  return PLAIN_VALUE.test(value) && !/\s$/.test(value) ? value : quote(value);
}

/** Formats one segment as it appears after a preceding segment (or first, when `first`). */
export function formatSegment(segment: PathSegment, first = false): string {
  switch (segment.kind) {
    case 'key':
      return formatKey(segment.key, first);
    case 'index':
      return `[${segment.index}]`;
    case 'keyed':
      return `[${PLAIN_KEY.test(segment.key) ? segment.key : quote(segment.key)}=${formatValue(segment.value)}]`;
    case 'value':
      return `[=${formatValue(segment.value)}]`;
    case 'document':
      return `$[${formatValue(segment.id)}]`;
  }
}

/**
 * Canonical text of a path; `parsePath(formatPath(p))` deep-equals `p` for every path, and the
 * text is the id of a change at that path. The root path is the empty string. Throws a
 * `MergeError` `INVALID_PATH` naming the segment for a value that is not a path.
 */
export function formatPath(path: readonly PathSegment[]): string {
  const bad = pathProblem(path, Infinity);
  if (bad !== null) throw new MergeError('INVALID_PATH', `path${bad.at} ${bad.message}`, { path: `path${bad.at}` });
  let out = '';
  for (let i = 0; i < path.length; i++) out += formatSegment(path[i]!, i === 0);
  return out;
}

class PathReader {
  pos = 0;
  constructor(readonly text: string) {}
  fail(message: string): never {
    throw new MergeError('INVALID_PATH', `${message} at column ${this.pos + 1} of path ${quote(this.text)}`, {
      col: this.pos + 1,
      path: this.text,
    });
  }
  peek(): string | undefined {
    return this.text[this.pos];
  }
  expect(ch: string): void {
    if (this.text[this.pos] !== ch) this.fail(`expected "${ch}"`);
    this.pos++;
  }
  quoted(): string {
    const start = this.pos;
    this.pos++;
    while (this.pos < this.text.length && this.text[this.pos] !== '"') {
      if (this.text[this.pos] === '\\') this.pos++;
      this.pos++;
    }
    if (this.pos >= this.text.length) this.fail('unterminated quoted string');
    this.pos++;
    try {
      return JSON.parse(this.text.slice(start, this.pos)) as string;
    } catch {
      this.pos = start;
      return this.fail('invalid quoted string');
    }
  }
  plainKey(): string {
    const start = this.pos;
    while (this.pos < this.text.length && /[A-Za-z0-9_$@-]/.test(this.text[this.pos]!)) this.pos++;
    if (this.pos === start) this.fail('expected a key');
    return this.text.slice(start, this.pos);
  }
  /** A plain value inside brackets runs to the closing `]`. */
  plainValue(): string {
    const start = this.pos;
    while (this.pos < this.text.length && this.text[this.pos] !== ']') {
      if (/["\\[]/.test(this.text[this.pos]!)) this.fail('unexpected character in element value');
      this.pos++;
    }
    if (this.pos === start) this.fail('expected a value');
    return this.text.slice(start, this.pos);
  }
  value(): string {
    return this.peek() === '"' ? this.quoted() : this.plainValue();
  }
}

/**
 * Parses the text form of a path (see `PathSegment`). Throws a `MergeError` with code
 * `INVALID_PATH` (and the column) on malformed text, or on a value that is not a string: its
 * result has no room for an error, so a bad path text is reported by a (typed) exception.
 */
export function parsePath(text: string): Path {
  if (typeof text !== 'string') throw new MergeError('INVALID_PATH', `a path text must be a string, not ${text === null ? 'null' : typeof text}`);
  const r = new PathReader(text);
  const path: Path = [];
  if (text.startsWith('$[')) {
    r.pos = 2;
    path.push({ kind: 'document', id: r.value() });
    r.expect(']');
  }
  while (r.pos < text.length) {
    const ch = r.peek();
    if (ch === '.') {
      if (path.length === 0) r.fail('unexpected "."');
      r.pos++;
      path.push({ kind: 'key', key: r.plainKey() });
    } else if (ch === '[') {
      r.pos++;
      const c = r.peek();
      if (c === '"') {
        const key = r.quoted();
        if (r.peek() === '=') {
          r.pos++;
          path.push({ kind: 'keyed', key, value: r.value() });
        } else {
          path.push({ kind: 'key', key });
        }
      } else if (c === '=') {
        r.pos++;
        path.push({ kind: 'value', value: r.value() });
      } else if (c !== undefined && /[0-9]/.test(c)) {
        const start = r.pos;
        while (/[0-9]/.test(r.peek() ?? '')) r.pos++;
        if (r.peek() === ']') {
          const digits = text.slice(start, r.pos);
          if (digits.length > 1 && digits.startsWith('0')) r.fail('index with a leading zero');
          path.push({ kind: 'index', index: Number(digits) });
        } else {
          r.pos = start;
          const key = r.plainKey();
          r.expect('=');
          path.push({ kind: 'keyed', key, value: r.value() });
        }
      } else {
        const key = r.plainKey();
        r.expect('=');
        path.push({ kind: 'keyed', key, value: r.value() });
      }
      r.expect(']');
    } else if (path.length === 0) {
      path.push({ kind: 'key', key: r.plainKey() });
    } else {
      r.fail('expected "." or "["');
    }
  }
  return path;
}

export function segmentEqual(a: PathSegment, b: PathSegment): boolean {
  switch (a.kind) {
    case 'key':
      return b.kind === 'key' && a.key === b.key;
    case 'index':
      return b.kind === 'index' && a.index === b.index;
    case 'keyed':
      return b.kind === 'keyed' && a.key === b.key && a.value === b.value;
    case 'value':
      return b.kind === 'value' && a.value === b.value;
    case 'document':
      return b.kind === 'document' && a.id === b.id;
  }
}
