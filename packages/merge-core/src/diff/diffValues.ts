import { hasOwn, isJsonObject, jsonEqual, type JsonValue } from '../model/json.js';
import type { ListRuleEntry } from '../model/options.js';
import type { Path, PathSegment } from '../model/path.js';
import { keptPositions } from './keptPositions.js';
import { identities, ruleFor } from './listRules.js';

/** A change between two values before statuses are known (see `Change`). */
export interface RawChange {
  path: Path;
  kind: 'add' | 'remove' | 'replace' | 'move';
  base?: JsonValue;
  theirs?: JsonValue;
  after?: PathSegment | null;
  /** For `move`: the identity field of the listed elements (`null`: set elements by value). */
  field?: string | null;
}

/**
 * Two-way structural diff at the finest granularity: mappings key by key, sequences by their
 * list rule (keyed and set elements matched through hash maps, so linear in the list length),
 * order-only differences as one `move` per sequence, scalars and type changes as `replace`.
 * Ordered lists position by position (elements edited in place, appended, dropped at the end);
 * where `theirs` inserted, removed or reordered elements, one `replace` of the whole list.
 */
export function diffValues(base: JsonValue, theirs: JsonValue, path: Path, rules: readonly ListRuleEntry[], out: RawChange[]): void {
  if (base === theirs) return;
  if (isJsonObject(base) && isJsonObject(theirs)) {
    for (const k of Object.keys(base)) {
      if (!hasOwn(theirs, k)) out.push({ path: [...path, { kind: 'key', key: k }], kind: 'remove', base: base[k]! });
    }
    // `after`: the sibling right before it in theirs (new or not); applying follows the chain of
    // new siblings to one the target has, so new entries land in theirs' order however they are selected
    let prev: PathSegment | null = null;
    for (const k of Object.keys(theirs)) {
      const seg: PathSegment = { kind: 'key', key: k };
      if (!hasOwn(base, k)) out.push({ path: [...path, seg], kind: 'add', theirs: theirs[k]!, after: prev });
      else diffValues(base[k]!, theirs[k]!, [...path, seg], rules, out);
      prev = seg;
    }
    return;
  }
  if (Array.isArray(base) && Array.isArray(theirs)) {
    diffLists(base, theirs, path, rules, out);
    return;
  }
  if (!jsonEqual(base, theirs)) out.push({ path, kind: 'replace', base, theirs });
}

function diffLists(base: JsonValue[], theirs: JsonValue[], path: Path, rules: readonly ListRuleEntry[], out: RawChange[]): void {
  if (jsonEqual(base, theirs)) return;
  const rule = ruleFor(path, [base, theirs], rules);
  if (rule.type === 'atomic') {
    out.push({ path, kind: 'replace', base, theirs });
    return;
  }
  if (rule.type === 'ordered') {
    const common = Math.min(base.length, theirs.length);
    // elements are matched by position: where theirs inserted, removed or reordered elements,
    // positions after that hold other elements, so the change is one replace of the whole list
    if (keptPositions(base, theirs) < common) {
      out.push({ path, kind: 'replace', base, theirs });
      return;
    }
    for (let i = 0; i < common; i++) diffValues(base[i]!, theirs[i]!, [...path, { kind: 'index', index: i }], rules, out);
    for (let i = base.length - 1; i >= common; i--) out.push({ path: [...path, { kind: 'index', index: i }], kind: 'remove', base: base[i]! });
    for (let i = common; i < theirs.length; i++) {
      out.push({ path: [...path, { kind: 'index', index: i }], kind: 'add', theirs: theirs[i]!, after: i === 0 ? null : { kind: 'index', index: i - 1 } });
    }
    return;
  }
  const field = rule.type === 'keyed' ? rule.field : null;
  const seg = (id: string): PathSegment => (field === null ? { kind: 'value', value: id } : { kind: 'keyed', key: field, value: id });
  const baseIds = identities(base, field)!;
  const theirIds = identities(theirs, field)!;
  const baseIndex = new Map(baseIds.map((id, i) => [id, i]));
  const theirIndex = new Map(theirIds.map((id, i) => [id, i]));
  baseIds.forEach((id, i) => {
    if (!theirIndex.has(id)) out.push({ path: [...path, seg(id)], kind: 'remove', base: base[i]! });
  });
  let prev: PathSegment | null = null;
  theirIds.forEach((id, i) => {
    const s = seg(id);
    const b = baseIndex.get(id);
    if (b === undefined) {
      out.push({ path: [...path, s], kind: 'add', theirs: theirs[i]!, after: prev });
      prev = s;
      return;
    }
    if (field !== null) diffValues(base[b]!, theirs[i]!, [...path, s], rules, out);
    // set identities are text: `8080` and `"8080"` match, but their values differ
    else if (!jsonEqual(base[b]!, theirs[i]!)) out.push({ path: [...path, s], kind: 'replace', base: base[b]!, theirs: theirs[i]! });
    prev = s;
  });
  const commonBase = baseIds.filter((id) => theirIndex.has(id));
  const commonTheirs = theirIds.filter((id) => baseIndex.has(id));
  if (commonBase.some((id, i) => id !== commonTheirs[i])) {
    out.push({ path, kind: 'move', base: baseIds, theirs: theirIds, field });
  }
}
