import type { Change, ChangeSet } from '../model/change.js';
import type { Style } from './style.js';

/** A value as JSON, shortened to 72 characters; `(absent)` where a side has no value. */
export function show(value: unknown): string {
  const text = JSON.stringify(value) ?? '(absent)';
  return text.length > 72 ? `${text.slice(0, 69)}...` : text;
}

/** A change id as messages show it: the id, or `the whole document` for the root of a one-document file (id `''`). */
export function changeName(id: string): string {
  return id === '' ? 'the whole document' : id;
}

function describe(c: Change, style: Style): string {
  const id = changeName(c.id);
  switch (c.kind) {
    case 'add':
      return `${style.green('+')} ${id}: ${show(c.theirs)}`;
    case 'remove':
      return `${style.red('-')} ${id}${c.base !== undefined ? `: ${show(c.base)}` : ''}`;
    case 'replace':
      return `${style.yellow('~')} ${id}: ${show(c.base)} -> ${show(c.theirs)}`;
    case 'move':
      return `${style.cyan('>')} ${id}: order ${show(c.theirs)}`;
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One line per change of a two-way diff: `+` add, `-` remove, `~` replace, `>` reorder, with the values. */
export function renderChanges(changeSet: ChangeSet, style: Style): string {
  const out = changeSet.changes.map((c) => describe(c, style) + '\n').join('');
  return out + (changeSet.changes.length === 0 ? 'no changes\n' : `${plural(changeSet.changes.length, 'change')}\n`);
}

/**
 * The listing of a three-way merge: each change with its status (`clean`, `CONFLICT`, `applied`
 * for already there) and, for a clean change the engine refused to write, `SKIPPED` with the reason.
 */
export function renderMerge(changeSet: ChangeSet, skipped: ReadonlyMap<string, string>, style: Style): string {
  let out = '';
  for (const c of changeSet.changes) {
    const reason = skipped.get(c.id);
    const tag =
      reason !== undefined ? style.bold(style.red('SKIPPED ')) : c.status === 'conflict' ? style.bold(style.red('CONFLICT')) : c.status === 'applied' ? style.dim('applied ') : 'clean   ';
    out += `${tag} ${describe(c, style)}\n`;
    if (reason !== undefined) out += `         ${style.dim(`not written: ${reason}`)}\n`;
    if (c.status === 'conflict') out += `         ${style.dim(`base ${show(c.base)}, ours ${show(c.ours)}, theirs ${show(c.theirs)}`)}\n`;
  }
  const s = changeSet.summary;
  if (s.total === 0) return out + 'no changes\n';
  const parts = [`${s.clean - skipped.size} clean`, plural(s.conflict, 'conflict'), `${skipped.size} skipped`, `${s.applied} already applied`];
  return out + `${plural(s.total, 'change')} (${parts.join(', ')})\n`;
}
