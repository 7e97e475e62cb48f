/**
 * RFC 7396 (JSON Merge Patch) test vectors, transcribed from the RFC: the 15 cases of Appendix A,
 * then the examples of Sections 1 and 3. Each satisfies the RFC's MergePatch pseudo-code.
 */
export interface MergePatchVector {
  source: string;
  target: unknown;
  patch: unknown;
  result: unknown;
}

const appendixA: [unknown, unknown, unknown][] = [
  [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
  [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
  [{ a: 'b' }, { a: null }, {}],
  [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
  [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
  [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
  [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
  [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
  [['a', 'b'], ['c', 'd'], ['c', 'd']],
  [{ a: 'b' }, ['c'], ['c']],
  [{ a: 'foo' }, null, null],
  [{ a: 'foo' }, 'bar', 'bar'],
  [{ e: null }, { a: 1 }, { e: null, a: 1 }],
  [[1, 2], { a: 'b', c: null }, { a: 'b' }],
  [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
];

export const RFC7396_VECTORS: readonly MergePatchVector[] = [
  ...appendixA.map(([target, patch, result], i) => ({ source: `Appendix A #${i + 1}`, target, patch, result })),
  {
    source: 'Section 1',
    target: { a: 'b', c: { d: 'e', f: 'g' } },
    patch: { a: 'z', c: { f: null } },
    result: { a: 'z', c: { d: 'e' } },
  },
  {
    source: 'Section 3',
    target: {
      title: 'Goodbye!',
      author: { givenName: 'John', familyName: 'Doe' },
      tags: ['example', 'sample'],
      content: 'This will be unchanged',
    },
    patch: { title: 'Hello!', phoneNumber: '+01-123-456-7890', author: { familyName: null }, tags: ['example'] },
    result: {
      title: 'Hello!',
      author: { givenName: 'John' },
      tags: ['example'],
      content: 'This will be unchanged',
      phoneNumber: '+01-123-456-7890',
    },
  },
];
