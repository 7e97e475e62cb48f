import { applyChanges, merge3 } from '@revprov/merge-core';

/** A generated catalog-info with `columns` columns; `variant` changes a few types and adds a column. */
function sample(columns: number, variant: boolean): string {
  const lines = ['apiVersion: witboost.com/v1', 'kind: Component', 'metadata:', '  name: warm-up', 'spec:', '  mesh:', '    dataContract:', '      schema:'];
  for (let i = 0; i < columns; i++) {
    lines.push(`        - name: column_${i} # ${i}`, `          dataType: ${variant && i % 7 === 0 ? 'BIGINT' : 'INT'}`, `          description: Column ${i}.`);
  }
  if (variant) lines.push('        - name: added', '          dataType: CHAR');
  return `${lines.join('\n')}\n`;
}

/**
 * Runs the engine once on a small generated file (merge3, then applyChanges), so a new worker's
 * code is compiled before the user's file arrives: a fresh JavaScript engine runs a first large
 * merge markedly slower than later ones. About 0.1 s; nothing is kept.
 */
export function warmUp(): void {
  const base = sample(300, false);
  const theirs = sample(300, true);
  const ours = base.replace('description: Column 3.', 'description: Column three.');
  const cs = merge3({ base, ours, theirs });
  applyChanges(ours, cs);
  applyChanges(ours, cs, cs.changes.slice(0, 2).map((c) => c.id));
}
