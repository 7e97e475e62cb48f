import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { ChangeSet, Selection } from '@revprov/merge-core';
import { LawViolation, laws, mergeCore, type Engine, type Updates } from '@revprov/merge-core/testing';
import { lawSeed } from '../support/lawParameters.js';
import { adapterCases } from '../support/realistic.js';

/**
 * Each law must catch an engine that breaks it. The broken engines wrap merge-core with the bugs a
 * pipeline built on it could have; the law has to fail with its own LawViolation (not a crash)
 * within a few cases, whatever the seed.
 */
function failure(property: fc.IProperty<[any]>): LawViolation {
  const details = fc.check(property, { seed: lawSeed(), numRuns: 200, endOnFailure: true });
  expect(details.failed, 'the law did not catch the broken engine').toBe(true);
  expect(details.errorInstance).toBeInstanceOf(LawViolation);
  return details.errorInstance as LawViolation;
}

/** The ids of a selection (this file's engines receive ids only). */
function ids(selection: Selection | undefined, cs: ChangeSet): string[] {
  return selection === undefined ? cs.changes.map((c) => c.id) : selection.map(String);
}

const apply = mergeCore.applyChanges;

/** Re-serializes its output with the `yaml` library: values kept, layout and comments lost. */
const reformats: Partial<Engine> = {
  applyChanges: (ours, cs, selection) => {
    const out = apply(ours, cs, selection);
    return { ...out, text: parseAllDocuments(out.text).map((d) => (Array.isArray(d) ? '' : String(d))).join('---\n') };
  },
};

/** Treats an empty selection as "take everything" (`selection.length ? selection : all`). */
const emptyMeansAll: Partial<Engine> = {
  applyChanges: (ours, cs, selection) => apply(ours, cs, selection && selection.length > 0 ? selection : undefined),
};

/** Silently drops the last change of the change set. */
const dropsAChange: Partial<Engine> = {
  applyChanges: (ours, cs, selection) => apply(ours, { ...cs, changes: cs.changes.slice(0, -1) }, selection),
};

/** Strips trailing comments from every line it writes. */
const stripsComments: Partial<Engine> = {
  applyChanges: (ours, cs, selection) => {
    const out = apply(ours, cs, selection);
    return { ...out, text: out.text.replace(/[ \t]+#[^\r\n'"]*$/gm, '') };
  },
};

/** Applies each selected change's neighbour instead (an off-by-one in the change list). */
const wrongElement: Partial<Engine> = {
  applyChanges: (ours, cs, selection) => {
    const all = cs.changes.map((c) => c.id);
    const shifted = ids(selection, cs).map((id) => all[(all.indexOf(id) + 1) % all.length]!);
    return apply(ours, cs, [...new Set(shifted)]);
  },
};

/** Applies a partial selection but the last of its changes: splitting a selection loses changes. */
const dropsFromPartialSelections: Partial<Engine> = {
  applyChanges: (ours, cs, selection) => {
    const chosen = ids(selection, cs);
    return apply(ours, cs, chosen.length < cs.changes.filter((c) => c.status === 'clean').length ? chosen.slice(0, -1) : chosen);
  },
};

/** Puts new entries first (ignoring `after`) when it applies only part of the clean changes. */
const reordersPartialSelections: Partial<Engine> = {
  applyChanges: (ours, cs, selection) => {
    const partial = ids(selection, cs).length < cs.changes.filter((c) => c.status === 'clean').length;
    return apply(ours, partial ? { ...cs, changes: cs.changes.map((c) => (c.kind === 'add' ? { ...c, after: null } : c)) } : cs, selection);
  },
};

/** Writes its output with the first line repeated at the end: a duplicate key. */
const duplicatesAKey: Partial<Engine> = {
  applyChanges: (ours, cs, selection) => {
    const out = apply(ours, cs, selection);
    if (out.applied.length === 0) return out;
    const first = out.text.split(/\r?\n/).find((l) => /^[A-Za-z_]\w*:/.test(l));
    return { ...out, text: first ? `${out.text.replace(/\r?\n?$/, '\n')}${first}\n` : out.text };
  },
};

/** Stamps a comment on its output on every run. */
const stamps: Partial<Engine> = {
  applyUpdates: (source, updates) => {
    const out = mergeCore.applyUpdates(source, updates);
    return { ...out, text: `${out.text}# reverse-provisioned\n` };
  },
};

/** Appends list values to the lists already there instead of replacing them. */
const appendsLists: Partial<Engine> = {
  applyUpdates: (source, updates) => {
    const [doc] = parseAllDocuments(source) as unknown as { toJS(): unknown }[];
    const current = doc?.toJS() ?? {};
    const merged: Updates = {};
    for (const [key, value] of Object.entries(updates)) {
      const there = key.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), current);
      merged[key] = Array.isArray(value) && Array.isArray(there) ? [...(there as []), ...value] : value;
    }
    return mergeCore.applyUpdates(source, merged);
  },
};

/** Ignores the last key of the updates. */
const dropsAnUpdate: Partial<Engine> = {
  applyUpdates: (source, updates) => mergeCore.applyUpdates(source, Object.fromEntries(Object.entries(updates).slice(0, -1))),
};

describe('every law fails against an engine that breaks it', () => {
  it('identity: an engine that reformats its output', () => {
    expect(failure(laws.identity({ engine: reformats })).reason).toMatch(/byte for byte/);
  });

  it('noop: an engine that treats an empty selection as everything', () => {
    expect(failure(laws.noop({ engine: emptyMeansAll })).reason).toMatch(/empty selection/);
  });

  it('convergence: an engine that drops a change', () => {
    expect(failure(laws.convergence({ engine: dropsAChange })).reason).toMatch(/differs in value from theirs/);
  });

  it('locality: an engine that rewrites lines it was not asked to touch', () => {
    expect(failure(laws.locality({ engine: stripsComments })).reason).toMatch(/lost or moved/);
  });

  it('commutation: an engine that reorders new elements when the selection is split', () => {
    expect(failure(laws.commutation({ engine: reordersPartialSelections })).reason).toMatch(/differs in value|lost a line/);
  });

  it('commutation: an engine whose result depends on how the selection is split', () => {
    expect(failure(laws.commutation({ engine: dropsFromPartialSelections })).reason).toMatch(/differs in value|lost a line/);
  });

  it('idempotence: an engine that stamps its output on every run', () => {
    expect(failure(laws.idempotence({ engine: stamps })).reason).toMatch(/changed the text/);
  });

  it('idempotence: an engine that appends adapter lists instead of replacing them', () => {
    expect(failure(laws.idempotence({ engine: appendsLists, updateCases: adapterCases })).reason).toMatch(/changed the text/);
  });

  it('validity: an engine that applies a change to the wrong element', () => {
    expect(failure(laws.validity({ engine: wrongElement, subject: 'applyChanges' })).reason).toMatch(/does not hold theirs' value/);
  });

  it('validity: an engine that writes a duplicate key', () => {
    expect(failure(laws.validity({ engine: duplicatesAKey, subject: 'applyChanges' })).reason).toMatch(/not valid YAML/);
  });

  it('validity: an engine that ignores an update', () => {
    expect(failure(laws.validity({ engine: dropsAnUpdate, subject: 'applyUpdates', updateCases: adapterCases })).reason).toMatch(/does not hold the update/);
  });

  it('a law refuses an engine member that is not a function (misuse throws)', () => {
    expect(() => laws.noop({ engine: { merge3: 'no' as unknown as Engine['merge3'] } })).toThrow(TypeError);
  });
});
