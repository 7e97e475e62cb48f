import type { Node } from 'yaml';

/**
 * Start of a node's properties (`&anchor`, `!tag`) when they stand before it on the same line,
 * else the node's own start.
 */
export function propsStart(text: string, node: Node): number {
  let start = node.range![0];
  for (;;) {
    let i = start - 1;
    while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
    if (i < 0 || text[i] === '\n') return start;
    let j = i;
    // a property ends at white space or at the flow indicator before it (`[&a x`, `{k: !t v`)
    while (j >= 0 && !/[\s[{,]/.test(text[j]!)) j--;
    const word = text.slice(j + 1, i + 1);
    if (!/^[&!]/.test(word)) return start;
    start = j + 1;
  }
}
