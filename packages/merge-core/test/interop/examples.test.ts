import { describe, expect, it } from 'vitest';
import {
  applyJsonPatch,
  applyMergePatch,
  diff,
  formatJsonPointer,
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

