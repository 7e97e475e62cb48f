/** What the review shows for a secret: always the same mask, so neither the value nor its length shows. */
export const SECRET_MASK = '••••••••';

/** A form value as review text: secrets masked, empty values as "(empty)", structures as JSON. */
export function displayValue(value: unknown, secret: boolean): string {
  if (value === undefined || value === null || value === '') return '(empty)';
  if (secret) return SECRET_MASK;
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
