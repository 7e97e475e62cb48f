import type { Change } from '../model/change.js';
import type { JsonValue } from '../model/json.js';
import type { PathSegment } from '../model/path.js';
import type { Edit } from '../apply/edit.js';

/**
 * The edit that makes a change true in ours. Adds of positional elements become inserts (clamped
 * to ours' length); moves become an `order` edit over theirs' element order.
 */
export function changeToEdit(change: Change, ourLength: (path: Change['path']) => number | null): Edit | null {
  const { path, kind } = change;
  switch (kind) {
    case 'add':
    case 'replace': {
      const last = path[path.length - 1];
      if (kind === 'add' && last?.kind === 'index') {
        const len = ourLength(path.slice(0, -1));
        if (len === null) return { op: 'set', path: path.slice(0, -1), value: [change.theirs as JsonValue] };
        return { op: 'insert', path: path.slice(0, -1), index: Math.min(last.index, len), value: change.theirs as JsonValue };
      }
      const edit: Edit = { op: 'set', path, value: change.theirs as JsonValue };
      if (change.after !== undefined) edit.after = change.after;
      return edit;
    }
    case 'remove':
      return { op: 'remove', path };
    case 'move': {
      const field = change.field ?? null;
      const order: PathSegment[] = ((change.theirs as JsonValue[]) ?? []).map((id) =>
        field === null ? { kind: 'value', value: String(id) } : { kind: 'keyed', key: field, value: String(id) },
      );
      return { op: 'order', path, order };
    }
  }
}
