import { describe, expect, test } from 'vitest';
import { applyChanges, diff, merge3, mergeWithConflictBlocks, type Selection } from '@revprov/merge-core';
import { y } from './dedent.js';

/**
 * Multi-document files: a change reaches the document that is the same entity on every side
 * (kind / metadata.namespace / metadata.name), renames included, and never a document ours added.
 */

const orders = y`
  kind: Component
  metadata:
    name: orders
  spec:
    lifecycle: experimental
`;
const teamA = y`
  kind: Group
  metadata:
    name: team-a
  spec:
    lifecycle: experimental
`;
const payments = y`
  kind: Component
  metadata:
    name: payments
  spec:
    lifecycle: experimental
    owner: team-b
`;

interface Case {
  name: string;
  base: string;
  ours: string;
  theirs: string;
  select?: Selection;
  /** `kind id status` of every change. */
  changes: string[];
  expected: string;
  skipped?: string[];
}

const cases: Case[] = [
  {
    name: 'issue 8 case 1: ours has a document base has not, before the entity theirs changed',
    base: orders,
    ours: `${teamA}---\n${orders}`,
    theirs: orders.replace('experimental', 'production'),
    changes: ['replace $[component:default/orders].spec.lifecycle clean'],
    expected: `${teamA}---\n${orders.replace('experimental', 'production')}`,
  },
  {
    name: 'ours renamed the entity and added a document before it: the change follows the rename',
    base: orders,
    ours: `${teamA}---\n${orders.replace('name: orders', 'name: orders-v2')}`,
    theirs: orders.replace('experimental', 'production'),
    changes: ['replace $[component:default/orders].spec.lifecycle clean'],
    expected: `${teamA}---\n${orders.replace('name: orders', 'name: orders-v2').replace('experimental', 'production')}`,
  },
  {
    name: 'a copy ours added under another name keeps its value; the entity itself changes',
    base: `${orders}---\n${payments}`,
    ours: `${orders.replace('name: orders', 'name: orders-copy')}---\n${orders}---\n${payments}`,
    theirs: `${orders.replace('experimental', 'production')}---\n${payments}`,
    changes: ['replace $[component:default/orders].spec.lifecycle clean'],
    expected: `${orders.replace('name: orders', 'name: orders-copy')}---\n${orders.replace('experimental', 'production')}---\n${payments}`,
  },
  {
    name: 'ours removed the entity: the change is a conflict and skipped, no other document receives it',
    base: `${orders}---\n${payments}`,
    ours: `${teamA}---\n${payments}`,
    theirs: `${orders.replace('experimental', 'production')}---\n${payments}`,
    changes: ['replace $[component:default/orders].spec.lifecycle conflict'],
    expected: `${teamA}---\n${payments}`,
    skipped: ['$[component:default/orders].spec.lifecycle: UNAPPLIABLE: ours has no document "component:default/orders"'],
  },
  {
    name: 'documents reordered in ours: matched by identity, not position',
    base: `${orders}---\n${payments}`,
    ours: `${payments}---\n${orders}`,
    theirs: `${orders}---\n${payments.replace('team-b', 'team-c')}`,
    changes: ['replace $[component:default/payments].spec.owner clean'],
    expected: `${payments.replace('team-b', 'team-c')}---\n${orders}`,
  },
  {
    name: 'issue 8 case 6: after theirs\' rename is applied, a re-merge reports it applied and the other change stays clean',
    base: `${orders}---\n${payments}`,
    ours: `${orders.replace('name: orders', 'name: orders-v2')}---\n${payments}`,
    theirs: `${orders.replace('name: orders', 'name: orders-v2').replace('experimental', 'production')}---\n${payments}`,
    changes: [
      'replace $[component:default/orders].metadata.name applied',
      'replace $[component:default/orders].spec.lifecycle clean',
    ],
    expected: `${orders.replace('name: orders', 'name: orders-v2').replace('experimental', 'production')}---\n${payments}`,
  },
  {
    name: 'a teammate renamed the entity in ours: theirs\' change still lands in it',
    base: `${orders}---\n${payments}`,
    ours: `${orders.replace('name: orders', 'name: orders-eu')}---\n${payments}`,
    theirs: `${orders.replace('experimental', 'production')}---\n${payments}`,
    changes: ['replace $[component:default/orders].spec.lifecycle clean'],
    expected: `${orders.replace('name: orders', 'name: orders-eu').replace('experimental', 'production')}---\n${payments}`,
  },
  {
    name: 'both renamed differently: the rename conflicts, the entity\'s other change is clean',
    base: `${orders}---\n${payments}`,
    ours: `${orders.replace('name: orders', 'name: orders-eu')}---\n${payments}`,
    theirs: `${orders.replace('name: orders', 'name: orders-v2').replace('experimental', 'production')}---\n${payments}`,
    select: ['$[component:default/orders].spec.lifecycle'],
    changes: [
      'replace $[component:default/orders].metadata.name conflict',
      'replace $[component:default/orders].spec.lifecycle clean',
    ],
    expected: `${orders.replace('name: orders', 'name: orders-eu').replace('experimental', 'production')}---\n${payments}`,
  },
];

describe('multi-document files: documents matched by entity identity on every side', () => {
  test.each(cases)('$name', ({ base, ours, theirs, select, changes, expected, skipped = [] }) => {
    const cs = merge3({ base, ours, theirs });
    expect(cs.errors).toEqual([]);
    expect(cs.changes.map((c) => `${c.kind} ${c.id} ${c.status}`)).toEqual(changes);
    const r = applyChanges(ours, cs, select);
    expect(r.errors).toEqual([]);
    expect(r.text).toBe(expected);
    expect(r.skipped.map((s) => `${s.id}: ${s.reason}`)).toEqual(skipped);
  });

  test('accepting theirs\' rename alone, re-merging, then the rest (issue 8 case 6)', () => {
    const base = `${orders}---\n${payments}`;
    const theirs = `${orders.replace('name: orders', 'name: orders-v2').replace('experimental', 'production')}---\n${payments}`;
    const cs = merge3({ base, ours: base, theirs });
    const first = applyChanges(base, cs, ['$[component:default/orders].metadata.name']);
    expect(first.applied).toEqual(['$[component:default/orders].metadata.name']);
    const again = merge3({ base, ours: first.text, theirs });
    expect(again.changes.map((c) => `${c.id} ${c.status}`)).toEqual([
      '$[component:default/orders].metadata.name applied',
      '$[component:default/orders].spec.lifecycle clean',
    ]);
    expect(again.documents).toEqual([
      { id: 'component:default/orders', ours: 'component:default/orders-v2', theirs: 'component:default/orders-v2' },
      { id: 'component:default/payments', ours: 'component:default/payments', theirs: 'component:default/payments' },
    ]);
    const second = applyChanges(first.text, again);
    expect(second.applied).toEqual(['$[component:default/orders].metadata.name', '$[component:default/orders].spec.lifecycle']);
    expect(second.text).toBe(theirs);
    // the first change set still finds the renamed entity by theirs' identity
    expect(applyChanges(first.text, cs, ['$[component:default/orders].spec.lifecycle']).text).toBe(theirs);
  });

  test('a change set made for a single-document file is refused for a text of several documents', () => {
    const cs = merge3({ base: orders, ours: orders, theirs: orders.replace('experimental', 'production') });
    expect(cs.changes.map((c) => c.id)).toEqual(['spec.lifecycle']);
    const ours = `${teamA}---\n${orders}`;
    const r = applyChanges(ours, cs);
    expect(r.text).toBe(ours);
    expect(r.skipped).toEqual([
      { id: 'spec.lifecycle', reason: 'UNAPPLIABLE: the change set was made for a single-document file, and ours has 2 documents' },
    ]);
  });

  test('a two-way diff of a renamed entity: one change to its name, applied to the before text', () => {
    const before = `${orders}---\n${payments}`;
    const after = `${orders.replace('name: orders', 'name: orders-v2')}---\n${payments}`;
    const cs = diff(before, after);
    expect(cs.changes.map((c) => `${c.kind} ${c.id}`)).toEqual(['replace $[component:default/orders].metadata.name']);
    expect(applyChanges(before, cs).text).toBe(after);
  });

  test('documents without identity pair up by content, not position', () => {
    const base = 'a: 1\nb: 2\nc: 3\n---\nx: 1\ny: 2\nz: 3\n';
    const ours = 'new: doc\n---\na: 1\nb: 2\nc: 3\n---\nx: 1\ny: 2\nz: 3\n';
    const theirs = 'a: 1\nb: 2\nc: 3\n---\nx: 1\ny: 2\nz: 4\n';
    const cs = merge3({ base, ours, theirs });
    expect(cs.changes.map((c) => `${c.id} ${c.status}`)).toEqual(['$[1].z clean']);
    expect(cs.documents).toEqual([
      { id: '0', ours: '1', theirs: '0' },
      { id: '1', ours: '2', theirs: '1' },
    ]);
    expect(applyChanges(ours, cs).text).toBe('new: doc\n---\na: 1\nb: 2\nc: 3\n---\nx: 1\ny: 2\nz: 4\n');
  });

  test('a document without identity only theirs added is applied where ours has it too (conflict-block campaign, seed 2026112901)', () => {
    // theirs drops the entity's name and spec: the document is new (no identity) and the entity is gone
    const base = `${orders}---\n${payments}`;
    const nameless = 'kind: Component\nmetadata:\n  title: orders\n';
    const theirs = `${nameless}---\n${payments}`;
    const cs = merge3({ base, ours: base, theirs });
    expect(cs.changes.map((c) => `${c.kind} ${c.id} ${c.status}`)).toEqual(['remove $[component:default/orders] clean', 'add $[0] clean']);
    // ours took theirs' file: every change is there already
    const again = merge3({ base, ours: theirs, theirs });
    expect(again.changes.map((c) => `${c.kind} ${c.id} ${c.status}`)).toEqual(['remove $[component:default/orders] applied', 'add $[0] applied']);
    expect(again.documents).toEqual([
      { id: 'component:default/orders', ours: null, theirs: null },
      { id: 'component:default/payments', ours: 'component:default/payments', theirs: 'component:default/payments' },
      { id: '0', ours: '0', theirs: '0' },
    ]);
    expect(applyChanges(theirs, again)).toMatchObject({ text: theirs, skipped: [], errors: [] });
    // a different document without identity in ours is not theirs' addition
    const other = merge3({ base, ours: `${nameless.replace('title', 'description')}---\n${payments}`, theirs });
    expect(other.changes.map((c) => `${c.kind} ${c.id} ${c.status}`)).toEqual(['remove $[component:default/orders] applied', 'add $[0] clean']);
  });
});

describe('conflict blocks in a multi-document file', () => {
  test('a conflict inside an entity ours renamed and moved is marked in that entity', () => {
    const base = `${orders}---\n${payments}`;
    const ours = `${payments}---\n${orders.replace('name: orders', 'name: orders-eu').replace('experimental', 'beta')}`;
    const theirs = `${orders.replace('experimental', 'production')}---\n${payments}`;
    const r = mergeWithConflictBlocks({ base, ours, theirs });
    expect(r.conflicts.map((c) => c.id)).toEqual(['$[component:default/orders].spec.lifecycle']);
    expect(r.text).toBe(y`
      kind: Component
      metadata:
        name: payments
      spec:
        lifecycle: experimental
        owner: team-b
      ---
      kind: Component
      metadata:
        name: orders-eu
      spec:
      <<<<<<< ours
        lifecycle: beta
      =======
        lifecycle: production
      >>>>>>> theirs
    `);
  });
});
