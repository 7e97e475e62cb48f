import { describe, expect, it } from 'vitest';
import { diffLines, splitLines, unifiedDiff } from '../../src/cli/unifiedDiff.js';

const names = { a: 'a/f.yaml', b: 'b/f.yaml' };

describe('unifiedDiff', () => {
  const table = [
    { name: 'identical texts give no output', a: 'x\ny\n', b: 'x\ny\n', expected: '' },
    {
      name: 'one changed line with context',
      a: 'a\nb\nc\nd\ne\nf\ng\nh\n',
      b: 'a\nb\nc\nd\nE\nf\ng\nh\n',
      expected: '--- a/f.yaml\n+++ b/f.yaml\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n',
    },
    {
      name: 'insertion into an empty file',
      a: '',
      b: 'new\n',
      expected: '--- a/f.yaml\n+++ b/f.yaml\n@@ -0,0 +1 @@\n+new\n',
    },
    {
      name: 'missing final newline is marked',
      a: 'k: 1\n',
      b: 'k: 2',
      expected: '--- a/f.yaml\n+++ b/f.yaml\n@@ -1 +1 @@\n-k: 1\n+k: 2\n\\ No newline at end of file\n',
    },
    {
      name: 'distant changes make two hunks',
      a: '1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n',
      b: '0\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n13\n',
      expected:
        '--- a/f.yaml\n+++ b/f.yaml\n@@ -1,4 +1,4 @@\n-1\n+0\n 2\n 3\n 4\n@@ -9,4 +9,4 @@\n 9\n 10\n 11\n-12\n+13\n',
    },
  ];
  for (const t of table) it(t.name, () => expect(unifiedDiff(t.a, t.b, names)).toBe(t.expected));

  it('diffLines is a valid, minimal edit script', () => {
    const a = splitLines('a\nb\nc\na\nb\nb\na\n');
    const b = splitLines('c\nb\na\nb\na\nc\n');
    const script = diffLines(a, b);
    expect(script.filter((l) => l.kind !== '+').map((l) => l.text)).toEqual(a);
    expect(script.filter((l) => l.kind !== '-').map((l) => l.text)).toEqual(b);
    expect(script.filter((l) => l.kind !== '=').length).toBe(5); // Myers' paper example: D = 5
  });
});
