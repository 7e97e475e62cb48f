import { isAlias, isCollection, isPair, visit, type Alias, type Document, type Node, type ParsedNode } from 'yaml';

/**
 * The aliases, anywhere in the document, that refer to an anchored node inside `node` (itself
 * included). Editing such a node would silently change every alias site too; the planner uses
 * this to keep those sites' values.
 */
export function aliasesInto(doc: Document.Parsed<ParsedNode, true>, node: Node): { alias: Alias; target: Node }[] {
  const index = aliasIndex(doc);
  if (index.size === 0) return [];
  const out: { alias: Alias; target: Node }[] = [];
  const collect = (n: unknown): void => {
    if (isPair(n)) {
      collect(n.key);
      collect(n.value);
      return;
    }
    if (!n || isAlias(n)) return;
    for (const alias of index.get(n as Node) ?? []) out.push({ alias, target: n as Node });
    if (isCollection(n)) for (const item of n.items) collect(item);
  };
  collect(node);
  return out;
}

const aliasCache = new WeakMap<object, Map<Node, Alias[]>>();

/** Every alias of a document, by the node it refers to (built once per parsed document). */
function aliasIndex(doc: Document.Parsed<ParsedNode, true>): Map<Node, Alias[]> {
  let index = aliasCache.get(doc);
  if (!index) {
    const built = new Map<Node, Alias[]>();
    visit(doc, {
      Alias(_, alias) {
        const target = alias.resolve(doc) as Node | undefined;
        if (target) built.set(target, [...(built.get(target) ?? []), alias]);
      },
    });
    aliasCache.set(doc, (index = built));
  }
  return index;
}

const targetsCache = new WeakMap<object, { anchor: string; start: number; end: number }[]>();

/**
 * The anchor names of the nodes that contain `node` (by source range) and that some alias
 * repeats: an edit inside such a node would also change every alias site.
 */
export function aliasedAncestors(doc: Document.Parsed<ParsedNode, true>, node: Node): string[] {
  let targets = targetsCache.get(doc);
  if (!targets) {
    const found: { anchor: string; start: number; end: number }[] = [];
    const seen = new Set<Node>();
    visit(doc, {
      Alias(_, alias) {
        const target = alias.resolve(doc) as Node | undefined;
        if (target?.range && !seen.has(target)) {
          seen.add(target);
          found.push({ anchor: alias.source, start: target.range[0], end: target.range[1] });
        }
      },
    });
    targetsCache.set(doc, (targets = found));
  }
  const r = node.range;
  if (!r) return [];
  return targets.filter((t) => t.start <= r[0] && r[1] <= t.end && !(t.start === r[0] && t.end === r[1])).map((t) => t.anchor);
}
