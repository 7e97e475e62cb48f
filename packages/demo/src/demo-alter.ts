#!/usr/bin/env node
import { existsSync } from 'node:fs';
import path from 'node:path';
import { alterDemoTable } from '@revprov/example-adapter';
import { demoDataDir } from './demoPaths.js';

const sql = process.argv.slice(2).join(' ').trim();
const dbPath = path.join(demoDataDir(), 'demo', 'orders.sqlite');
if (sql === '' || sql === '--help') {
  console.log(`Usage: npm run demo:alter -- "SQL"   (runs SQL on ${dbPath})
Example: npm run demo:alter -- "ALTER TABLE orders ADD COLUMN discount REAL"`);
  process.exit(sql === '' ? 2 : 0);
}
if (!existsSync(dbPath)) {
  console.error(`no demo database at ${dbPath}: run \`npm start\` once first`);
  process.exit(1);
}
const result = alterDemoTable(dbPath, sql);
if (!result.ok) {
  console.error(`SQL failed: ${result.error}`);
  process.exit(1);
}
console.log(`done (${result.changes} row(s) changed) on ${dbPath}`);
