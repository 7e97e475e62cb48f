import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const NODE_IMPORT = /(?:from\s+|import\s*\(\s*|import\s+|require\s*\(\s*)['"](node:[^'"]+|fs|path|os|child_process|util|process|url|stream|crypto|buffer|events)(?:\/[^'"]*)?['"]/;

it('the library (src/ outside src/cli/) imports no node: module, so it runs in a browser', () => {
  const files = tsFiles(SRC).filter((f) => !relative(SRC, f).startsWith('cli'));
  expect(files.length).toBeGreaterThan(10);
  const offenders = files.filter((f) => NODE_IMPORT.test(readFileSync(f, 'utf8'))).map((f) => relative(SRC, f));
  expect(offenders).toEqual([]);
});

it('the check itself recognizes node imports', () => {
  expect(NODE_IMPORT.test("import { readFileSync } from 'node:fs';")).toBe(true);
  expect(NODE_IMPORT.test('import fs from "fs";')).toBe(true);
  expect(NODE_IMPORT.test("const m = await import('node:path');")).toBe(true);
  expect(NODE_IMPORT.test("import { parse } from 'yaml';")).toBe(false);
});
