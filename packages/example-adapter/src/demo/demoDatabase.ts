import { DEMO } from './demoIdentity.js';

/**
 * The demo database, as SQL. Compared with the seeded catalog-info, the live `orders` table has
 * drifted the way real tables do: `amount` is now NUMERIC(12,2) (the file still says DOUBLE) and a
 * `currency` column was added (the file does not list it). `customer_id` references `customers`.
 */
export const DEMO_DATABASE_SQL = `
CREATE TABLE customers (
  customer_id INTEGER PRIMARY KEY,
  email VARCHAR(120) NOT NULL UNIQUE,
  display_name TEXT
);
CREATE TABLE ${DEMO.tableName} (
  order_id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(customer_id),
  amount NUMERIC(12,2),
  currency CHAR(3) NOT NULL DEFAULT 'EUR',
  status VARCHAR(20),
  created_at TIMESTAMP
);
INSERT INTO customers VALUES
  (1, 'ada@example.com', 'Ada'),
  (2, 'grace@example.com', 'Grace'),
  (3, 'linus@example.com', NULL);
INSERT INTO ${DEMO.tableName} VALUES
  (1001, 1, 120.50, 'EUR', 'SHIPPED', '2024-05-02T09:14:00Z'),
  (1002, 2, 35.00, 'EUR', 'DELIVERED', '2024-05-03T11:02:00Z'),
  (1003, 1, 999.99, 'USD', 'PENDING', '2024-05-04T16:45:00Z'),
  (1004, 3, 12.10, 'EUR', 'CANCELLED', '2024-05-05T08:30:00Z');
`;
