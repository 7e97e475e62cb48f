import { isJsonObject, type JsonValue } from '../model/json.js';
import { IDENTITY_FIELDS, type ListRule, type ListRuleEntry } from '../model/options.js';
import type { Path } from '../model/path.js';
import { elementKey } from '../locate/elementKey.js';

/** The shape of a path for rule matching: key names, `[]` for any element step. */
function shape(path: Path): string[] {
  const out: string[] = [];
  for (const seg of path) {
    if (seg.kind === 'key') out.push(seg.key);
    else if (seg.kind !== 'document') out.push('[]');
  }
  return out;
}

/** Tokens of the patterns seen so far; bounded, as patterns may come from callers. */
const compiled = new Map<string, string[]>();
const MAX_COMPILED = 1024;
function patternTokens(pattern: string): string[] {
  let tokens = compiled.get(pattern);
  if (!tokens) {
    tokens = [];
    for (const part of pattern.split('.')) {
      const m = /^([^[]*)((?:\[\*\])*)$/.exec(part);
      if (!m) {
        tokens.push(part);
        continue;
      }
      if (m[1]) tokens.push(m[1]);
      for (let i = 0; i < (m[2]?.length ?? 0) / 3; i++) tokens.push('[]');
    }
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(pattern, tokens);
  }
  return tokens;
}

/**
 * Whether the tokens `p` match the whole shape `s`. Runs in O(|p| × |s|) time whatever the
 * pattern: the set of shape positions reachable after each token is carried forward, so
 * patterns with many `**` (caller-supplied) never backtrack.
 */
function match(p: readonly string[], s: readonly string[]): boolean {
  let reach = new Array<boolean>(s.length + 1).fill(false);
  reach[0] = true;
  for (const t of p) {
    const next = new Array<boolean>(s.length + 1).fill(false);
    let any = false;
    for (let si = 0; si <= s.length; si++) {
      if (t === '**') {
        // `**` spans zero or more steps: every position at or after a reachable one
        if (reach[si] || (si > 0 && next[si - 1])) next[si] = any = true;
      } else if (si < s.length && reach[si] && (t === '*' || t === s[si])) {
        next[si + 1] = any = true;
      }
    }
    if (!any) return false;
    reach = next;
  }
  return reach[s.length] === true;
}

/** The identity of every element under a keyed rule, or `null` when one lacks it or repeats. */
export function identities(list: readonly JsonValue[], field: string | null): string[] | null {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const el of list) {
    const k = elementKey(el, field);
    if (k === null || seen.has(k)) return null;
    seen.add(k);
    out.push(k);
  }
  return out;
}

/** A resolved rule: keyed by one concrete field, set, atomic, or ordered. */
export type ConcreteRule = { type: 'keyed'; field: string } | { type: 'set' } | { type: 'atomic' } | { type: 'ordered' };

function fits(rule: ListRule, lists: readonly (readonly JsonValue[])[]): ConcreteRule | null {
  switch (rule.type) {
    case 'atomic':
    case 'ordered':
      return rule;
    case 'set':
      return lists.every((l) => identities(l, null) !== null) ? { type: 'set' } : null;
    case 'keyed':
      for (const field of rule.fields) if (lists.every((l) => identities(l, field) !== null)) return { type: 'keyed', field };
      return null;
  }
}

/**
 * The rule for the sequences at `path`: the first configured rule whose pattern matches and
 * whose shape fits the data, else inference (mappings with a unique identity field → keyed;
 * unique scalars → set; otherwise ordered). Empty lists fit any rule.
 */
export function ruleFor(path: Path, lists: readonly (readonly JsonValue[])[], rules: readonly ListRuleEntry[]): ConcreteRule {
  const s = shape(path);
  for (const entry of rules) {
    if (!match(patternTokens(entry.path), s)) continue;
    const rule = fits(entry.rule, lists);
    if (rule) return rule;
  }
  const all = lists.flat();
  if (all.length === 0) return { type: 'ordered' };
  if (all.every(isJsonObject)) {
    const keyed = fits({ type: 'keyed', fields: [...IDENTITY_FIELDS] }, lists);
    if (keyed) return keyed;
  } else if (all.every((v) => v === null || typeof v !== 'object')) {
    if (lists.every((l) => identities(l, null) !== null)) return { type: 'set' };
  }
  return { type: 'ordered' };
}
