/** A change's value as short text for the tree: scalars as written, structures as compact JSON, cut at `max` characters. */
export function describeValue(value: unknown, max = 80): string {
  if (value === undefined) return '(absent)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
