/** Why a value a caller handed in cannot be used as JSON data. */
export interface JsonValueProblem {
  code: 'NOT_JSON' | 'DEPTH_LIMIT' | 'SIZE_LIMIT';
  /** JSON Pointer (RFC 6901) of the offending member inside the value; `''` is the value itself. */
  at: string;
  /** What is wrong there, as a sentence tail: `is not JSON at /a/0 (a function)`. */
  message: string;
}

/** The limits a value is checked against (the same as a YAML text's: `Limits`). */
export interface JsonValueBounds {
  /** Deepest nesting accepted, counted as in a YAML text (the root value is level 0). */
  maxDepth: number;
  /** Largest accepted size, as the length of the value's JSON text (a lower estimate). */
  maxBytes: number;
}

interface Frame {
  node: object;
  /** Own enumerable keys of an object; `null` for an array. */
  keys: string[] | null;
  next: number;
  /** The key or index this node was reached by. */
  key: string;
}

/**
 * Checks that `value` is plain JSON data within `bounds`, by an explicit stack, never by
 * recursion, so no value can overflow the call stack here (the engine's own walks, which recurse,
 * only ever see values that passed). Plain JSON: `null`, booleans, finite numbers, strings,
 * arrays without holes, objects whose prototype is `Object.prototype` or `null` (own enumerable
 * keys); no function, symbol, bigint, `undefined`, class instance or cycle (a value shared
 * without a cycle is fine). `depth` is the level the value is written at (the length of its path
 * in a document), so a value and its place together stay within `maxDepth`, the nesting a YAML
 * text may have. A value whose getters or proxy traps throw is not JSON. Returns the first
 * problem, or `null`.
 */
export function checkJsonValue(value: unknown, bounds: JsonValueBounds, depth = 0): JsonValueProblem | null {
  const stack: Frame[] = [];
  const onPath = new Set<object>();
  let size = 0;
  const problem = (code: JsonValueProblem['code'], key: string | null, what: string): JsonValueProblem => {
    const tokens = stack.slice(1).map((f) => f.key);
    if (key !== null && stack.length > 0) tokens.push(key);
    const at = tokens.map((t) => `/${t.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
    const where = at === '' ? '' : ` at ${at}`;
    const message =
      code === 'NOT_JSON'
        ? `is not JSON${where} (${what})`
        : code === 'DEPTH_LIMIT'
          ? `nests deeper than ${bounds.maxDepth} levels (limits.maxDepth${depth > 0 ? `, counting the ${depth} levels of its path` : ''})${where}`
          : `is larger than ${bounds.maxBytes} characters as JSON text (limits.maxBytes)`;
    return { code, at, message };
  };
  const visit = (node: unknown, key: string | null): JsonValueProblem | null => {
    if (depth + stack.length > bounds.maxDepth) return problem('DEPTH_LIMIT', key, '');
    size += 1 + (key === null ? 0 : key.length);
    if (node === null || typeof node === 'boolean') return null;
    if (typeof node === 'string') {
      size += node.length;
      return size > bounds.maxBytes ? problem('SIZE_LIMIT', key, '') : null;
    }
    if (typeof node === 'number') return Number.isFinite(node) ? null : problem('NOT_JSON', key, `the number ${String(node)}`);
    if (typeof node !== 'object') return problem('NOT_JSON', key, node === undefined ? 'undefined' : `a ${typeof node}`);
    if (onPath.has(node)) return problem('NOT_JSON', key, 'a cycle');
    let keys: string[] | null = null;
    if (!Array.isArray(node)) {
      const proto: unknown = Object.getPrototypeOf(node);
      if (proto !== Object.prototype && proto !== null) return problem('NOT_JSON', key, 'an instance of a class');
      keys = Object.keys(node);
    }
    onPath.add(node);
    stack.push({ node, keys, next: 0, key: key ?? '' });
    return null;
  };
  try {
    const first = visit(value, null);
    if (first !== null) return first;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const length = top.keys === null ? (top.node as unknown[]).length : top.keys.length;
      if (top.next >= length) {
        stack.pop();
        onPath.delete(top.node);
        continue;
      }
      const i = top.next++;
      const key = top.keys === null ? String(i) : top.keys[i]!;
      const child: unknown = top.keys === null ? (top.node as unknown[])[i] : (top.node as Record<string, unknown>)[key];
      const bad = visit(child, key);
      if (bad !== null) return bad;
      if (size > bounds.maxBytes) return problem('SIZE_LIMIT', null, '');
    }
  } catch {
    return problem('NOT_JSON', null, 'reading it threw: a getter or a proxy');
  }
  return null;
}
