import { describe, expect, it } from 'vitest';
import { applyChanges, merge3, mergeWithConflictBlocks, parseYaml, type ConflictBlockOptions } from '@revprov/merge-core';
import { crlf, y } from '../examples/dedent.js';
import { chooseSide, countBlocks } from '../support/conflictMarkers.js';

interface Example {
  name: string;
  base: string;
  ours: string;
  theirs: string;
  options?: ConflictBlockOptions;
  /** The exact text, where it does not depend on how the engine renders new text. */
  text?: string;
  blocks: number;
}

const block = y`
  a: 1
  b:
    c: 2
    d: 3
`;
const json = y`
  {
    "name": "orders",
    "owner": "team-a",
    "tags": ["a", "b"],
    "lifecycle": "experimental"
  }
`;

/** A catalog entity with forty columns, the dataType of column i from `type(i)`. */
function columns(type: (i: number) => string): string {
  const cols = Array.from({ length: 40 }, (_, i) => `      - name: c${i}\n        dataType: ${type(i)}\n        description: column ${i}\n`);
  return `kind: Component\nmetadata:\n  name: wide\nspec:\n  dataContract:\n    schema:\n${cols.join('')}`;
}

const examples: Example[] = [
  {
    name: 'marks only the conflicting entry and applies the clean change',
    base: block,
    ours: block.replace('c: 2', 'c: 20'),
    theirs: block.replace('a: 1', 'a: 10').replace('c: 2', 'c: 200'),
    text: 'a: 10\nb:\n<<<<<<< ours\n  c: 20\n=======\n  c: 200\n>>>>>>> theirs\n  d: 3\n',
    blocks: 1,
  },
  {
    name: 'a removal by theirs is an empty theirs side',
    base: block,
    ours: block.replace('c: 2', 'c: 20'),
    theirs: block.replace('  c: 2\n', ''),
    text: 'a: 1\nb:\n<<<<<<< ours\n  c: 20\n=======\n>>>>>>> theirs\n  d: 3\n',
    blocks: 1,
  },
  {
    name: 'honours the marker size',
    base: block,
    ours: block.replace('c: 2', 'c: 5'),
    theirs: block.replace('c: 2', 'c: 6'),
    options: { markerSize: 3 },
    text: 'a: 1\nb:\n<<< ours\n  c: 5\n===\n  c: 6\n>>> theirs\n  d: 3\n',
    blocks: 1,
  },
  {
    name: 'diff3 adds base lines; git labels follow the markers',
    base: block,
    ours: block.replace('c: 2', 'c: 20'),
    theirs: block.replace('a: 1', 'a: 10').replace('c: 2', 'c: 200'),
    options: { conflictStyle: 'diff3', labels: { ours: 'HEAD', base: 'merged common ancestors', theirs: 'feature' } },
    text: 'a: 10\nb:\n<<<<<<< HEAD\n  c: 20\n||||||| merged common ancestors\n  c: 2\n=======\n  c: 200\n>>>>>>> feature\n  d: 3\n',
    blocks: 1,
  },
  {
    name: 'diff3 shows a base entry that ours removed as base lines only',
    base: block,
    ours: block.replace('  c: 2\n', ''),
    theirs: block.replace('c: 2', 'c: 200'),
    options: { conflictStyle: 'diff3' },
    blocks: 1,
  },
  {
    name: 'JSON layout: the clean change on the next line stays outside the block',
    base: json,
    ours: json.replace('team-a', 'team-b'),
    theirs: json.replace('team-a', 'team-c').replace('["a", "b"]', '["a", "b", "c"]'),
    text: json.replace('  "owner": "team-a",\n', '<<<<<<< ours\n  "owner": "team-b",\n=======\n  "owner": "team-c",\n>>>>>>> theirs\n').replace('["a", "b"]', '["a", "b", "c"]'),
    blocks: 1,
  },
  {
    name: 'JSON layout: theirs removes the last entry, so its side drops the comma before it',
    base: json,
    ours: json.replace('experimental', 'dev'),
    theirs: json.replace(',\n  "lifecycle": "experimental"', ''),
    text: json.replace('  "tags": ["a", "b"],\n  "lifecycle": "experimental"\n', '<<<<<<< ours\n  "tags": ["a", "b"],\n  "lifecycle": "dev"\n=======\n  "tags": ["a", "b"]\n>>>>>>> theirs\n'),
    blocks: 1,
  },
  {
    name: 'JSON layout: a key theirs adds after the conflicting last entry stays outside the block',
    base: json,
    ours: json.replace('experimental', 'dev'),
    theirs: json.replace('"experimental"', '"production",\n  "extra": 1'),
    text: json.replace('  "lifecycle": "experimental"\n', '<<<<<<< ours\n  "lifecycle": "dev",\n=======\n  "lifecycle": "production",\n>>>>>>> theirs\n  "extra": 1\n'),
    blocks: 1,
  },
  {
    name: 'JSON layout: ours removed an entry theirs changed',
    base: json,
    ours: json.replace('  "owner": "team-a",\n', ''),
    theirs: json.replace('team-a', 'team-c'),
    blocks: 1,
  },
  {
    name: 'two conflicts on one line of a flow mapping are one block',
    base: 'm: {a: 1, b: 2}\nz: 0\n',
    ours: 'm: {a: 10, b: 20}\nz: 0\n',
    theirs: 'm: {a: 100, b: 200}\nz: 1\n',
    text: '<<<<<<< ours\nm: {a: 10, b: 20}\n=======\nm: {a: 100, b: 200}\n>>>>>>> theirs\nz: 1\n',
    blocks: 1,
  },
  {
    name: 'conflicts on separate lines are separate blocks',
    base: block,
    ours: block.replace('a: 1', 'a: 2').replace('d: 3', 'd: 4'),
    theirs: block.replace('a: 1', 'a: 3').replace('d: 3', 'd: 5'),
    text: '<<<<<<< ours\na: 2\n=======\na: 3\n>>>>>>> theirs\nb:\n  c: 2\n<<<<<<< ours\n  d: 4\n=======\n  d: 5\n>>>>>>> theirs\n',
    blocks: 2,
  },
  {
    name: 'CRLF text gets CRLF markers',
    base: crlf(block),
    ours: crlf(block.replace('c: 2', 'c: 20')),
    theirs: crlf(block.replace('c: 2', 'c: 200')),
    text: crlf('a: 1\nb:\n<<<<<<< ours\n  c: 20\n=======\n  c: 200\n>>>>>>> theirs\n  d: 3\n'),
    blocks: 1,
  },
  {
    name: 'a conflict on a last line without a line break',
    base: 'a: 1\nb: 2',
    ours: 'a: 1\nb: 20',
    theirs: 'a: 1\nb: 200',
    text: 'a: 1\n<<<<<<< ours\nb: 20\n=======\nb: 200\n>>>>>>> theirs\n',
    blocks: 1,
  },
  {
    name: 'a keyed list element ours removed and theirs changed',
    base: 'l:\n  - id: a\n    x: 1\n  - id: b\n',
    ours: 'l:\n  - id: b\n',
    theirs: 'l:\n  - id: a\n    x: 2\n  - id: b\n',
    blocks: 1,
  },
  {
    name: 'conflicts on adjacent lines get a block each',
    base: json,
    ours: json.replace('experimental', 'dev').replace('team-a', 'team-b'),
    theirs: json.replace(',\n  "lifecycle": "experimental"', '').replace('team-a', 'team-c'),
    text: '{\n  "name": "orders",\n<<<<<<< ours\n  "owner": "team-b",\n=======\n  "owner": "team-c",\n>>>>>>> theirs\n<<<<<<< ours\n  "tags": ["a", "b"],\n  "lifecycle": "dev"\n=======\n  "tags": ["a", "b"]\n>>>>>>> theirs\n}\n',
    blocks: 2,
  },
  {
    name: 'two fields of an element ours removed: theirs side holds the element once, with both',
    base: 'fields:\n  - name: a\n  - name: x\n    dataType: int\n    description: d\n',
    ours: 'fields:\n  - name: a\n',
    theirs: 'fields:\n  - name: a\n  - name: x\n    dataType: text\n    description: e\n',
    blocks: 1,
  },
  {
    name: 'diff3 inside an entity ours renamed and moved to the end',
    base: 'kind: Component\nmetadata:\n  name: orders\nspec:\n  lifecycle: experimental\n---\nkind: Component\nmetadata:\n  name: payments\nspec:\n  owner: team-b\n',
    ours: 'kind: Component\nmetadata:\n  name: payments\nspec:\n  owner: team-b\n---\nkind: Component\nmetadata:\n  name: orders-eu\nspec:\n  lifecycle: beta\n',
    theirs: 'kind: Component\nmetadata:\n  name: orders\nspec:\n  lifecycle: production\n---\nkind: Component\nmetadata:\n  name: payments\nspec:\n  owner: team-c\n',
    options: { conflictStyle: 'diff3' },
    text: 'kind: Component\nmetadata:\n  name: payments\nspec:\n  owner: team-c\n---\nkind: Component\nmetadata:\n  name: orders-eu\nspec:\n<<<<<<< ours\n  lifecycle: beta\n||||||| base\n  lifecycle: experimental\n=======\n  lifecycle: production\n>>>>>>> theirs\n',
    blocks: 1,
  },
  {
    name: 'a list both sides reordered differently is one block',
    base: 'steps:\n  - build\n  - test\n  - lint\n  - deploy\nz: 0\n',
    ours: 'steps:\n  - test\n  - build\n  - lint\n  - deploy\nz: 0\n',
    theirs: 'steps:\n  - build\n  - test\n  - deploy\n  - lint\nz: 1\n',
    blocks: 1,
  },
  {
    name: 'forty conflicting columns are forty blocks, found in one pass',
    base: columns(() => 'string'),
    ours: columns((i) => (i % 2 ? 'uuid' : 'text')),
    theirs: columns(() => 'bigint').replace('kind: Component', 'kind: Resource'),
    options: { conflictStyle: 'diff3' },
    blocks: 40,
  },
];

/** A last line without a line break gains one (conflict markers end each side's last line). */
const withBreak = (t: string) => t.replace(/([^\n])$/, `$1${t.includes('\r\n') ? '\r\n' : '\n'}`);

/** The status each of theirs' changes has against a text: `applied` means the text holds theirs there. */
function statusAgainst(text: string, base: string, theirs: string): Map<string, string> {
  return new Map(merge3({ base, ours: text, theirs }).changes.map((c) => [c.id, c.status]));
}

describe('mergeWithConflictBlocks', () => {
  for (const e of examples) {
    it(e.name, () => {
      const r = mergeWithConflictBlocks({ base: e.base, ours: e.ours, theirs: e.theirs }, e.options);
      expect(r.errors).toEqual([]);
      expect(r.skipped).toEqual([]);
      if (e.text !== undefined) expect(r.text).toBe(e.text);
      const size = e.options?.markerSize ?? 7;
      expect(countBlocks(r.text, size)).toBe(e.blocks);
      const changes = merge3({ base: e.base, ours: e.ours, theirs: e.theirs }).changes;
      const conflicts = changes.filter((c) => c.status === 'conflict').map((c) => c.id);
      expect(r.conflicts.map((c) => c.id)).toEqual(conflicts);
      const clean = changes.filter((c) => c.status === 'clean').map((c) => c.id);
      // Either side of every block parses; theirs' side holds theirs at each conflict; every
      // clean change is in both (none sits only in ours' side of a block).
      for (const side of ['ours', 'theirs'] as const) {
        const chosen = chooseSide(r.text, side, size);
        expect(parseYaml(chosen).errors, `${side}:\n${chosen}`).toEqual([]);
        const status = statusAgainst(chosen, e.base, e.theirs);
        for (const id of clean) expect(status.get(id), `${side}: ${id}`).toBe('applied');
        for (const id of conflicts) expect(status.get(id), `${side}: ${id}`).toBe(side === 'theirs' ? 'applied' : 'conflict');
      }
      if (e.options?.conflictStyle === 'diff3') {
        // base's side holds base's value at each conflict
        const status = statusAgainst(chooseSide(r.text, 'base', size), e.base, e.theirs);
        for (const id of conflicts) expect(status.get(id), `base: ${id}`).toBe('clean');
      }
      // Ours' side of every block is the clean merge (a last line may gain its line break).
      const merged = applyChanges(e.ours, merge3({ base: e.base, ours: e.ours, theirs: e.theirs }), clean).text;
      expect(withBreak(chooseSide(r.text, 'ours', size))).toBe(withBreak(merged));
    });
  }

  it('is the plain merge when nothing conflicts', () => {
    const input = { base: block, ours: '# hi\n' + block, theirs: block.replace('d: 3', 'd: 4') };
    expect(mergeWithConflictBlocks(input)).toEqual({ text: '# hi\n' + input.theirs, conflicts: [], skipped: [], errors: [] });
  });

  it('returns ours and the errors when a side is not YAML', () => {
    const r = mergeWithConflictBlocks({ base: block, ours: block, theirs: 'a: [1\n' });
    expect(r.text).toBe(block);
    expect(r.errors.map((e) => e.code)).toEqual(['YAML_SYNTAX']);
  });
});

/**
 * Clean changes the engine refuses to write today. Whichever of them it refuses must come back
 * as `skipped` with a block, never silently dropped (at least one is refused, or this table needs
 * a new case).
 */
const refusals: { name: string; base: string; ours: string; theirs: string; text?: string }[] = [
  {
    name: 'theirs adds a whole document',
    base: 'kind: A\nmetadata:\n  name: a\n',
    ours: 'kind: A\nmetadata:\n  name: a\n  title: T\n',
    theirs: 'kind: A\nmetadata:\n  name: a\n---\nkind: B\nmetadata:\n  name: b\n',
    // the new document goes after ours' last one
    text: 'kind: A\nmetadata:\n  name: a\n  title: T\n<<<<<<< ours\n||||||| base\n=======\n---\nkind: B\nmetadata:\n  name: b\n>>>>>>> theirs\n',
  },
  {
    name: 'theirs edits a value that ours reaches through an alias',
    base: 'a: &x\n  k: 1\nb: *x\nc: 1\n',
    ours: 'a: &x\n  k: 1\nb: *x\nc: 2\n',
    theirs: 'a:\n  k: 1\nb:\n  k: 2\nc: 1\n',
  },
];

describe('mergeWithConflictBlocks: changes the engine refuses', () => {
  let refused = 0;
  for (const e of refusals) {
    it(e.name, () => {
      const changeSet = merge3(e);
      const clean = changeSet.changes.filter((c) => c.status === 'clean').map((c) => c.id);
      const direct = applyChanges(e.ours, changeSet, clean);
      const notApplied = clean.filter((id) => !direct.applied.includes(id));
      const r = mergeWithConflictBlocks(e, { conflictStyle: 'diff3' });
      expect(r.errors).toEqual([]);
      expect(r.skipped.map((s) => s.id)).toEqual(notApplied);
      for (const s of r.skipped) expect(s.reason).not.toBe('');
      expect(countBlocks(r.text)).toBe(notApplied.length > 0 ? 1 : 0);
      if (notApplied.length === 0) return;
      refused++;
      if (e.text !== undefined) expect(r.text).toBe(e.text);
      const theirsSide = chooseSide(r.text, 'theirs');
      expect(parseYaml(theirsSide).errors).toEqual([]);
      const status = statusAgainst(theirsSide, e.base, e.theirs);
      for (const id of notApplied) expect(status.get(id) ?? 'applied').toBe('applied');
      expect(parseYaml(chooseSide(r.text, 'ours')).errors).toEqual([]);
    });
  }
  it('at least one case is refused today', () => expect(refused).toBeGreaterThan(0));
});
