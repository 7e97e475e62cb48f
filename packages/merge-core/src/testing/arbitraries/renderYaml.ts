import { parse } from 'yaml';
import type { JsonObject, JsonValue } from '../../model/json.js';
import { prng } from './prng.js';
import type { YamlStyle } from './yamlStyle.js';

/**
 * Writes documents (one JSON value each) as one YAML text in the given style, by hand (not with
 * the `yaml` stringifier), so the engine sees formatting no serializer produces: mixed quoting,
 * comments in every position, blank lines, flow collections inside block ones, block scalars,
 * anchors and aliases, CRLF. Deterministic: one style (seed included) gives one text.
 * Contract: parsing the text (YAML 1.2 core schema, aliases resolved) gives `docs` back, for any
 * JSON values with finite numbers; strings that look like other types are quoted.
 */
export function renderYaml(docs: readonly JsonValue[], style: YamlStyle): string {
  const r = new Renderer(style);
  docs.forEach((doc, i) => r.document(doc, i));
  let text = r.lines.join('\n');
  if (style.finalNewline || r.lastWasBlockContent || text === '') text += '\n';
  return style.crlf ? text.replace(/\n/g, '\r\n') : text;
}

const COMMENTS = ['# note', '#tight', '# key: value', '# - item', '#   spaced  out', '# ünïcode ✓', '# TODO: fix'];

const Q = { logLevel: 'error' } as const;

/** Longer keys are written as explicit keys (`? key`): YAML limits implicit keys to 1024 characters. */
const MAX_IMPLICIT_KEY = 1000;

const plainCache = new Map<string, boolean>();

/** True when `s` can be written as a plain scalar in block and flow context, also before ` # c`. */
function plainSafe(s: string): boolean {
  const cached = plainCache.get(s);
  if (cached !== undefined) return cached;
  let ok = s !== '' && !/[\n\r\t]/.test(s) && s === s.trim() && !/[,[\]{}]/.test(s);
  if (ok) {
    try {
      ok =
        parse(`k: ${s}`, Q)['k'] === s &&
        parse(`k: ${s} # c`, Q)['k'] === s &&
        (parse(`- ${s}`, Q) as unknown[])[0] === s &&
        (parse(`[${s}, x]`, Q) as unknown[])[0] === s &&
        (parse(`{k: ${s}, j: x}`, Q) as Record<string, unknown>)['k'] === s;
    } catch {
      ok = false;
    }
  }
  plainCache.set(s, ok);
  return ok;
}

const keyCache = new Map<string, boolean>();

/** True when `k` can also be written as a plain mapping key (`--- x` cannot: it starts a document). */
function plainKeySafe(k: string): boolean {
  const cached = keyCache.get(k);
  if (cached !== undefined) return cached;
  let ok = plainSafe(k);
  if (ok) {
    try {
      const own = (m: unknown): boolean => typeof m === 'object' && m !== null && Object.prototype.hasOwnProperty.call(m, k) && (m as Record<string, unknown>)[k] === 'x';
      ok = own(parse(`${k}: x`, Q)) && own(parse(`{${k}: x}`, Q)) && own((parse(`- ${k}: x`, Q) as unknown[])[0]);
    } catch {
      ok = false;
    }
  }
  keyCache.set(k, ok);
  return ok;
}

/** True when a plain scalar `s` reads as itself alone on a line at the root (`%x`, `--- x` do not). */
function rootSafe(s: string): boolean {
  try {
    return parse(s, Q) === s;
  } catch {
    return false;
  }
}

/** Printable in YAML without escapes (no control characters other than newline). */
function printable(s: string): boolean {
  return !/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\t]/.test(s);
}

/** A single-quoted scalar keeps `s` as is: printable, on one line. */
function singleSafe(s: string): boolean {
  return printable(s) && !s.includes('\n');
}

function singleQuoted(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/**
 * A double-quoted scalar for any string: JSON's escapes (YAML accepts them all), plus escapes for
 * what YAML may not hold raw (C1 controls, line and paragraph separators, BOM, non-characters).
 */
function doubleQuoted(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function isObject(v: JsonValue): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

class Renderer {
  readonly lines: string[] = [];
  lastWasBlockContent = false;
  private lastKeep = false;
  private readonly rand: () => number;
  private anchors = new Map<string, string>();
  private anchorCount = 0;

  constructor(readonly style: YamlStyle) {
    this.rand = prng(style.seed);
  }

  private chance(p: number): boolean {
    return p > 0 && this.rand() < p;
  }
  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rand() * items.length)]!;
  }
  private emit(line: string, blockContent = false): void {
    this.lines.push(line);
    this.lastWasBlockContent = blockContent;
    if (!blockContent) this.lastKeep = false;
  }
  private pad(n: number): string {
    return ' '.repeat(n);
  }
  private comment(): string {
    return this.pick(COMMENTS);
  }
  /** Leading decoration of an entry: blank line and/or a comment line at `indent`. */
  private before(indent: number, first: boolean): void {
    if (!first && !this.lastKeep && this.chance(this.style.blankRate)) this.emit('');
    if (this.chance(this.style.commentRate)) this.emit(this.pad(indent) + this.comment());
  }
  private trailing(): string {
    return this.chance(this.style.commentRate) ? ' ' + this.comment() : '';
  }

  document(doc: JsonValue, index: number): void {
    const s = this.style;
    if (index === 0) {
      if (s.headComment) {
        this.emit('# generated document');
        if (this.chance(0.5)) this.emit('');
      }
      if (s.directive) this.emit('%YAML 1.2');
      if (s.docStart || s.directive) this.emit('---' + (this.chance(this.style.commentRate) ? ' # doc' : ''));
    } else {
      this.emit('---');
      if (s.headComment) this.emit('# document ' + (index + 1));
    }
    this.anchors = new Map();
    if (isObject(doc) && Object.keys(doc).length > 0) this.blockMapping(doc, 0);
    else if (Array.isArray(doc) && doc.length > 0) this.blockSequence(doc, 0);
    else {
      const text = this.flow(doc);
      this.emit(typeof doc === 'string' && text === doc && !rootSafe(doc) ? doubleQuoted(doc) : text);
    }
  }

  private key(k: string): string {
    if (this.chance(this.style.keyQuoteRate) || !plainKeySafe(k)) {
      return this.chance(0.5) || !singleSafe(k) ? doubleQuoted(k) : singleQuoted(k);
    }
    return k;
  }

  private wantsFlow(v: JsonValue): boolean {
    if (isObject(v)) return Object.keys(v).length === 0 || this.chance(this.style.flowRate);
    if (Array.isArray(v)) return v.length === 0 || this.chance(this.style.flowRate);
    return false;
  }

  private blockMapping(map: JsonObject, indent: number, compactFirst = false): void {
    const keys = Object.keys(map);
    keys.forEach((k, i) => {
      const first = i === 0;
      if (!(first && compactFirst)) this.before(indent, first);
      const lead = first && compactFirst ? '' : this.pad(indent);
      const key = this.key(k);
      if (key.length <= MAX_IMPLICIT_KEY) {
        this.value(map[k]!, lead + key + ':', indent, true);
      } else {
        this.emit(`${lead}? ${key}`);
        this.value(map[k]!, this.pad(indent) + ':', indent, false);
      }
    });
    if (keys.length > 0 && this.chance(this.style.commentRate / 2)) this.emit(this.pad(indent) + '# end of mapping');
  }

  private blockSequence(seq: JsonValue[], indent: number): void {
    seq.forEach((item, i) => {
      this.before(indent, i === 0);
      const dash = this.pad(indent) + '-';
      if (isObject(item) && !this.wantsFlow(item) && this.chance(0.85)) {
        // compact nested mapping: `- a: 1\n  b: 2`
        const start = this.lines.length;
        this.blockMapping(item, indent + 2, true);
        this.lines[start] = dash + ' ' + this.lines[start]!;
        return;
      }
      this.value(item, dash, indent, false);
    });
    if (seq.length > 0 && this.chance(this.style.commentRate / 2)) this.emit(this.pad(indent) + '# end of list');
  }

  /** Writes `head` (a `key:` or `-`) followed by the value, on as many lines as needed. */
  private value(v: JsonValue, head: string, indent: number, inMapping: boolean): void {
    const step = this.style.indent;
    if (isObject(v) || Array.isArray(v)) {
      if (this.wantsFlow(v)) {
        this.emit(`${head} ${this.flow(v)}${this.trailing()}`);
      } else if (isObject(v)) {
        this.emit(head + this.trailing());
        this.blockMapping(v, indent + step);
      } else {
        this.emit(head + this.trailing());
        this.blockSequence(v, inMapping && this.style.indentlessSeq ? indent : indent + step);
      }
      return;
    }
    if (typeof v === 'string' && this.style.blockScalars && this.blockScalar(v, head, indent + step)) return;
    if (v === null && this.chance(0.3)) {
      this.emit(head + this.trailing());
      return;
    }
    this.emit(`${head} ${this.scalar(v, false)}${this.trailing()}`);
  }

  /** `|` for multi-line strings, `>` folded for long single-line ones; false when unsuitable. */
  private blockScalar(s: string, head: string, contentIndent: number): boolean {
    if (s === '' || !printable(s) || /^[ \n]/.test(s) || /[ ]$/.test(s)) return false;
    const body = s.replace(/\n+$/, '');
    const trailingNewlines = s.length - body.length;
    const chomp = trailingNewlines === 0 ? '-' : trailingNewlines === 1 ? '' : '+';
    const pad = this.pad(contentIndent);
    if (s.includes('\n')) {
      if (body.split('\n').some((l) => /^\s+$/.test(l) || /\s$/.test(l))) return false;
      this.emit(`${head} |${chomp}${this.trailing()}`);
      for (const line of body.split('\n')) this.emit(line === '' ? '' : pad + line, true);
      for (let i = 1; i < trailingNewlines; i++) this.emit('', true);
      this.lastKeep = chomp === '+';
      return true;
    }
    if (!s.includes(' ') || / {2}/.test(s) || !this.chance(0.5)) return false;
    // folded: break at single spaces; each break folds back into one space
    const words = s.split(' ');
    const cut = 1 + Math.floor(this.rand() * (words.length - 1));
    this.emit(`${head} >-${this.trailing()}`);
    this.emit(pad + words.slice(0, cut).join(' '), true);
    this.emit(pad + words.slice(cut).join(' '), true);
    return true;
  }

  private scalar(v: JsonValue, inFlow: boolean): string {
    if (v === null) return this.pick(inFlow ? ['null', '~'] : ['null', '~', 'Null']);
    if (typeof v === 'boolean') return this.chance(0.2) ? (v ? 'True' : 'False') : String(v);
    if (typeof v === 'number') {
      if (Number.isSafeInteger(v) && v >= 0 && this.chance(this.style.hexRate)) return '0x' + v.toString(16).toUpperCase();
      return String(v);
    }
    if (typeof v !== 'string') throw new Error('not a scalar');
    if (this.style.anchors && v !== '') {
      const name = this.anchors.get(v);
      if (name !== undefined && this.chance(0.7)) return '*' + name;
      if (name === undefined && this.chance(0.3)) {
        const fresh = `a${++this.anchorCount}`;
        this.anchors.set(v, fresh);
        return `&${fresh} ${this.quoted(v)}`;
      }
    }
    return this.quoted(v);
  }

  private quoted(s: string): string {
    const style = this.style.quote === 'mixed' ? this.pick(['plain', 'double', 'single'] as const) : this.style.quote;
    if (style === 'plain' && plainSafe(s)) return s;
    if (style === 'single' && singleSafe(s)) return singleQuoted(s);
    if (plainSafe(s) && style === 'plain') return s;
    return doubleQuoted(s);
  }

  private flowKey(k: string): string {
    const key = this.key(k);
    return key.length <= MAX_IMPLICIT_KEY ? key : `? ${key} `;
  }

  private flow(v: JsonValue): string {
    const [open, close] = this.style.flowPad ? ['{ ', ' }'] : ['{', '}'];
    if (isObject(v)) {
      const keys = Object.keys(v);
      if (keys.length === 0) return '{}';
      return open + keys.map((k) => `${this.flowKey(k)}: ${this.flow(v[k]!)}`).join(', ') + close;
    }
    if (Array.isArray(v)) {
      if (v.length === 0) return '[]';
      const [o, c] = this.style.flowPad ? ['[ ', ' ]'] : ['[', ']'];
      return o + v.map((x) => this.flow(x)).join(', ') + c;
    }
    return this.scalar(v, true);
  }
}
