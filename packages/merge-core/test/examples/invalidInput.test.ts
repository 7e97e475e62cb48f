import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  applyChanges,
  applyEdits,
  applyJsonPatch,
  applyMergePatch,
  applyUpdates,
  diff,
  diffJson,
  merge3,
  mergeWithConflictBlocks,
  MergeError,
  parseYaml,
  toJsonPatch,
  toMergePatch,
  formatPath,
  type Edit,
  type Path,
} from '@revprov/merge-core';
import { lawParameters } from '../support/lawParameters.js';

/**
 * Nothing is thrown from a public function for any input value (issue 8, case 4): malformed
 * change sets, edits and arguments, and values nested deeper than `limits.maxDepth` (256, the
 * YAML nesting limit) come back as typed errors, with the source unchanged.
 */
const SRC = 'a: 1 # kept\n';
const deep = (levels: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = { a: v };
  return v;
};
const key = (k: string) => ({ kind: 'key', key: k });
const change = { id: 'a', path: [key('a')], kind: 'replace', base: 1, theirs: 2, status: 'clean' };
const withChange = (patch: Record<string, unknown>) => ({ changes: [{ ...change, ...patch }] });
const cycle: Record<string, unknown> = {};
cycle['self'] = cycle;

type Result = { text?: unknown; errors: MergeError[] };
const rows: { name: string; run: () => Result; code: string; path?: string; message?: string }[] = [
  // absurd nesting in caller-supplied values
  { name: 'applyUpdates, a value 3,000 deep', run: () => applyUpdates(SRC, { a: deep(3000) }), code: 'DEPTH_LIMIT', path: 'a' },
  { name: 'applyUpdates, a key of 100,000 segments', run: () => applyUpdates(SRC, { [Array(100_000).fill('k').join('.')]: 1 }), code: 'DEPTH_LIMIT' },
  { name: 'applyUpdates, one level over the limit', run: () => applyUpdates(SRC, { a: deep(256) }), code: 'DEPTH_LIMIT', path: 'a' },
  { name: 'applyMergePatch, 100,000 deep', run: () => applyMergePatch(SRC, deep(100_000)), code: 'DEPTH_LIMIT', path: '/a'.repeat(257) },
  { name: 'applyJsonPatch, 100,000 deep', run: () => applyJsonPatch(SRC, [{ op: 'add', path: '/b', value: deep(100_000) }]), code: 'DEPTH_LIMIT', path: '/0/value' },
  { name: 'applyEdits, 100,000 deep', run: () => applyEdits(SRC, [{ op: 'set', path: [key('b')], value: deep(100_000) } as Edit]), code: 'DEPTH_LIMIT', path: 'b' },
  { name: 'diffJson, 100,000 deep', run: () => diffJson(deep(100_000) as never, {}), code: 'DEPTH_LIMIT' },
  { name: 'a change value 3,000 deep', run: () => applyChanges(SRC, withChange({ theirs: deep(3000) }) as never), code: 'DEPTH_LIMIT', path: 'changes[0].theirs' },
  { name: 'a change path 100,000 deep', run: () => applyChanges(SRC, withChange({ path: Array(100_000).fill(key('a')) }) as never), code: 'DEPTH_LIMIT', path: 'changes[0].path' },
  { name: 'applyUpdates, a cycle', run: () => applyUpdates(SRC, { a: cycle }), code: 'NOT_JSON', path: 'a' },
  // malformed change sets
  { name: 'change set null', run: () => applyChanges(SRC, null as never), code: 'INVALID_CHANGESET', path: '' },
  { name: 'change set {}', run: () => applyChanges(SRC, {} as never), code: 'INVALID_CHANGESET', path: 'changes' },
  { name: 'changes [null]', run: () => applyChanges(SRC, { changes: [null] } as never), code: 'INVALID_CHANGESET', path: 'changes[0]' },
  { name: 'a change without path', run: () => applyChanges(SRC, withChange({ path: undefined }) as never), code: 'INVALID_CHANGESET', path: 'changes[0].path' },
  { name: 'an unknown kind', run: () => applyChanges(SRC, withChange({ kind: 'rename' }) as never), code: 'INVALID_CHANGESET', path: 'changes[0].kind' },
  {
    name: 'a path segment that is a string',
    run: () => applyChanges(SRC, { changes: [change, { ...change, id: 'a.b', path: [key('a'), 'b'] }] } as never),
    code: 'INVALID_CHANGESET',
    path: 'changes[1].path[1]',
    message: 'changeSet: changes[1].path[1] must be a path segment ({ kind: "key", key } or an index, keyed, value or document segment), not the string "b"',
  },
  { name: 'a key that is a number', run: () => applyChanges(SRC, withChange({ path: [{ kind: 'key', key: 1 }] }) as never), code: 'INVALID_CHANGESET', path: 'changes[0].path[0].key' },
  { name: 'an id that is not a string', run: () => applyChanges(SRC, withChange({ id: 5 }) as never), code: 'INVALID_CHANGESET', path: 'changes[0].id' },
  { name: 'an id that is not its path', run: () => applyChanges(SRC, withChange({ id: 'b' }) as never), code: 'INVALID_CHANGESET', path: 'changes[0].id' },
  { name: 'a replace without theirs', run: () => applyChanges(SRC, withChange({ theirs: undefined }) as never), code: 'INVALID_CHANGESET', path: 'changes[0].theirs' },
  { name: 'documents not a list', run: () => applyChanges(SRC, { ...withChange({}), documents: 'x' } as never), code: 'INVALID_CHANGESET', path: 'documents' },
  { name: 'a selection id that is a number', run: () => applyChanges(SRC, withChange({}) as never, [5] as never), code: 'INVALID_ARGUMENT', path: 'selection[0]' },
  { name: 'a selection that is a string', run: () => applyChanges(SRC, withChange({}) as never, 'a' as never), code: 'INVALID_ARGUMENT', path: 'selection' },
  { name: 'toJsonPatch, changes [null]', run: () => ({ ...toJsonPatch(SRC, { changes: [null] } as never), text: SRC }), code: 'INVALID_CHANGESET', path: 'changes[0]' },
  { name: 'toMergePatch, changes {}', run: () => toMergePatch({ changes: {} } as never), code: 'INVALID_CHANGESET', path: 'changes' },
  // malformed edits: a clear message naming the place
  {
    name: 'an edit without op',
    run: () => applyEdits(SRC, [{ path: ['a'], value: 2 }] as never),
    code: 'INVALID_EDIT',
    path: 'edits[0].op',
    message: 'edits[0].op must be one of "set", "remove", "insert", "order"',
  },
  { name: 'an edit path of strings', run: () => applyEdits(SRC, [{ op: 'set', path: ['a'], value: 2 }] as never), code: 'INVALID_EDIT', path: 'edits[0].path[0]' },
  { name: 'an insert without index', run: () => applyEdits(SRC, [{ op: 'insert', path: [key('a')], value: 2 }] as never), code: 'INVALID_EDIT', path: 'edits[0].index' },
  // arguments of the wrong type
  { name: 'merge3, base 1', run: () => ({ ...merge3({ base: 1 as never, ours: SRC, theirs: SRC }), text: SRC }), code: 'INVALID_ARGUMENT', path: 'base' },
  { name: 'merge3, no input', run: () => ({ ...merge3(null as never), text: SRC }), code: 'INVALID_ARGUMENT', path: 'input' },
  { name: 'diff, a number', run: () => ({ ...diff(1 as never, SRC), text: SRC }), code: 'INVALID_ARGUMENT', path: 'before' },
  { name: 'parseYaml, null', run: () => ({ ...parseYaml(null as never), text: SRC }), code: 'INVALID_ARGUMENT', path: 'source' },
  { name: 'a negative limit', run: () => applyUpdates(SRC, { a: 2 }, { limits: { maxDepth: -1 } }), code: 'INVALID_ARGUMENT', path: 'options.limits.maxDepth' },
  { name: 'a list rule without path', run: () => ({ ...merge3({ base: SRC, ours: SRC, theirs: SRC }, { listRules: [{ rule: { type: 'set' } }] as never }), text: SRC }), code: 'INVALID_ARGUMENT', path: 'options.listRules[0].path' },
  { name: 'a negative marker size', run: () => mergeWithConflictBlocks({ base: SRC, ours: SRC, theirs: SRC }, { markerSize: -1 }), code: 'INVALID_ARGUMENT', path: 'options.markerSize' },
];

describe('no exceptions: invalid input comes back as typed errors', () => {
  test.each(rows)('$name', ({ run, code, path, message }) => {
    const r = run();
    expect(r.errors[0]).toBeInstanceOf(MergeError);
    expect(r.errors[0]).toMatchObject({ code, ...(path === undefined ? {} : { path }), ...(message === undefined ? {} : { message }) });
    if ('text' in r) expect(r.text).toBe(SRC);
  });

  test('values at the limit are accepted, and written as the YAML nesting limit allows', () => {
    const r = applyUpdates(SRC, { a: deep(255) });
    expect(r.errors).toEqual([]);
    expect(parseYaml(r.text).values[0]).toEqual({ a: deep(255) });
  });
});

describe('law: garbage in, typed errors out', () => {
  const garbage = fc.anything({
    maxDepth: 3,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withSparseArray: true,
    withBoxedValues: true,
    withTypedArray: true,
    withObjectString: true,
  });
  const segment = fc.oneof(garbage, fc.record({ kind: fc.constantFrom('key', 'index', 'keyed', 'value', 'document', 'x'), key: garbage, value: garbage, index: garbage, id: garbage }, { requiredKeys: ['kind'] }));
  const changeLike = fc.record(
    { id: fc.oneof(garbage, fc.constant('a')), path: fc.oneof(garbage, fc.array(segment, { maxLength: 3 })), kind: fc.oneof(garbage, fc.constantFrom('add', 'remove', 'replace', 'move')), status: fc.oneof(garbage, fc.constant('clean')), theirs: garbage, after: garbage },
    { requiredKeys: [] },
  );
  // well-formed paths and ids, garbage elsewhere: reaches past the shape checks
  const goodSegment = fc.oneof(
    fc.constantFrom('a', 'l', 'name', 'v').map((k) => ({ kind: 'key', key: k })),
    fc.constantFrom('x', 'y').map((v) => ({ kind: 'keyed', key: 'name', value: v })),
    fc.nat(2).map((i) => ({ kind: 'index', index: i })),
    fc.constantFrom('1', 'x').map((v) => ({ kind: 'value', value: v })),
  );
  const wellFormed = fc
    .record({ path: fc.array(goodSegment, { maxLength: 3 }), kind: fc.constantFrom('add', 'remove', 'replace', 'move'), status: fc.constantFrom('clean', 'conflict', 'applied'), base: garbage, ours: garbage, theirs: garbage, after: fc.oneof(garbage, goodSegment), field: garbage }, { requiredKeys: ['path', 'kind', 'status'] })
    .map((c) => ({ ...c, id: formatPath(c.path as Path) }));
  const changeSet = fc.oneof(garbage, fc.record({ changes: fc.oneof(garbage, fc.array(fc.oneof(garbage, changeLike, wellFormed), { maxLength: 3 })), documents: garbage }, { requiredKeys: ['changes'] }));
  const edits = fc.oneof(garbage, fc.array(fc.oneof(garbage, fc.record({ op: fc.oneof(garbage, fc.constantFrom('set', 'remove', 'insert', 'order')), path: fc.oneof(garbage, fc.array(segment, { maxLength: 3 }), fc.array(goodSegment, { maxLength: 3 })), value: garbage, index: garbage, order: garbage, after: garbage }, { requiredKeys: ['op'] })), { maxLength: 3 }));
  const options = fc.oneof(fc.constant(undefined), garbage, fc.record({ limits: garbage, listRules: garbage, verify: garbage, markerSize: garbage }, { requiredKeys: [] }));
  const text = fc.oneof(fc.constant(SRC), fc.constant('l:\n  - name: x\n    v: 1\n'), garbage);
  /** Each call: whether its result must equal the source whenever it reports an error. */
  const call = fc.oneof(
    fc.tuple(text, changeSet, garbage, options).map(([t, cs, sel, o]) => ({ source: t, atomic: true, run: () => applyChanges(t as string, cs as never, sel as never, o as never) })),
    fc.tuple(text, changeSet, options).map(([t, cs, o]) => ({ source: t, atomic: true, run: () => applyChanges(t as string, cs as never, undefined, o as never) })),
    fc.tuple(text, garbage, options).map(([t, u, o]) => ({ source: t, atomic: false, run: () => applyUpdates(t as string, u, o as never) })),
    fc.tuple(text, garbage, options).map(([t, p, o]) => ({ source: t, atomic: true, run: () => applyMergePatch(t as string, p, o as never) })),
    fc.tuple(text, fc.oneof(garbage, fc.array(fc.record({ op: garbage, path: garbage, value: garbage, from: garbage }), { maxLength: 2 })), options).map(([t, p, o]) => ({ source: t, atomic: true, run: () => applyJsonPatch(t as string, p, o as never) })),
    fc.tuple(text, edits, options).map(([t, e, o]) => ({ source: t, atomic: false, run: () => applyEdits(t as string, e as never, o as never) })),
    fc.tuple(garbage, garbage, options).map(([a, b, o]) => ({ source: undefined, atomic: false, run: () => diffJson(a as never, b as never, o as never) })),
    fc.tuple(garbage, options).map(([input, o]) => ({ source: undefined, atomic: false, run: () => mergeWithConflictBlocks(input as never, o as never) })),
    fc.tuple(changeSet, garbage).map(([cs, sel]) => ({ source: undefined, atomic: false, run: () => toMergePatch(cs as never, sel as never) })),
    fc.tuple(text, changeSet, garbage, options).map(([t, cs, sel, o]) => ({ source: undefined, atomic: false, run: () => toJsonPatch(t as string, cs as never, sel as never, o as never) })),
  );

  test('no public function throws; every error is a MergeError; a refused call returns the source', () => {
    fc.assert(
      fc.property(call, ({ source, atomic, run }) => {
        const r: { text?: unknown; errors: unknown[] } = run();
        expect(Array.isArray(r.errors)).toBe(true);
        for (const e of r.errors) expect(e).toBeInstanceOf(MergeError);
        if (atomic && r.errors.length > 0) expect(r.text).toBe(source);
      }),
      lawParameters(1000),
    );
  });
});
