import { describe, expect, test } from 'vitest';
import { applyChanges, merge3, mergeWithConflictBlocks } from '@revprov/merge-core';
import { y } from './dedent.js';

/**
 * Elements of `ordered` lists (no identity field, repeated scalars) are matched by position.
 * Where ours inserted, removed or reordered elements at or before theirs' change, the list's
 * changes become one conflict on the whole list: theirs' edit never lands on another element.
 * Where ours only edited elements in place, appended or dropped trailing ones, positions keep
 * their meaning and the changes stay clean.
 */
const cases: { name: string; base: string; ours: string; theirs: string; changes: string[]; clean: string; theirsEverywhere?: string }[] = [
  {
    name: 'ours inserted a step first, theirs edited the second: conflict on the list (was: the edit landed on the first step)',
    base: y`
      steps:
        - run: build
          args: fast
        - run: test
          args: fast
    `,
    ours: y`
      steps:
        - run: lint
          args: fast
        - run: build
          args: fast
        - run: test
          args: fast
    `,
    theirs: y`
      steps:
        - run: build
          args: fast
        - run: test
          args: slow
    `,
    changes: ['replace steps conflict'],
    clean: 'ours',
  },
  {
    name: 'ours swapped two steps, theirs added a field to the second: conflict (was: the field landed on the other step)',
    base: 'steps:\n  - run: build\n  - run: deploy\n',
    ours: 'steps:\n  - run: deploy\n  - run: build\n',
    theirs: 'steps:\n  - run: build\n  - run: deploy\n    env: prod\n',
    changes: ['replace steps conflict'],
    clean: 'ours',
  },
  {
    name: 'repeated scalars: ours inserted first, theirs replaced the second of two equal ones',
    base: 'l: [a, a, b]\n',
    ours: 'l: [c, a, a, b]\n',
    theirs: 'l: [a, z, b]\n',
    changes: ['replace l conflict'],
    clean: 'ours',
  },
  {
    name: 'ours removed the first element, theirs removed the last (positions moved)',
    base: 'l: [a, a, b, b]\n',
    ours: 'l: [a, b, b]\n',
    theirs: 'l: [a, a, b]\n',
    changes: ['replace l conflict'],
    clean: 'ours',
  },
  {
    name: 'the shifted list is inside an element of an outer list: the inner list conflicts, the rest stays clean',
    base: 'jobs:\n  - steps: [a, a]\n    x: 1\n',
    ours: 'jobs:\n  - steps: [b, a, a]\n    x: 1\n',
    theirs: 'jobs:\n  - steps: [a, c]\n    x: 2\n',
    changes: ['replace jobs[0].steps conflict', 'replace jobs[0].x clean'],
    clean: 'jobs:\n  - steps: [b, a, a]\n    x: 2\n',
  },
  {
    name: 'an outer shift takes the changes of lists inside it',
    base: 'jobs:\n  - steps: [a, a]\n  - steps: [b, b]\n',
    ours: 'jobs:\n  - steps: [b, b]\n  - steps: [a, a]\n',
    theirs: 'jobs:\n  - steps: [a, c]\n  - steps: [b, b, d]\n',
    changes: ['replace jobs conflict'],
    clean: 'ours',
  },
  {
    name: 'ours edited an element in place: positions keep their meaning',
    base: 'l:\n  - {x: 1}\n  - {x: 2}\n',
    ours: 'l:\n  - {x: 9}\n  - {x: 2}\n',
    theirs: 'l:\n  - {x: 1}\n  - {x: 3}\n',
    changes: ['replace l[1].x clean'],
    clean: 'l:\n  - {x: 9}\n  - {x: 3}\n',
  },
  {
    name: 'ours appended: earlier positions keep their meaning',
    base: 'l: [a, a]\n',
    ours: 'l: [a, a, b]\n',
    theirs: 'l: [a, c]\n',
    changes: ['replace l[1] clean'],
    clean: 'l: [a, c, b]\n',
  },
  {
    name: 'ours dropped the last element: earlier positions keep their meaning',
    base: 'l: [a, a, b]\n',
    ours: 'l: [a, a]\n',
    theirs: 'l: [c, a, b]\n',
    changes: ['replace l[0] clean'],
    clean: 'l: [c, a]\n',
  },
  {
    name: 'ours already took part of theirs\' in-place changes: the rest stays clean',
    base: 'l:\n  - {x: 1}\n  - {x: 2}\n',
    ours: 'l:\n  - {x: 3}\n  - {x: 2}\n',
    theirs: 'l:\n  - {x: 3, w: 1}\n  - {x: 4}\n',
    changes: ['replace l[0].x applied', 'add l[0].w clean', 'replace l[1].x clean'],
    clean: 'l:\n  - {x: 3, w: 1}\n  - {x: 4}\n',
  },
  {
    name: 'a multi-document file: the shift is found in the right document',
    base: 'kind: Component\nmetadata: {name: a}\nl: [x, x]\n---\nkind: Component\nmetadata: {name: b}\nl: [x, x]\n',
    ours: 'kind: Component\nmetadata: {name: b}\nl: [y, x, x]\n---\nkind: Component\nmetadata: {name: a}\nl: [x, x]\n',
    theirs: 'kind: Component\nmetadata: {name: a}\nl: [x, z]\n---\nkind: Component\nmetadata: {name: b}\nl: [x, z]\n',
    changes: ['replace $[component:default/a].l[1] clean', 'replace $[component:default/b].l conflict'],
    clean: 'kind: Component\nmetadata: {name: b}\nl: [y, x, x]\n---\nkind: Component\nmetadata: {name: a}\nl: [x, z]\n',
  },
  {
    name: 'theirs inserted a step before the one ours edited: conflict on the list (was: ours\' env moved to the new step)',
    base: y`
      steps:
        - uses: actions/checkout@v4
        - uses: actions/setup-node@v4
          with: {node-version: 20}
        - run: npm test
    `,
    ours: y`
      steps:
        - uses: actions/checkout@v4
        - uses: actions/setup-node@v4
          with: {node-version: 20}
        - run: npm test
          env: {CI: true}
    `,
    theirs: y`
      steps:
        - uses: actions/checkout@v4
        - uses: actions/setup-node@v4
          with: {node-version: 20}
        - run: npm run lint
        - run: npm test
    `,
    changes: ['replace steps conflict'],
    clean: 'ours',
  },
  {
    name: 'theirs inserted a step before the one ours edited a value of: conflict (was: ours\' edit lost)',
    base: 'steps:\n  - {uses: checkout, with: {fetch-depth: 1}}\n  - {uses: setup-node, with: {node-version: 18}}\n',
    ours: 'steps:\n  - {uses: checkout, with: {fetch-depth: 1}}\n  - {uses: setup-node, with: {node-version: 20}}\n',
    theirs: 'steps:\n  - {uses: checkout, with: {fetch-depth: 1}}\n  - {uses: setup-python, with: {node-version: 18}}\n  - {uses: setup-node, with: {node-version: 18}}\n',
    changes: ['replace steps conflict'],
    clean: 'ours',
  },
  {
    name: 'theirs removed the first step, ours edited the third: conflict',
    base: 'steps: [{run: a}, {run: b}, {run: c}, {run: d}]\n',
    ours: 'steps: [{run: a}, {run: b}, {run: c, env: q}, {run: d}]\n',
    theirs: 'steps: [{run: b}, {run: c}, {run: d}]\n',
    changes: ['replace steps conflict'],
    clean: 'ours',
  },
  {
    name: 'theirs swapped two steps, ours edited one of them: conflict',
    base: 'steps: [{run: a}, {run: b}, {run: c}]\n',
    ours: 'steps: [{run: a, env: q}, {run: b}, {run: c}]\n',
    theirs: 'steps: [{run: b}, {run: a}, {run: c}]\n',
    changes: ['replace steps conflict'],
    clean: 'ours',
  },
  {
    name: 'theirs inserted a step, ours left the list alone: one clean replace gives theirs\' list',
    base: 'steps:\n  - run: a\n  - run: b\n',
    ours: 'steps:\n  - run: a\n  - run: b\nname: x\n',
    theirs: 'steps:\n  - run: x\n  - run: a\n  - run: b\n',
    changes: ['replace steps clean'],
    clean: 'steps:\n  - run: x\n  - run: a\n  - run: b\nname: x\n',
  },
  {
    name: 'both sides inserted the same step: applied',
    base: 'steps: [{run: a}, {run: b}]\n',
    ours: 'steps: [{run: x}, {run: a}, {run: b}]\n',
    theirs: 'steps: [{run: x}, {run: a}, {run: b}]\n',
    changes: ['replace steps applied'],
    clean: 'ours',
  },
];

describe('ordered lists: a change never lands on another element', () => {
  test.each(cases)('$name', ({ base, ours, theirs, changes, clean }) => {
    const cs = merge3({ base, ours, theirs });
    expect(cs.errors).toEqual([]);
    expect(cs.changes.map((c) => `${c.kind} ${c.id} ${c.status}`)).toEqual(changes);
    const picked = applyChanges(ours, cs, cs.changes.filter((c) => c.status === 'clean').map((c) => c.id));
    expect(picked.errors).toEqual([]);
    expect(picked.skipped).toEqual([]);
    expect(picked.text).toBe(clean === 'ours' ? ours : clean);
    // taking theirs at the conflicts writes theirs' lists exactly
    const all = applyChanges(ours, cs);
    expect(all.errors).toEqual([]);
    expect(all.skipped).toEqual([]);
    const again = merge3({ base, ours: all.text, theirs });
    for (const c of cs.changes.filter((c) => c.status === 'conflict')) {
      const there = again.changes.filter((d) => d.id.startsWith(c.id));
      expect(there.length).toBeGreaterThan(0);
      expect(there.map((d) => `${d.id} ${d.status}`)).toEqual(there.map((d) => `${d.id} applied`));
    }
  });

  test('the git merge driver path: the conflict block holds ours\' and theirs\' whole lists, and either side parses', () => {
    const { base, ours, theirs } = cases[0]!;
    const merged = mergeWithConflictBlocks({ base, ours, theirs });
    expect(merged.errors).toEqual([]);
    expect(merged.skipped).toEqual([]);
    expect(merged.conflicts.map((c) => c.id)).toEqual(['steps']);
    expect(merged.text).toBe(`steps:\n<<<<<<< ours\n${ours.slice('steps:\n'.length)}=======\n${theirs.slice('steps:\n'.length)}>>>>>>> theirs\n`);
  });
});
