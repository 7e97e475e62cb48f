/** Why a JSON value is refused: too deeply nested, or too large once serialized. */
export interface JsonShapeIssue {
  kind: 'depth' | 'size';
  message: string;
}

/**
 * Checks a JSON value's nesting depth without recursion (so a value nested a million levels deep
 * is measured, not a stack overflow), then its serialized size. Everything that walks a value
 * recursively afterwards (validation, JSON.stringify, the merge engine) is safe once this passes.
 * `what` names the value in the message (`params`, `updates`, `the tech adapter's answer`).
 */
export function checkJsonShape(value: unknown, limits: { maxDepth: number; maxBytes?: number }, what: string): JsonShapeIssue | null {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== 'object') continue;
    if (depth > limits.maxDepth) return { kind: 'depth', message: `${what} is nested more than ${limits.maxDepth} levels deep (limits.maxJsonDepth)` };
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  if (limits.maxBytes !== undefined) {
    const bytes = Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
    if (bytes > limits.maxBytes) return { kind: 'size', message: `${what} is ${bytes} bytes as JSON, more than the limit of ${limits.maxBytes}` };
  }
  return null;
}
