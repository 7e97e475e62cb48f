import { describe, expect, test } from 'vitest';
import { applyChanges, merge3, mergeWithConflictBlocks } from '@revprov/merge-core';

/**
 * Where ours holds the element or entity a change names twice (a repeated `name`, a repeated set
 * value, an entity in two documents), theirs' change could reach only one copy: the change is a
 * conflict, selecting it is skipped with `AMBIGUOUS`, and the git driver's block holds the whole
 * list. Before, the first copy was changed and the change reported clean.
 */
const cases: { name: string; base: string; ours: string; theirs: string; changes: string[]; reason: string; block: string }[] = [
  {
    name: 'a set list: ours repeats the value theirs removes',
    base: 'metadata:\n  tags: [pii, gold]\n',
    ours: 'metadata:\n  tags: [pii, gold, pii]\n',
    theirs: 'metadata:\n  tags: [gold]\n',
    changes: ['remove metadata.tags[=pii] conflict'],
    reason: "AMBIGUOUS: ours has more than one element [=pii] in metadata.tags; theirs' change could reach only one of them",
    block: 'metadata:\n<<<<<<< ours\n  tags: [pii, gold, pii]\n=======\n  tags: [gold]\n>>>>>>> theirs\n',
  },
  {
    name: 'a keyed list: ours repeats the column theirs retypes',
    base: 'cols:\n  - {name: x, type: int}\n  - {name: y, type: str}\n',
    ours: 'cols:\n  - {name: x, type: int}\n  - {name: y, type: str}\n  - {name: x, type: int}\n',
    theirs: 'cols:\n  - {name: x, type: bigint}\n  - {name: y, type: str}\n',
    changes: ['replace cols[name=x].type conflict'],
    reason: "AMBIGUOUS: ours has more than one element [name=x] in cols; theirs' change could reach only one of them",
    block:
      '<<<<<<< ours\ncols:\n  - {name: x, type: int}\n  - {name: y, type: str}\n  - {name: x, type: int}\n=======\ncols:\n  - {name: x, type: bigint}\n  - {name: y, type: str}\n>>>>>>> theirs\n',
  },
  {
    name: 'a multi-document file: ours holds the entity twice',
    base: 'kind: Component\nmetadata: {name: a}\nspec: {lifecycle: x}\n---\nkind: Group\nmetadata: {name: g}\n',
    ours: 'kind: Component\nmetadata: {name: a}\nspec: {lifecycle: x}\n---\nkind: Group\nmetadata: {name: g}\n---\nkind: Component\nmetadata: {name: a}\nspec: {lifecycle: x}\n',
    theirs: 'kind: Component\nmetadata: {name: a}\nspec: {lifecycle: "y"}\n---\nkind: Group\nmetadata: {name: g}\n',
    changes: ['replace $[component:default/a].spec.lifecycle conflict'],
    reason: "AMBIGUOUS: ours has 2 documents of the entity component:default/a; theirs' change could reach only one of them",
    block:
      'kind: Component\nmetadata: {name: a}\n<<<<<<< ours\nspec: {lifecycle: x}\n=======\nspec: {lifecycle: "y"}\n>>>>>>> theirs\n---\nkind: Group\nmetadata: {name: g}\n---\nkind: Component\nmetadata: {name: a}\nspec: {lifecycle: x}\n',
  },
];

describe('ours repeats an identity a change names: conflict, never one copy silently', () => {
  test.each(cases)('$name', ({ base, ours, theirs, changes, reason, block }) => {
    const cs = merge3({ base, ours, theirs });
    expect(cs.errors).toEqual([]);
    expect(cs.changes.map((c) => `${c.kind} ${c.id} ${c.status}`)).toEqual(changes);
    const r = applyChanges(ours, cs);
    expect(r.errors).toEqual([]);
    expect(r.text).toBe(ours);
    expect(r.skipped.map((s) => s.reason)).toEqual([reason]);
    expect(mergeWithConflictBlocks({ base, ours, theirs }).text).toBe(block);
  });

  test('a repeat elsewhere in the list does not matter', () => {
    const base = 'cols:\n  - {name: x, type: int}\n  - {name: y, type: str}\n';
    const cs = merge3({ base, ours: `${base}  - {name: y, type: str}\n`, theirs: base.replace('int', 'bigint') });
    expect(cs.changes.map((c) => `${c.id} ${c.status}`)).toEqual(['cols[name=x].type clean']);
  });
});
