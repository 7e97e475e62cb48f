import { isAlias, isCollection, isPair, visit, type Alias, type Document, type Node, type ParsedNode } from 'yaml';

/**
 * The aliases, anywhere in the document, that refer to an anchored node inside `node` (itself
 * included). Editing such a node would silently change every alias site too; the planner uses
 * this to keep those sites' values.
 */
export function aliasesInto(doc: Document.Parsed<ParsedNode, true>, node: Node): { alias: Alias; target: Node }[] {
  const anchored = new Set<Node>();
  const collect = (n: unknown): void => {
    if (isPair(n)) {
      collect(n.key);
      collect(n.value);
      return;
    }
    if (!n || isAlias(n)) return;
    if ((n as { anchor?: string }).anchor) anchored.add(n as Node);
    if (isCollection(n)) for (const item of n.items) collect(item);
  };
  collect(node);
  if (anchored.size === 0) return [];
  const out: { alias: Alias; target: Node }[] = [];
  visit(doc, {
    Alias(_, alias) {
      const target = alias.resolve(doc) as Node | undefined;
      if (target && anchored.has(target)) out.push({ alias, target });
    },
  });
  return out;
}
