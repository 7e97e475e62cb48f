/** Errors print as `CODE: message` (an Error's own fields are not enumerable, JSON would drop them). */
function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return `${typeof code === 'string' ? code : value.name}: ${value.message}`;
  }
  return value;
}

/**
 * The fields of a failing case, one per line as `name: <JSON>`: texts stay on one line with their
 * line breaks, CRs and quotes visible, and can be pasted into a test as string literals.
 * Undefined fields are left out.
 */
export function formatDetails(fields: Record<string, unknown>): string {
  return Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${JSON.stringify(v, replacer)}`)
    .join('\n');
}
