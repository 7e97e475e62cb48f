import { parseAllDocuments } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { applyChanges, applyUpdates, diff, merge3 } from '@revprov/merge-core';
import { catalogCorpus, catalogCorpusDir } from '../support/corpus.js';
import { singleScalarEdit } from '../support/scalarEdit.js';

// The corpus is third-party data outside the repository: found through REVPROV_CORPUS only.
const dir = catalogCorpusDir();
if (dir === null) console.log('catalog-info: NOT RUN (set REVPROV_CORPUS to the catalog-info corpus folder; .ci/run does)');
const files = dir === null ? [] : catalogCorpus(dir);
const valid = files.filter((f) => f.valid);
const invalid = files.filter((f) => !f.valid);

/** Files whose first string scalar the engine refuses to edit (typed UNSUPPORTED). */
const REFUSED: readonly string[] = [];

const summary: string[] = [];
afterAll(() => {
  if (dir !== null) console.log(`catalog-info: ${summary.join('; ')}`);
});

// Reported as skipped, never as passed, when the corpus is not there.
describe.skipIf(dir === null)('conformance: catalog-info corpus', () => {
  it('corpus is present: 48 files, one with duplicate keys', () => {
    expect(files.length).toBe(48);
    expect(invalid.map((f) => f.errors)).toEqual([['DUPLICATE_KEY']]);
  });

  it('for context: how many files the yaml library itself round-trips byte for byte', () => {
    const same = files.filter((f) => {
      const docs = parseAllDocuments(f.text);
      if (!Array.isArray(docs) || docs.some((d) => d.errors.length > 0)) return false;
      return docs.map((d) => d.toString()).join('') === f.text;
    }).length;
    summary.push(`yaml toString() round-trips ${same}/${files.length} (${Math.round((100 * same) / files.length)}%)`);
    expect(same).toBeLessThan(files.length);
  });

  it('a no-op merge and an empty-selection diff of every valid file are byte-identical', () => {
    const failures: string[] = [];
    for (const f of valid) {
      const cs = merge3({ base: f.text, ours: f.text, theirs: f.text });
      if (cs.errors.length > 0 || cs.changes.length > 0) failures.push(`${f.file}: merge3 no-op reported ${JSON.stringify(cs.errors)} ${cs.changes.length} changes`);
      if (applyChanges(f.text, cs).text !== f.text) failures.push(`${f.file}: merge3 no-op changed the text`);
      if (applyChanges(f.text, diff(f.text, f.text), []).text !== f.text) failures.push(`${f.file}: empty selection changed the text`);
    }
    summary.push(`${valid.length} valid, ${valid.length - new Set(failures.map((x) => x.split(':')[0])).size} byte-identical no-ops`);
    expect(failures).toEqual([]);
  });

  it('replacing the first string scalar changes only that scalar', () => {
    const failures: string[] = [];
    const refused: string[] = [];
    let withScalar = 0;
    let local = 0;
    for (const f of valid) {
      const outcome = singleScalarEdit(f.text);
      if (outcome.status === 'none') continue;
      withScalar++;
      if (outcome.status === 'local') local++;
      else if (outcome.status === 'refused') refused.push(f.file);
      else failures.push(`${f.file}: ${outcome.reason}`);
    }
    summary.push(`${withScalar} with a string scalar, ${local} local single-scalar edits, ${refused.length} refused`);
    expect(failures).toEqual([]);
    expect(refused).toEqual(REFUSED);
  });

  it('the file with duplicate keys gives a typed DUPLICATE_KEY error with a line, from every entry point', () => {
    for (const f of invalid) {
      const results = [
        diff(f.text, f.text).errors,
        merge3({ base: f.text, ours: f.text, theirs: f.text }).errors,
        applyUpdates(f.text, { 'metadata.name': 'x' }).errors,
      ];
      for (const errors of results) {
        expect(errors[0]?.code, f.file).toBe('DUPLICATE_KEY');
        expect(errors[0]?.line, f.file).toBeGreaterThan(0);
      }
    }
    summary.push(`${invalid.length} invalid (duplicate keys), ${invalid.length} typed DUPLICATE_KEY errors`);
  });
});
