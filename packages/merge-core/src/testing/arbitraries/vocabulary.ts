/**
 * The words generated catalog data is made of. Keys and values come from catalog files; many of
 * the strings look like another type or like YAML syntax, because those are what careless writers
 * get wrong.
 */

/**
 * Strings that a careless writer turns into another type or into broken YAML: booleans of
 * YAML 1.1, numbers, null, hex, indicators, comment markers, leading/trailing spaces, multi-line.
 */
export const TRICKY_STRINGS: readonly string[] = [
  'yes', 'no', 'on', 'off', 'true', 'False', 'null', 'NULL', '~', '',
  '1.0', '1', '-1', '007', '0x1F', '0o17', '1e3', '.inf', '-.nan', '2024-01-01',
  '  leading spaces', 'trailing space ', 'a: b', 'a #b', '# not a comment', '- dash', '[x]', '{y}',
  '*star', '&amp', '!tag', '%pct', '@at', '`tick', '"dq"', "'sq'", 'a,b', '?q', ': c', 'x:', '|', '>',
  'multi\nline', 'multi\nline\n', 'three\n\nlines\n', 'ends in blank\n\n', 'tab\there', 'ümlaut ✓',
];

/** Ordinary catalog values. */
export const WORDS: readonly string[] = [
  'orders', 'customer', 'team-a', 'team-b', 'production', 'experimental', 'string', 'int', 'decimal(10,2)',
  'TIMESTAMP', 'Customer identifier used by orders', 'https://example.com/docs', 'v1', 'pii', 'gdpr',
  'witboost.com/v2', 'backstage.io/v1alpha1', 'Component', 'urn:dmb:cmp:x', 'a b c',
];

/** Mapping keys of catalog files (plus a few odd ones). */
export const KEYS: readonly string[] = [
  'apiVersion', 'kind', 'metadata', 'spec', 'name', 'title', 'description', 'owner', 'lifecycle',
  'annotations', 'labels', 'mesh', 'dataContract', 'specific', 'settings', 'system', 'domain',
  'version', 'enabled', 'retries', 'ratio', 'note', 'type', 'x_a', 'x-b', 'y1',
];

/** Keys under which the generators put lists of column-like mappings (unique `name`). */
export const COLUMN_KEYS: readonly string[] = ['columns', 'schema', 'fields', 'schemaColumns'];
/** Keys under which the generators put sets of unique strings. */
export const SET_KEYS: readonly string[] = ['tags', 'dependsOn', 'consumesApis', 'labelsList'];

/** Column names, some of them strings that look like other types. */
export const COLUMN_NAMES: readonly string[] = [
  'id', 'customer_id', 'amount', 'created_at', 'status', 'yes', '1.0', 'col with space', 'col#1', 'null',
];
/** Column data types as tech adapters write them. */
export const DATA_TYPES: readonly string[] = ['string', 'int', 'decimal(10,2)', 'TIMESTAMP', 'BOOLEAN', 'array<string>'];
