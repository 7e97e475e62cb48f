import type { Change, ChangeSet } from '../model/change.js';

/** ANSI styling, enabled only for a TTY without `NO_COLOR` (https://no-color.org). */
export interface Style {
  green(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
}

export function makeStyle(enabled: boolean): Style {
  const wrap = (open: number, close: number) => (s: string) => (enabled ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return { green: wrap(32, 39), red: wrap(31, 39), yellow: wrap(33, 39), cyan: wrap(36, 39), bold: wrap(1, 22), dim: wrap(2, 22) };
}

/** True when standard output should be coloured. */
export function colorWanted(): boolean {
  const noColor = process.env['NO_COLOR'];
  return process.stdout.isTTY === true && (noColor === undefined || noColor === '');
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 72 ? `${text.slice(0, 69)}...` : text;
}

function describe(c: Change, style: Style): string {
  const id = c.id === '' ? '(document)' : c.id;
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

/** One line per change: `+` add, `-` remove, `~` replace, `>` reorder, with the values. */
export function renderChanges(changeSet: ChangeSet, style: Style, withStatus: boolean): string {
  let out = '';
  for (const c of changeSet.changes) {
    if (!withStatus) {
      out += describe(c, style) + '\n';
      continue;
    }
    const tag = c.status === 'conflict' ? style.bold(style.red('CONFLICT')) : c.status === 'applied' ? style.dim('applied ') : 'clean   ';
    out += `${tag} ${describe(c, style)}\n`;
    if (c.status === 'conflict') out += `         ${style.dim(`base ${show(c.base)}, ours ${show(c.ours)}, theirs ${show(c.theirs)}`)}\n`;
  }
  const s = changeSet.summary;
  if (s.total === 0) return out + 'no changes\n';
  const parts = withStatus ? [`${s.clean} clean`, `${s.conflict} conflict${s.conflict === 1 ? '' : 's'}`, `${s.applied} already applied`] : [];
  return out + `${s.total} change${s.total === 1 ? '' : 's'}${parts.length ? ` (${parts.join(', ')})` : ''}\n`;
}
