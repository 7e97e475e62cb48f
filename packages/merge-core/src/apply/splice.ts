/**
 * A replacement of the bytes `[start, end)` of the original text. `text` is the new content, or
 * `build` computes it from the region's own bytes with the splices nested inside it applied
 * (`sub(a, b)`), which is how a reordered list carries the edits made inside its elements.
 * Zero-width splices at the same offset keep their `seq` order.
 */
export interface Splice {
  start: number;
  end: number;
  text?: string;
  /**
   * The text to write instead when, once the other splices are applied, nothing but blank space
   * and the line break added to a text without one follows this splice: there a new value is
   * written without a literal block (YAML readers disagree on its last line break). See
   * `settleTextEnd`.
   */
  textAtEnd?: string;
  build?: (sub: (a: number, b: number) => string) => string;
  /** `build` for a region that ends the output of a text without a final line break (as `textAtEnd`). */
  buildAtEnd?: (sub: (a: number, b: number) => string) => string;
  seq: number;
  /**
   * A zero-width marker that measures where an offset ends up (`settleTextEnd`): unlike other
   * zero-width splices it is carried at the end edge of a piece a rebuilt region moves.
   */
  probe?: boolean;
  /** The edit this splice belongs to, so a failed edit's splices can be dropped. */
  edit?: number;
}

interface SpliceNode {
  splice: Splice;
  children: SpliceNode[];
}

function contains(outer: Splice, inner: Splice): boolean {
  if (outer.end === outer.start) return false;
  if (inner.start < outer.start || inner.end > outer.end) return false;
  if (inner.start === inner.end) return inner.start > outer.start && inner.start < outer.end;
  // a rebuilt region (`build`) carries the edits of the element texts it moves, even one as wide as itself
  if (inner.start === outer.start && inner.end === outer.end) return Boolean(outer.build) && !inner.build;
  return true;
}

/**
 * Applies non-overlapping (possibly nested) splices to `text` in one pass. Returns the new text,
 * or the pair of splices that overlap without nesting (two edits of the same bytes).
 */
export function applySplices(text: string, splices: readonly Splice[]): { text: string } | { overlap: [Splice, Splice] } {
  // at one offset: insertions first (in `seq` order), then the longest replacement
  const rank = (s: Splice) => (s.end === s.start ? Number.MAX_SAFE_INTEGER : s.end - s.start);
  const sorted = [...splices].sort((a, b) => a.start - b.start || rank(b) - rank(a) || Number(Boolean(b.build)) - Number(Boolean(a.build)) || a.seq - b.seq);
  const roots: SpliceNode[] = [];
  const stack: SpliceNode[] = [];
  for (const splice of sorted) {
    while (stack.length > 0 && !contains(stack[stack.length - 1]!.splice, splice)) stack.pop();
    const siblings = stack.length > 0 ? stack[stack.length - 1]!.children : roots;
    const prev = siblings[siblings.length - 1];
    if (prev && splice.start < prev.splice.end) return { overlap: [prev.splice, splice] };
    const node: SpliceNode = { splice, children: [] };
    siblings.push(node);
    stack.push(node);
  }
  const emit = (from: number, to: number, nodes: readonly SpliceNode[]): string => {
    let out = '';
    let pos = from;
    for (const { splice, children } of nodes) {
      if (splice.start < from || splice.end > to) continue;
      out += text.slice(pos, splice.start);
      out += splice.build
        ? splice.build((a, b) =>
            emit(
              a,
              b,
              children.filter((c) => c.splice.start >= a && c.splice.end <= b && !(c.splice.start === c.splice.end && (c.splice.start === b ? !c.splice.probe : c.splice.start === a))),
            ),
          )
        : (splice.text ?? '');
      pos = splice.end;
    }
    return out + text.slice(pos, to);
  };
  return { text: emit(0, text.length, roots) };
}

