import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

/** The README's library example, run as written from plain Node against the built package. */
test('the README example runs as written', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const code = /## The library in ten lines\n\n```js\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(code).toBeDefined();
  const dir = mkdtempSync(join(root, 'node_modules', '.readme-'));
  const file = join(dir, 'example.mjs');
  writeFileSync(file, code!);
  const out = execFileSync(process.execPath, [file], { cwd: root, encoding: 'utf8' });
  expect(out).toContain("'replace spec.schema[name=id].dataType clean'");
  expect(out).toContain('      dataType: BIGINT\n      description: Order id, hand-written\n');
  expect(out).toContain('    - name: id # primary key\n');
  expect(out).toContain('      dataType: DOUBLE\n      description: Amount in EUR\n');
});
