import { describe, expect, it } from 'vitest';
import {
  applyJsonPatch,
  applyMergePatch,
  diff,
  formatJsonPointer,
  merge3,
  mergeWithConflictBlocks,
  parseJsonPointer,
  toJsonPatch,
  toMergePatch,
} from '@revprov/merge-core';

const SOURCE = `# catalog
metadata:
  name: orders   # keep
  tags: [a, b]
spec:
  schema:
    # key
    - name: id
      dataType: string
    - name: amount   # money
      dataType: decimal
`;

describe('applyJsonPatch is byte-local', () => {
  const table = [
    {
      name: 'replace a scalar keeps its trailing comment and everything else',
      patch: [{ op: 'replace', path: '/metadata/name', value: 'payments' }],
      expected: SOURCE.replace('name: orders   # keep', 'name: payments   # keep'),
    },
    {
      name: 'add to a flow sequence stays flow',
      patch: [{ op: 'add', path: '/metadata/tags/-', value: 'c' }],
      expected: SOURCE.replace('[a, b]', '[a, b, c]'),
    },
    {
      name: 'remove a list element takes its own comment with it',
      patch: [{ op: 'remove', path: '/spec/schema/0' }],
      expected: SOURCE.replace('    # key\n    - name: id\n      dataType: string\n', ''),
    },
    {
      name: 'escaped pointer tokens address keys with / and ~',
      source: 'annotations:\n  backstage.io/x~y: 1\n',
      patch: [{ op: 'replace', path: '/annotations/backstage.io~1x~0y', value: 2 }],
      expected: 'annotations:\n  backstage.io/x~y: 2\n',
    },
  ];
  for (const t of table) {
    it(t.name, () => {
      const r = applyJsonPatch(t.source ?? SOURCE, t.patch);
      expect(r.errors).toEqual([]);
      expect(r.text).toBe(t.expected);
    });
  }

  it('is atomic: a failing later operation leaves the text unchanged', () => {
    const r = applyJsonPatch(SOURCE, [
      { op: 'replace', path: '/metadata/name', value: 'x' },
      { op: 'remove', path: '/spec/nope' },
    ]);
    expect(r.text).toBe(SOURCE);
    expect(r.errors.map((e) => [e.code, e.path])).toEqual([['PATH_NOT_FOUND', '/spec/nope']]);
    expect(r.errors[0]!.message).toContain('patch operation 1 (remove "/spec/nope")');
  });

  it('refuses a multi-document text with a typed error', () => {
    const r = applyJsonPatch('a: 1\n---\nb: 2\n', [{ op: 'add', path: '/c', value: 3 }]);
    expect(r.errors.map((e) => e.code)).toEqual(['UNSUPPORTED']);
  });

  it('reports YAML errors of the source with their position', () => {
    const r = applyJsonPatch('a: [1\nb: 2\n', []);
    expect(r.errors[0]).toMatchObject({ code: 'YAML_SYNTAX' });
    expect(r.errors[0]!.line).toBeGreaterThan(0);
  });
});

describe('applyMergePatch is byte-local', () => {
  it('sets, adds and deletes members in place', () => {
    const r = applyMergePatch(SOURCE, { metadata: { name: 'payments', tags: null, title: 'Orders' } });
    expect(r.errors).toEqual([]);
    expect(r.text).toBe(SOURCE.replace('name: orders   # keep\n  tags: [a, b]\n', 'name: payments   # keep\n  title: Orders\n'));
  });
  it('rejects a patch that is not JSON', () => {
    expect(applyMergePatch(SOURCE, { a: () => 1 }).errors.map((e) => e.code)).toEqual(['INVALID_PATCH']);
  });
});

describe('toJsonPatch', () => {
  it('resolves keyed ids to indices in source and guards with test operations', () => {
    const theirs = SOURCE.replace('dataType: decimal', 'dataType: decimal(10,2)');
    const r = toJsonPatch(SOURCE, diff(SOURCE, theirs));
    expect(r.errors).toEqual([]);
    expect(r.patch).toEqual([
      { op: 'test', path: '/spec/schema/1/dataType', value: 'decimal' },
      { op: 'replace', path: '/spec/schema/1/dataType', value: 'decimal(10,2)' },
    ]);
    expect(applyJsonPatch(SOURCE, r.patch).text).toBe(theirs);
  });
  it('the guard fails on a document that moved on', () => {
    const theirs = SOURCE.replace('dataType: decimal', 'dataType: decimal(10,2)');
    const { patch } = toJsonPatch(SOURCE, diff(SOURCE, theirs));
    const moved = SOURCE.replace('dataType: decimal', 'dataType: float');
    expect(applyJsonPatch(moved, patch).errors.map((e) => e.code)).toEqual(['PATCH_TEST_FAILED']);
  });
  it('reorderings become move operations', () => {
    const theirs = 'spec:\n  schema:\n    - name: amount\n      dataType: decimal\n    - name: id\n      dataType: string\n';
    const base = 'spec:\n  schema:\n    - name: id\n      dataType: string\n    - name: amount\n      dataType: decimal\n';
    const r = toJsonPatch(base, diff(base, theirs));
    expect(r.patch).toEqual([{ op: 'move', from: '/spec/schema/1', path: '/spec/schema/0' }]);
    expect(applyJsonPatch(base, r.patch).text).toBe(theirs);
  });
});

describe('toMergePatch', () => {
  it('exports key-only changes, null for removals', () => {
    const theirs = SOURCE.replace('  tags: [a, b]\n', '  title: Orders\n');
    expect(toMergePatch(diff(SOURCE, theirs))).toEqual({ patch: { metadata: { tags: null, title: 'Orders' } }, errors: [] });
  });
  it('refuses changes inside lists with NOT_REPRESENTABLE naming the change', () => {
    const theirs = SOURCE.replace('dataType: decimal', 'dataType: float');
    const r = toMergePatch(diff(SOURCE, theirs));
    expect(r.patch).toBeNull();
    expect(r.errors.map((e) => [e.code, e.path])).toEqual([['NOT_REPRESENTABLE', 'spec.schema[name=amount].dataType']]);
  });
  it('refuses to write a null value (null means delete)', () => {
    const r = toMergePatch(diff('a: 1\n', 'a: null\n'));
    expect(r.errors.map((e) => e.code)).toEqual(['NOT_REPRESENTABLE']);
  });
});

describe('JSON Pointer', () => {
  it('round-trips ~0 and ~1', () => {
    expect(parseJsonPointer('/a~1b/~0c/')).toEqual(['a/b', '~c', '']);
    expect(formatJsonPointer(['a/b', '~c', ''])).toBe('/a~1b/~0c/');
  });
  it('rejects a bad escape', () => {
    expect(parseJsonPointer('/a~2')).toMatchObject({ code: 'INVALID_POINTER' });
  });
});

describe('mergeWithConflictBlocks', () => {
  const base = 'a: 1\nb:\n  c: 2\n  d: 3\n';
  it('applies clean changes and marks only the conflicting entry', () => {
    const r = mergeWithConflictBlocks({ base, ours: 'a: 1\nb:\n  c: 20\n  d: 3\n', theirs: 'a: 10\nb:\n  c: 200\n  d: 3\n' });
    expect(r.errors).toEqual([]);
    expect(r.conflicts.map((c) => c.id)).toEqual(['b.c']);
    expect(r.text).toBe('a: 10\nb:\n<<<<<<< ours\n  c: 20\n=======\n  c: 200\n>>>>>>> theirs\n  d: 3\n');
  });
  it('shows a removal by theirs as an empty theirs side', () => {
    const r = mergeWithConflictBlocks({ base, ours: 'a: 1\nb:\n  c: 20\n  d: 3\n', theirs: 'a: 1\nb:\n  d: 3\n' });
    expect(r.text).toBe('a: 1\nb:\n<<<<<<< ours\n  c: 20\n=======\n>>>>>>> theirs\n  d: 3\n');
  });
  it('is the plain merge when there is no conflict', () => {
    const input = { base, ours: '# hi\n' + base, theirs: base.replace('d: 3', 'd: 4') };
    expect(merge3(input).summary.conflict).toBe(0);
    expect(mergeWithConflictBlocks(input)).toEqual({ text: '# hi\n' + input.theirs, conflicts: [], errors: [] });
  });
  it('honours the marker size', () => {
    const r = mergeWithConflictBlocks({ base, ours: base.replace('c: 2', 'c: 5'), theirs: base.replace('c: 2', 'c: 6') }, { markerSize: 3 });
    expect(r.text).toContain('<<< ours\n  c: 5\n===\n  c: 6\n>>> theirs\n');
  });
});
