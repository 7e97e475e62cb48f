import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Root of the shared test-data corpus (read-only). */
export const CORPUS = process.env['REVPROV_CORPUS'] ?? '/work/shared/corpus';

export interface SuiteCase {
  id: string;
  name: string;
  yaml: string;
  error: boolean;
}

/** Every case of the YAML test suite copy: `in.yaml`, and whether it must fail to parse. */
export function yamlTestSuite(): SuiteCase[] {
  const dir = join(CORPUS, 'yaml-test-suite');
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'in.yaml')))
    .map((e) => ({
      id: e.name,
      name: readFileSync(join(dir, e.name, 'name.txt'), 'utf8').trim(),
      yaml: readFileSync(join(dir, e.name, 'in.yaml'), 'utf8'),
      error: existsSync(join(dir, e.name, 'error')),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

export interface CatalogFile {
  file: string;
  text: string;
  valid: boolean;
  errors: string[];
  documents: number;
}

/** The real-world catalog-info files, with the metadata of `index.json`. */
export function catalogCorpus(): CatalogFile[] {
  const dir = join(CORPUS, 'catalog-info');
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as {
    file: string;
    valid: boolean;
    errors: string[];
    documents: number;
  }[];
  return index.map((e) => ({ ...e, text: readFileSync(join(dir, e.file), 'utf8') }));
}
