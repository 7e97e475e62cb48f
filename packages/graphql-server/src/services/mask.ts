/**
 * Returns a function replacing every occurrence of the given secret values in a text by `***`.
 * Used on everything the server stores or logs for an operation whose inputs include secrets.
 */
export function secretMasker(secrets: readonly unknown[]): (text: string) => string {
  const values = secrets
    .map((s) => (typeof s === 'string' ? s : typeof s === 'number' ? String(s) : s == null ? '' : JSON.stringify(s)))
    .filter((s) => s.length > 0)
    .sort((a, b) => b.length - a.length);
  if (values.length === 0) return (t) => t;
  return (text) => values.reduce((t, v) => t.split(v).join('***'), text);
}
