import { describe, expect, test } from 'vitest';
import { applyChanges, applyEdits, applyUpdates, diff, diffJson, merge3, MergeError, parseYaml } from '@revprov/merge-core';

/** Bad input gives a typed, located error value; nothing throws, nothing the user had is lost. */
describe('typed errors', () => {
  test('invalid YAML: code, line and column, from every entry point', () => {
    const bad = 'a: 1\nb: [1, 2\nc: 3\n';
    const fromMerge = merge3({ base: 'a: 1\n', ours: bad, theirs: 'a: 2\n' });
    expect(fromMerge.changes).toEqual([]);
    expect(fromMerge.errors[0]).toBeInstanceOf(MergeError);
    expect(fromMerge.errors[0]).toMatchObject({ code: 'YAML_SYNTAX', source: 'ours', line: 3, col: 1 });
    expect(diff(bad, 'a: 1\n').errors[0]).toMatchObject({ code: 'YAML_SYNTAX', source: 'before' });
    const upd = applyUpdates(bad, { a: 2 });
    expect(upd.text).toBe(bad);
    expect(upd.errors[0]?.code).toBe('YAML_SYNTAX');
    const app = applyChanges(bad, merge3({ base: 'a: 1\n', ours: 'a: 1\n', theirs: 'a: 2\n' }));
    expect(app.text).toBe(bad);
    expect(app.errors[0]?.code).toBe('YAML_SYNTAX');
  });

  test('duplicate keys', () => {
    const r = parseYaml('a: 1\nb: 2\na: 3\n');
    expect(r.errors[0]).toMatchObject({ code: 'DUPLICATE_KEY', line: 3, col: 1 });
  });

  test('alias bombs are bounded', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      lines.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const bomb = `${lines.join('\n')}\n`;
    const r = merge3({ base: bomb, ours: bomb, theirs: bomb });
    expect(r.errors[0]?.code).toBe('ALIAS_LIMIT');
    expect(r.errors[0]?.line).toBeGreaterThan(1);
  });

  test('absurd nesting is refused before the parser recurses', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}\n`;
    expect(parseYaml(deep).errors[0]?.code).toBe('DEPTH_LIMIT');
    const blocks = Array.from({ length: 400 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
    expect(parseYaml(blocks).errors[0]?.code).toBe('DEPTH_LIMIT');
    expect(parseYaml(blocks, { limits: { maxDepth: 1000 } }).errors).toEqual([]);
  });

  test('oversize input: documented default limit, configurable', () => {
    const big = `a: "${'x'.repeat(200)}"\n`;
    expect(parseYaml(big, { limits: { maxBytes: 100 } }).errors[0]?.code).toBe('SIZE_LIMIT');
    expect(parseYaml(big).errors).toEqual([]);
  });

  test('a path through a scalar or sequence, for that edit only', () => {
    const r = applyEdits('a: 1\nb: [x]\n', [
      { op: 'set', path: [{ kind: 'key', key: 'a' }, { kind: 'key', key: 'x' }], value: 1 },
      { op: 'set', path: [{ kind: 'key', key: 'b' }, { kind: 'key', key: 'x' }], value: 1 },
      { op: 'set', path: [{ kind: 'key', key: 'c' }], value: 1 },
    ]);
    expect(r.errors.map((e) => e.code)).toEqual(['PATH_THROUGH_SCALAR', 'PATH_THROUGH_SEQUENCE']);
    expect(r.text).toBe('a: 1\nb: [x]\nc: 1\n');
  });

  test('non-JSON values in edits', () => {
    const r = applyEdits('a: 1\n', [{ op: 'set', path: [{ kind: 'key', key: 'a' }], value: undefined as never }]);
    expect(r.errors[0]?.code).toBe('NOT_JSON');
    expect(r.text).toBe('a: 1\n');
  });

  test('__proto__, constructor and prototype are ordinary YAML keys', () => {
    const src = '__proto__:\n  polluted: yes\nconstructor:\n  prototype:\n    x: 1\n';
    const value = parseYaml(src).values[0] as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const cs = diff(src, src.replace('x: 1', 'x: 2').replace('polluted: yes', 'polluted: no'));
    expect(cs.changes.map((c) => c.id)).toEqual(['["__proto__"].polluted'.replace('["__proto__"]', '__proto__'), 'constructor.prototype.x']);
    const r = applyChanges(src, cs);
    expect(r.text).toBe('__proto__:\n  polluted: "no"\nconstructor:\n  prototype:\n    x: 2\n');
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  test('a wrong file is never returned: an edit the engine cannot write is refused with the source unchanged', () => {
    // an edit through an alias would change the anchored node it repeats
    const src = 'a: &x\n  b: 1\nc: *x\n';
    const r = applyEdits(src, [{ op: 'set', path: [{ kind: 'key', key: 'c' }, { kind: 'key', key: 'b' }], value: 2 }]);
    expect(r.text).toBe(src);
    expect(r.errors[0]?.code).toBe('UNSUPPORTED');
  });
});

describe('options', () => {
  test('verify: false skips the self-check but writes the same text', () => {
    const src = 'a: 1 # c\nb: [x]\n';
    const edits = [{ op: 'set' as const, path: [{ kind: 'key' as const, key: 'a' }], value: 2 }];
    expect(applyEdits(src, edits, { verify: false }).text).toBe(applyEdits(src, edits).text);
  });

  test('diffJson diffs parsed values with the same model', () => {
    const r = diffJson({ cols: [{ name: 'a', t: 1 }] }, { cols: [{ name: 'a', t: 2 }] });
    expect(r.changes.map((c) => c.id)).toEqual(['cols[name=a].t']);
    expect(diffJson({ a: 1 }, { a: () => 1 } as never).errors[0]?.code).toBe('NOT_JSON');
  });
});
