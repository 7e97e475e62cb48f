import fc from 'fast-check';
import type { JsonObject } from '../../model/json.js';

/** Column names as tables have them (snake case, camel case, capitalized, one that reads as a boolean). */
export const TABLE_COLUMNS: readonly string[] = [
  'id', 'customer_id', 'order_id', 'order_date', 'amount', 'currency', 'status', 'created_at',
  'updated_at', 'email', 'country', 'Age', 'Gender', 'Job_Title', 'Salary', 'isActive', 'yes', 'zip code',
];

/** Column data types as Witboost data contracts write them. */
export const COLUMN_TYPES: readonly string[] = [
  'STRING', 'TEXT', 'INT', 'BIGINT', 'NUMBER', 'DOUBLE', 'DECIMAL', 'BOOLEAN', 'DATE', 'TIMESTAMP', 'ARRAY', 'string', 'date',
];

/** Column descriptions: hand-written prose, an empty one, and values a careless writer mistypes. */
export const COLUMN_DESCRIPTIONS: readonly string[] = [
  'Primary key', 'Customer identifier, hand-written note', 'Amount in EUR (gross)', 'ISO 4217 code',
  'When the order was placed.\nUTC, set by the shop backend.\n', 'yes', 'null', '1.0', 'see: docs # not a comment', '',
];

/** A Witboost tag label (`tagFQN`) as data contracts attach them to columns and components. */
export function tagLabel(): fc.Arbitrary<JsonObject> {
  return fc.record(
    {
      tagFQN: fc.constantFrom('PII', 'GDPR', 'Margin', 'Sensitive', 'otherTagName'),
      source: fc.constantFrom('Tag', 'Glossary'),
      labelType: fc.constantFrom('Manual', 'Automated'),
      state: fc.constantFrom('Confirmed', 'Suggested'),
      description: fc.constantFrom('Personal information', 'Subject to retention rules'),
    },
    { requiredKeys: ['tagFQN', 'source', 'labelType', 'state'] },
  );
}

/** One column of a data contract schema: `name` and `dataType`, often a description, tags, a constraint. */
export function column(name: string): fc.Arbitrary<JsonObject> {
  return fc
    .record(
      {
        dataType: fc.constantFrom(...COLUMN_TYPES),
        description: fc.constantFrom(...COLUMN_DESCRIPTIONS),
        constraint: fc.constantFrom('PRIMARY_KEY', 'NOT_NULL', 'NULL'),
        dataLength: fc.integer({ min: 1, max: 4000 }),
        tags: fc.uniqueArray(tagLabel(), { selector: (t) => t['tagFQN'], maxLength: 2 }),
      },
      { requiredKeys: ['dataType'] },
    )
    .map((rest) => ({ name, ...rest }));
}

/** A data contract schema: 1–8 columns with distinct names, in table order. */
export function columnList(): fc.Arbitrary<JsonObject[]> {
  return fc
    .uniqueArray(fc.constantFrom(...TABLE_COLUMNS), { minLength: 1, maxLength: 8 })
    .chain((names) => fc.tuple(...names.map((n) => column(n))));
}
