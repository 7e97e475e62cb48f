import type { Prng } from '../prng.js';

/** A classification tag as OpenMetadata/Witboost write it (`- tagFQN: PII.Sensitive`). */
export interface Tag {
  tagFQN: string;
  source: string;
  labelType: string;
  state: string;
}

/**
 * One column of `spec.mesh.dataContract.schema`. `comment` and `note` are not values: they render
 * as a comment line above the column and a trailing comment on its `dataType` line.
 */
export interface Column {
  name: string;
  dataType: string;
  dataLength?: number;
  description?: string;
  constraint?: string;
  tags?: Tag[];
  comment?: string;
  note?: string;
}

const WORDS = [
  'customer', 'order', 'invoice', 'payment', 'account', 'ledger', 'region', 'product', 'channel',
  'amount', 'currency', 'status', 'created', 'updated', 'balance', 'country', 'segment', 'vendor',
];
const TYPES = ['VARCHAR', 'INTEGER', 'BIGINT', 'DECIMAL', 'DATE', 'TIMESTAMP', 'BOOLEAN', 'DOUBLE'];
const SENTENCES = [
  'from the source system',
  'set by the nightly load',
  'used by finance; keep',
  'nullable until 2025',
  'joined on load',
];
const TAGS = ['PII.Sensitive', 'PII.NonSensitive', 'Tier.Tier1', 'Tier.Tier2', 'Finance.Restricted'];

/** A column type the generator never picks for base columns, so a changed type is always visible. */
export const CHANGED_TYPE = 'STRING';

/** Builds the `index`-th base column; every column name is unique (`c00042_customer_amount`). */
export function makeColumn(rng: Prng, index: number): Column {
  const words = `${rng.pick(WORDS)}_${rng.pick(WORDS)}`;
  const name = `c${String(index).padStart(5, '0')}_${words}`;
  const dataType = rng.pick(TYPES);
  const column: Column = { name, dataType };
  if (dataType === 'VARCHAR') column.dataLength = 16 << rng.int(5);
  column.description = `${words.replace('_', ' ')}, ${rng.pick(SENTENCES)}.`;
  if (index === 0) column.constraint = 'PRIMARY_KEY';
  const roll = rng.int(10);
  const tagCount = roll < 6 ? 0 : roll < 9 ? 1 : 2;
  if (tagCount > 0) {
    column.tags = rng.sample(TAGS.length, tagCount).map((i) => ({
      tagFQN: TAGS[i] as string,
      source: 'Classification',
      labelType: 'Manual',
      state: 'Confirmed',
    }));
  }
  if (rng.int(10) === 0) column.comment = `reviewed by data governance (ticket DG-${1000 + index})`;
  if (rng.int(12) === 0) column.note = 'type from the source DDL';
  return column;
}

/** The JSON value of a column, as a YAML parser returns it (comments are not values). */
export function columnValue(column: Column): Record<string, unknown> {
  const { comment: _comment, note: _note, ...value } = column;
  return structuredClone(value);
}
