import { isCollection, isMap, isScalar, type Node } from 'yaml';
import type { Change } from '../../model/change.js';
import { lineOf, locate } from './locate.js';

function isFlow(node: Node | null | undefined): boolean {
  return isCollection(node) && node.flow === true;
}

function nodeLines(text: string, node: Node | null | undefined, into: Set<number>): void {
  if (!node || !node.range) return;
  const [start, end] = node.range;
  const last = lineOf(text, Math.max(start, end - 1));
  for (let l = lineOf(text, start); l <= last; l++) into.add(l);
}

/** Comment-only or blank lines directly above `line` (they may travel with the node below). */
function leadingDecoration(lines: string[], line: number, into: Set<number>): void {
  for (let l = line - 1; l >= 0 && /^\s*(#.*)?\r?$/.test(lines[l]!); l--) into.add(l);
}

/**
 * The 0-based lines of `ours` that applying `change` may legitimately rewrite: the changed node
 * (with the key line, and for removals and moves the comments above and the deeper-indented comment
 * lines right after it, which travel with it), the
 * whole collection when it is in flow style or becomes empty, and for additions only the parent
 * when it is flow, scalar or empty. Returns null when the path cannot be found in `ours`.
 */
export function affectedLines(ours: string, change: Change): Set<number> | null {
  const lines = ours.split('\n');
  const out = new Set<number>();
  if (change.kind === 'add') {
    const parentPath = change.path.slice(0, -1);
    const loc = locate(ours, parentPath);
    if (!loc) return null;
    const target = loc.depth === parentPath.length ? loc.node : loc.ancestors[loc.ancestors.length - 1];
    if (!isCollection(target) || isFlow(target) || target.items.length === 0) {
      nodeLines(ours, target, out);
      if (loc.pair?.key && isScalar(loc.pair.key)) nodeLines(ours, loc.pair.key, out);
      if (target?.range) out.add(Math.max(0, lineOf(ours, target.range[0]) - 1));
    }
    for (const a of loc.ancestors) if (isFlow(a)) nodeLines(ours, a, out);
    return out;
  }
  const loc = locate(ours, change.path);
  if (!loc || loc.node === undefined) return null;
  const parent = loc.ancestors[loc.ancestors.length - 1];
  if (loc.pair?.key && isScalar(loc.pair.key)) nodeLines(ours, loc.pair.key, out);
  nodeLines(ours, loc.node, out);
  if (loc.node === null && loc.pair?.key && isScalar(loc.pair.key) && loc.pair.key.range) out.add(lineOf(ours, loc.pair.key.range[0]));
  // everything between the key and its value (comments before the first entry) belongs to the entry
  if (out.size > 0) for (let l = Math.min(...out); l <= Math.max(...out); l++) out.add(l);
  if (change.kind === 'remove' || change.kind === 'move') {
    if (out.size > 0) {
      let first = Math.min(...out);
      // a block sequence item whose node starts on the line after its bare `-` (comments may sit between)
      let above = first - 1;
      while (above >= 0 && /^\s*#/.test(lines[above]!)) above--;
      if (above >= 0 && /^\s*-\s*(#.*)?\r?$/.test(lines[above]!)) for (; first > above; ) out.add(--first);
      leadingDecoration(lines, first, out);
    }
    if (out.size > 0) {
      // comment lines right after the entry, indented deeper than it, are its own (they go with it)
      const contentIndents = [...out].filter((l) => !/^\s*(#.*)?\r?$/.test(lines[l]!)).map((l) => lines[l]!.length - lines[l]!.trimStart().length);
      const col = contentIndents.length > 0 ? Math.min(...contentIndents) : 0;
      for (let l = Math.max(...out) + 1; l < lines.length && /^\s*#/.test(lines[l]!) && lines[l]!.length - lines[l]!.trimStart().length > col; l++) out.add(l);
    }
    if (isCollection(parent) && parent.items.length <= 1) {
      nodeLines(ours, parent, out);
      // the collection becomes empty: its key line (above any comments before the first entry) is rewritten
      let start = parent.range ? lineOf(ours, parent.range[0]) : 0;
      leadingDecoration(lines, start, out);
      while (start > 0 && out.has(start - 1)) start--;
      out.add(Math.max(0, start - 1));
    }
    if (change.kind === 'move' && isCollection(loc.node)) {
      for (const item of loc.node.items) {
        const n = (isMap(loc.node) ? (item as { key: Node }).key : item) as Node;
        if (n?.range) leadingDecoration(lines, lineOf(ours, n.range[0]), out);
      }
    }
  }
  for (const a of loc.ancestors) if (isFlow(a)) nodeLines(ours, a, out);
  return out;
}
