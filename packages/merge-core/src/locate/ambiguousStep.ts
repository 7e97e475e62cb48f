import { getOwn, isJsonObject, type JsonValue } from '../model/json.js';
import { formatPath, formatSegment, type Path } from '../model/path.js';
import { findIn, matchesMany } from './findIn.js';

/**
 * The first element segment of `path` (followed from `from` in `root`) that names more than one
 * element of a list, as in ours `cols: [{name: x}, {name: y}, {name: x}]` for `cols[name=x]`: a
 * change there could reach only one of them. `null` when every step is unique or the path ends
 * early (see `lookupValue` for missing and shape cases).
 */
export function ambiguousStep(root: JsonValue | undefined, path: Path, from = 0): { depth: number; what: string } | null {
  let cur: JsonValue | undefined = root;
  for (let i = from; i < path.length && cur !== undefined && cur !== null; i++) {
    const seg = path[i]!;
    if (seg.kind === 'key') {
      cur = isJsonObject(cur) ? getOwn(cur, seg.key) : undefined;
      continue;
    }
    if (!Array.isArray(cur)) return null;
    if (matchesMany(cur, seg)) {
      const where = formatPath(path.slice(0, i)) || 'the document root';
      return { depth: i, what: `ours has more than one element ${formatSegment(seg)} in ${where}` };
    }
    const at = findIn(cur, seg);
    cur = at === -1 ? undefined : cur[at];
  }
  return null;
}
