import { parse } from 'yaml';

/** True when a catalog-info text is a skeleton (first line `%SKELETON`). */
export function isSkeleton(text: string): boolean {
  return /^\uFEFF?%SKELETON\b/.test(text);
}

const PLACEHOLDER = /\$?\{\{\s*([A-Za-z_][\w]*(?:\.[A-Za-z_][\w-]*)*)\s*\}\}/g;

/**
 * Renders a skeleton catalog-info with the values of `parameters.yaml` beside it: the `%SKELETON`
 * line is dropped and each `{{ section.a.b }}` / `${{ section.a.b }}` placeholder is replaced by the
 * value at that path of parameters.yaml (a bare `{{ a.b }}` is looked up in `parameters`, `values`,
 * `readonly`, `environmentParameters` in that order). Objects and lists render as JSON (valid YAML
 * flow). Unknown placeholders are left as written. Supports the placeholder subset only, not
 * template filters or control flow.
 */
export function renderSkeleton(skeleton: string, parametersYaml: string | null): string {
  let params: unknown = {};
  try {
    params = parametersYaml ? (parse(parametersYaml) ?? {}) : {};
  } catch {
    params = {};
  }
  const body = skeleton.replace(/^\uFEFF?%SKELETON[^\n]*\n?/, '');
  return body.replace(PLACEHOLDER, (whole, expr: string) => {
    const keys = expr.split('.');
    const sections = ['parameters', 'values', 'readonly', 'environmentParameters'];
    const candidates = sections.includes(keys[0] ?? '') ? [keys] : sections.map((s) => [s, ...keys]);
    for (const c of candidates) {
      const v = lookup(params, c);
      if (v !== undefined) return v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v);
    }
    return whole;
  });
}

function lookup(value: unknown, keys: string[]): unknown {
  let cur = value;
  for (const k of keys) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur) || !Object.prototype.hasOwnProperty.call(cur, k)) return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}
