import { isMap, isSeq, type Node, type Pair } from 'yaml';
import type { Path } from '../model/path.js';
import { parseYamlFile, type ParsedFile } from '../parse/parseYaml.js';
import type { ResolvedLimits } from '../model/options.js';
import { detectEol } from '../locate/lines.js';
import { resolvePath } from '../locate/resolvePath.js';
import { endsInBlockScalar } from './endsInBlockScalar.js';

/**
 * The parsed text splices are planned on, with two facts about the text new entries are written
 * into that the parse alone does not give.
 */
export interface WriteTarget extends ParsedFile {
  /**
   * The source ends without a line break and `text` is it with one added, so that every entry
   * ends with one and a new entry is written the same way wherever it goes (after an entry a
   * removal now leaves last, too). New text that ends at `text.length` is the very end of the
   * source: `applyEdits` takes the line break off again, so no literal block is written there.
   */
  eolAdded: boolean;
  /**
   * Scalars that are no evidence of the local quote style: the text at and under the paths of
   * the change set being applied (see `localQuote`).
   */
  notEvidence: ReadonlySet<Node>;
}

/**
 * Parses `source` for planning splices: a text that ends without a line break gets one (not one
 * that ends in a block scalar, whose value would change), and the nodes at and under
 * `notEvidence` (paths into this text; those it does not hold are ignored) are collected.
 */
export function writeTarget(source: string, limits: ResolvedLimits, notEvidence: readonly Path[]): WriteTarget {
  const eolAdded = source !== '' && !source.endsWith('\n') && !endsInBlockScalar(source);
  const file = parseYamlFile(eolAdded ? source + detectEol(source) : source, limits, 'source');
  const nodes = new Set<Node>();
  if (file.errors.length === 0) {
    for (const path of notEvidence) {
      const res = resolvePath(file, path);
      if (res.kind === 'found' && res.at.node) addSubtree(res.at.node, nodes);
    }
  }
  return { ...file, eolAdded, notEvidence: nodes };
}

/** Adds `root` and every node under it (keys and values; iterative, so depth is no concern). */
function addSubtree(root: Node, into: Set<Node>): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (into.has(node)) continue;
    into.add(node);
    if (isMap(node)) {
      for (const pair of node.items as Pair<Node | null, Node | null>[]) {
        if (pair.key) stack.push(pair.key);
        if (pair.value) stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items as (Node | null)[]) if (item) stack.push(item);
    }
  }
}
