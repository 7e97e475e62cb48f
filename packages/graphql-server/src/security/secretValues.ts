/** What a text that held a secret value is replaced with: fixed, so nothing about the secret shows. */
export const WITHHELD = '[withheld: this message contained the value of a secret parameter]';
/** What an object key that held a secret value is replaced with. */
export const WITHHELD_KEY = '[withheld key]';

/**
 * The values of a run's secret parameters, and what keeps them out of everything recorded. A text
 * matches when it contains a secret anywhere, as written or as an adapter may have encoded it
 * (JSON-escaped, doubly JSON-escaped, URL-encoded): glued to other characters, cut short by a
 * later truncation, in any field. A matching text is replaced whole by `WITHHELD`, so neither the
 * secret's length nor its position shows and no other text is altered. The price of matching
 * anywhere: a secret of one or two characters withholds most lines (which is safe, never a leak).
 */
export interface SecretValues {
  /** True when no secret was given (nothing to look for). */
  readonly none: boolean;
  /** True when `text` contains a secret value (in any of its encoded forms). */
  appearsIn(text: string): boolean;
  /** `text`, or `WITHHELD` when a secret appears in it. */
  redact(text: string): string;
  /**
   * A copy of a JSON value where every string (and number or boolean, as text) holding a secret is
   * `WITHHELD` and every such key `WITHHELD_KEY`; the top-level keys in `keep` are left as they
   * are (an answer's `updates`, which are refused rather than redacted).
   */
  scrub(value: unknown, keep?: readonly string[]): unknown;
  /**
   * Where secrets appear in a JSON value (keys and scalar values, numbers and booleans as text),
   * as paths like `["spec.x"].token`: names the place, never the value.
   */
  findIn(value: unknown, root: string): string[];
}

/** The forms a secret may take in an adapter's texts: as is, JSON-escaped (once, twice), URL-encoded. */
function encodedForms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const json2 = JSON.stringify(json).slice(1, -1);
  let url = secret;
  try {
    url = encodeURIComponent(secret);
  } catch {
    // a lone surrogate: no URL form
  }
  return [secret, json, json2, url, url.replace(/%20/g, '+')];
}

/** Collects the secret values (strings, numbers; empty strings ignored) of one run. */
export function secretValues(values: readonly unknown[]): SecretValues {
  const secrets = [...new Set(values.filter((v) => typeof v === 'string' || typeof v === 'number').map(String).filter((s) => s !== ''))];
  const needles = [...new Set(secrets.flatMap(encodedForms))];
  const appearsIn = (text: string): boolean => needles.some((n) => text.includes(n));
  const scrubValue = (v: unknown): unknown => {
    if (v === null || v === undefined) return v;
    if (typeof v !== 'object') return appearsIn(String(v)) ? WITHHELD : v;
    if (Array.isArray(v)) return v.map(scrubValue);
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [appearsIn(k) ? WITHHELD_KEY : k, scrubValue(x)]));
  };
  return {
    none: secrets.length === 0,
    appearsIn,
    redact: (text) => (secrets.length > 0 && appearsIn(text) ? WITHHELD : text),
    scrub(value, keep = []) {
      if (secrets.length === 0) return value;
      if (value === null || typeof value !== 'object' || Array.isArray(value) || keep.length === 0) return scrubValue(value);
      return Object.fromEntries(Object.entries(value).map(([k, x]) => (keep.includes(k) ? [k, x] : [appearsIn(k) ? WITHHELD_KEY : k, scrubValue(x)])));
    },
    findIn(value, root) {
      if (secrets.length === 0) return [];
      const hits: string[] = [];
      const stack: [unknown, string][] = [[value, root]];
      while (stack.length > 0) {
        const [v, at] = stack.pop() as [unknown, string];
        if (v === null || v === undefined) continue;
        if (typeof v !== 'object') {
          if (appearsIn(String(v))) hits.push(at);
          continue;
        }
        // a key holding a secret is named by its position, never by itself
        const step = (k: string, i: number): string => (appearsIn(k) ? `[key ${i}]` : `[${JSON.stringify(k)}]`);
        const entries: [string, unknown][] = Array.isArray(v) ? v.map((x, i) => [`[${i}]`, x]) : Object.entries(v).map(([k, x], i) => [step(k, i), x]);
        if (!Array.isArray(v)) Object.keys(v).forEach((k, i) => appearsIn(k) && hits.push(`${at}${step(k, i)} (a key)`));
        for (const [step, x] of entries) stack.push([x, `${at}${step}`]);
      }
      return hits.sort();
    },
  };
}
