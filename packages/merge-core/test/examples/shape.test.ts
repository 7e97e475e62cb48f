import { describe, expect, test } from 'vitest';
import { applyChanges, merge3 } from '@revprov/merge-core';
import { y } from './dedent.js';

/**
 * Where ours changed the shape of a collection on a change's path (a sequence became a mapping,
 * a mapping a scalar, ...), the change is a conflict and applying it is skipped with a typed
 * reason: theirs never overwrites ours' data.
 */
const cases: { name: string; base: string; ours: string; theirs: string; changes: string[]; skipped: string[] }[] = [
  {
    name: 'issue 8 case 2: a sequence became a mapping in ours, theirs appends an element',
    base: y`
      spec:
        steps:
          - run: build
          - run: test
    `,
    ours: y`
      spec:
        steps:
          build: {run: build}
          test: {run: test}
    `,
    theirs: y`
      spec:
        steps:
          - run: build
          - run: test
          - run: deploy
    `,
    changes: ['add spec.steps[2] conflict'],
    skipped: ['spec.steps[2]: PATH_THROUGH_MAPPING: ours has a mapping at spec.steps where the change needs a sequence; theirs\' change would overwrite it'],
  },
  {
    name: 'a sequence became a mapping in ours, theirs removes an element (not "applied")',
    base: 'steps:\n  - run: build\n  - run: test\n',
    ours: 'steps:\n  build: {run: build}\n  test: {run: test}\n',
    theirs: 'steps:\n  - run: build\n',
    changes: ['remove steps[1] conflict'],
    skipped: ['steps[1]: PATH_THROUGH_MAPPING: ours has a mapping at steps where the change needs a sequence; theirs\' change would overwrite it'],
  },
  {
    name: 'a mapping became a sequence in ours, theirs adds a key',
    base: 'owner:\n  team: a\n',
    ours: 'owner:\n  - a\n  - b\n',
    theirs: 'owner:\n  team: a\n  email: a@example.com\n',
    changes: ['add owner.email conflict'],
    skipped: ['owner.email: PATH_THROUGH_SEQUENCE: ours has a sequence at owner where the change needs a mapping; theirs\' change would overwrite it'],
  },
  {
    name: 'a mapping became a scalar in ours, theirs changes a value inside it',
    base: 'owner:\n  team: a\n  email: a@example.com\n',
    ours: 'owner: team-a\n',
    theirs: 'owner:\n  team: a\n  email: b@example.com\n',
    changes: ['replace owner.email conflict'],
    skipped: ['owner.email: PATH_THROUGH_SCALAR: ours has a scalar at owner where the change needs a mapping; theirs\' change would overwrite it'],
  },
  {
    name: 'a keyed list became a mapping in ours, theirs changes a column',
    base: 'schema:\n  - name: id\n    dataType: INT\n',
    ours: 'schema:\n  id: {dataType: INT}\n',
    theirs: 'schema:\n  - name: id\n    dataType: BIGINT\n',
    changes: ['replace schema[name=id].dataType conflict'],
    skipped: ['schema[name=id].dataType: PATH_THROUGH_MAPPING: ours has a mapping at schema where the change needs a sequence; theirs\' change would overwrite it'],
  },
];

describe('ours changed the shape under a change: conflict, never an overwrite', () => {
  test.each(cases)('$name', ({ base, ours, theirs, changes, skipped }) => {
    const cs = merge3({ base, ours, theirs });
    expect(cs.errors).toEqual([]);
    expect(cs.changes.map((c) => `${c.kind} ${c.id} ${c.status}`)).toEqual(changes);
    // selecting the conflict (taking theirs) still keeps ours' data
    const r = applyChanges(ours, cs);
    expect(r.errors).toEqual([]);
    expect(r.text).toBe(ours);
    expect(r.applied).toEqual([]);
    expect(r.skipped.map((s) => `${s.id}: ${s.reason}`)).toEqual(skipped);
  });

  test('ours removed the collection (not a shape change): the addition is a conflict that recreates it when selected', () => {
    const cs = merge3({ base: 'a: 1\nsteps:\n  - build\n', ours: 'a: 1\n', theirs: 'a: 1\nsteps:\n  - build\n  - test\n' });
    expect(cs.changes.map((c) => `${c.kind} ${c.id} ${c.status}`)).toEqual(['add steps[=test] conflict']);
    expect(applyChanges('a: 1\n', cs).text).toBe('a: 1\nsteps:\n  - test\n');
  });
});
