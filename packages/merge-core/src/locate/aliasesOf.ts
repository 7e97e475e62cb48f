import { isAlias, isCollection, isPair, visit, type Alias, type Document, type Node, type Pair, type ParsedNode, type YAMLMap, type YAMLSeq } from 'yaml';

/** Where an alias stands: the node it repeats, and the collection (and entry) holding it. */
export interface AliasSite {
  alias: Alias;
  target: Node;
  /** The mapping or sequence holding the alias; `null` at a document root. */
  parent: YAMLMap | YAMLSeq | null;
  /** The mapping entry, when the parent is a mapping. */
  pair: Pair | null;
  /** The alias is a mapping key (`*k : v`). */
  isKey: boolean;
}

interface AliasIndex {
  byTarget: Map<Node, AliasSite[]>;
  /** Every aliased node's source range, for containment tests. */
  targets: { node: Node; start: number; end: number }[];
}

const cache = new WeakMap<object, AliasIndex>();

/** Every alias of a document, by the node it repeats (built once per parsed document). */
function aliasIndex(doc: Document.Parsed<ParsedNode, true>): AliasIndex {
  let index = cache.get(doc);
  if (!index) {
    const byTarget = new Map<Node, AliasSite[]>();
    const targets: AliasIndex['targets'] = [];
    visit(doc, {
      Alias(_, alias, path) {
        const target = alias.resolve(doc) as Node | undefined;
        if (!target) return;
        const holder = path[path.length - 1];
        const pair = isPair(holder) ? (holder as Pair) : null;
        const coll = pair ? path[path.length - 2] : holder;
        const site: AliasSite = { alias, target, parent: isCollection(coll) ? (coll as YAMLMap | YAMLSeq) : null, pair, isKey: pair?.key === alias };
        const sites = byTarget.get(target);
        if (sites) sites.push(site);
        else {
          byTarget.set(target, [site]);
          if (target.range) targets.push({ node: target, start: target.range[0], end: target.range[1] });
        }
      },
    });
    cache.set(doc, (index = { byTarget, targets }));
  }
  return index;
}

/** The aliases that repeat `target` (in document order). */
export function aliasesOf(doc: Document.Parsed<ParsedNode, true>, target: Node): readonly AliasSite[] {
  return aliasIndex(doc).byTarget.get(target) ?? [];
}

/**
 * The aliased nodes inside `node` (itself included), found by walking it: editing, removing or
 * moving `node` changes what their aliases would repeat.
 */
export function aliasedWithin(doc: Document.Parsed<ParsedNode, true>, node: Node): Node[] {
  const { byTarget } = aliasIndex(doc);
  if (byTarget.size === 0) return [];
  const out: Node[] = [];
  const collect = (n: unknown): void => {
    if (isPair(n)) {
      collect(n.key);
      collect(n.value);
      return;
    }
    if (!n || isAlias(n)) return;
    if (byTarget.has(n as Node)) out.push(n as Node);
    if (isCollection(n)) for (const item of n.items) collect(item);
  };
  collect(node);
  return out;
}

/**
 * The aliased nodes that contain `node` (by source range, itself excluded): an edit inside `node`
 * changes what their aliases would repeat too.
 */
export function aliasedAround(doc: Document.Parsed<ParsedNode, true>, node: Node): Node[] {
  const r = node.range;
  if (!r) return [];
  return aliasIndex(doc)
    .targets.filter((t) => t.node !== node && t.start <= r[0] && r[1] <= t.end)
    .map((t) => t.node);
}

/** True when the document has an alias anywhere. */
export function hasAliases(doc: Document.Parsed<ParsedNode, true>): boolean {
  return aliasIndex(doc).byTarget.size > 0;
}
