import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges, applyUpdates, merge3 } from '@revprov/merge-core';
import type { Json } from '../arbitraries/catalogValue.js';
import { updatesFor, updatesSeedArb } from '../arbitraries/updates.js';
import { yamlDocumentArb } from '../arbitraries/yamlDocument.js';
import { valueAt } from '../support/yamlPaths.js';
import { describeScenario, mergeScenarioArb, parseValues, someChanges } from './mergeScenario.js';
import { lawParameters } from '../support/lawParameters.js';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `actual` holds everything `expected` says: equal, or for mappings every key contained. */
function contains(actual: unknown, expected: Json): boolean {
  if (isObject(expected)) return isObject(actual) && Object.keys(expected).every((k) => contains(actual[k], expected[k]!));
  return JSON.stringify(actual) === JSON.stringify(expected);
}

describe('law: validity', () => {
  it('applyChanges output re-parses (no duplicate keys) with theirs value at every applied path', () => {
    fc.assert(
      fc.property(mergeScenarioArb(4, 3), (s) => {
        const cs = merge3({ base: s.baseText, ours: s.oursText, theirs: s.theirsText });
        const selected = someChanges(cs.changes.filter((c) => c.status !== 'conflict'), s.pickSeed);
        const out = applyChanges(s.oursText, cs, selected.map((c) => c.id));
        const why = describeScenario(s, { selected: selected.map((c) => c.id), output: out.text });
        expect(out.errors, why).toEqual([]);
        const values = parseValues(out.text);
        for (const c of selected) {
          if (c.kind === 'move') continue;
          const expected = c.kind === 'remove' ? undefined : c.theirs;
          expect(valueAt(values, c.path), `${c.id}\n${why}`).toEqual(expected);
        }
      }),
      lawParameters(100),
    );
  });

  it('applyUpdates output re-parses with each innermost update value in place', () => {
    fc.assert(
      fc.property(
        yamlDocumentArb.filter((d) => d.docs.length === 1),
        updatesSeedArb,
        (doc, seed) => {
          const updates = updatesFor(doc.docs[0]!, seed);
          const out = applyUpdates(doc.text, updates);
          const why = JSON.stringify({ source: doc.text, updates, output: out.text, errors: out.errors }, null, 1);
          for (const e of out.errors) expect(['PATH_THROUGH_SCALAR', 'PATH_THROUGH_SEQUENCE'], why).toContain(e.code);
          const values = parseValues(out.text);
          const failed = new Set(out.errors.map((e) => e.path));
          const keys = Object.keys(updates);
          for (const key of keys) {
            if (failed.has(key) || keys.some((k) => k !== key && k.startsWith(key + '.'))) continue;
            const path = key.split('.').map((k) => ({ kind: 'key' as const, key: k }));
            expect(contains(valueAt(values, path), updates[key]!), `${key}\n${why}`).toBe(true);
          }
        },
      ),
      lawParameters(150),
    );
  });
});
