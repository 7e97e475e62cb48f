/** What a log line that mentioned a secret value is replaced with: fixed, so nothing about the secret shows. */
export const WITHHELD = '[withheld: this message contained the value of a secret parameter]';

const WORD = /[\p{L}\p{N}_]/u;

/**
 * The values of a run's secret parameters, matched as whole values: a text matches when it equals
 * a secret or contains it as a whole token (not inside a longer word: the secret `a` matches
 * `token a` but not `table`). A matching log line is replaced whole by `WITHHELD`, so neither the
 * secret's length nor its position shows and no other text is altered, whatever the secret is.
 */
export interface SecretValues {
  /** True when no secret was given (nothing to look for). */
  readonly none: boolean;
  /** True when `text` is, or contains as a whole token, a secret value. */
  appearsIn(text: string): boolean;
  /** `text`, or `WITHHELD` when a secret appears in it. */
  redact(text: string): string;
  /**
   * Where secrets appear in a JSON value (keys and scalar values, numbers and booleans as text),
   * as paths like `["spec.x"].token`: names the place, never the value.
   */
  findIn(value: unknown, root: string): string[];
}

/** Collects the secret values (strings, numbers; empty strings ignored) of one run. */
export function secretValues(values: readonly unknown[]): SecretValues {
  const secrets = [...new Set(values.filter((v) => typeof v === 'string' || typeof v === 'number').map(String).filter((s) => s !== ''))];
  const appearsIn = (text: string): boolean => secrets.some((s) => containsToken(text, s));
  return {
    none: secrets.length === 0,
    appearsIn,
    redact: (text) => (secrets.length > 0 && appearsIn(text) ? WITHHELD : text),
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
        const entries: [string, unknown][] = Array.isArray(v) ? v.map((x, i) => [`[${i}]`, x]) : Object.entries(v).map(([k, x]) => [`[${JSON.stringify(k)}]`, x]);
        if (!Array.isArray(v)) for (const k of Object.keys(v)) if (appearsIn(k)) hits.push(`${at} (a key)`);
        for (const [step, x] of entries) stack.push([x, `${at}${step}`]);
      }
      return hits.sort();
    },
  };
}

/** True when `secret` occurs in `text` with no word character joined to it on either side. */
function containsToken(text: string, secret: string): boolean {
  const startsWord = WORD.test(secret.charAt(0));
  const endsWord = WORD.test(secret.charAt(secret.length - 1));
  for (let i = text.indexOf(secret); i !== -1; i = text.indexOf(secret, i + 1)) {
    const before = i === 0 ? '' : text.charAt(i - 1);
    const after = text.charAt(i + secret.length);
    if ((!startsWord || !WORD.test(before)) && (!endsWord || !WORD.test(after))) return true;
  }
  return false;
}
