import { applyChanges } from '@revprov/merge-core';
import { describe, expect, it } from 'vitest';
import { enrich, initialPickState, knownEnriched, openCompare, pickChanges } from '../src/features/compare/model/compareModel';
import type { CompareModel, PickState } from '../src/features/compare/model/compareModel';

const BASE = `# orders
spec:
  schema:
    - name: id # primary key
      dataType: INT
      description: Order id.
    - name: amount
      dataType: DOUBLE
      description: Amount.
  rowCount: 3
`;
const PROPOSED = `# orders
spec:
  schema:
    - name: id # primary key
      dataType: BIGINT
      description: Order id.
    - name: amount
      dataType: DECIMAL
      description: Amount.
    - name: currency
      dataType: CHAR
  rowCount: 4
`;
const ID = 'spec.schema[name=id].dataType';
const AMOUNT = 'spec.schema[name=amount].dataType';
const CURRENCY = 'spec.schema[name=currency]';
const ROWS = 'spec.rowCount';

function open(current = BASE): CompareModel {
  const r = openCompare({ base: BASE, current, proposed: PROPOSED });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.model;
}

/** Applies picks in sequence like the page does, returning the last result's text and state. */
function pickAll(model: CompareModel, steps: { select: string[]; text?: (t: string) => string }[]): { text: string; state: PickState } {
  let state = initialPickState(model);
  let text = model.inputs.current;
  for (const step of steps) {
    if (step.text) text = step.text(text);
    const r = pickChanges(model, state, step.select, text);
    if (!r.ok) throw new Error(r.message);
    ({ text, state } = r);
  }
  return { text, state };
}

describe('openCompare', () => {
  it('computes the change set in the browser; the left panel is the proposal while the branch has not moved', () => {
    const model = open();
    expect(model.changeSet.changes.map((c) => `${c.kind} ${c.id} ${c.status}`)).toEqual([
      `replace ${ID} clean`,
      `replace ${AMOUNT} clean`,
      `add ${CURRENCY} clean`,
      `replace ${ROWS} clean`,
    ]);
    expect(knownEnriched(model)).toEqual({ text: PROPOSED, note: null });
    expect(enrich(model)).toEqual({ text: PROPOSED, note: null });
    expect(applyChanges(BASE, model.changeSet).text).toBe(PROPOSED);
  });

  it('when the branch moved, the left panel is the current file with every change applied', () => {
    const current = BASE.replace('description: Amount.', 'description: Amount in EUR.');
    const model = open(current);
    expect(knownEnriched(model)).toBeNull();
    expect(enrich(model)).toEqual({ text: PROPOSED.replace('description: Amount.', 'description: Amount in EUR.'), note: null });
  });

  it('reports unreadable YAML as errors with their position, never throws', () => {
    const r = openCompare({ base: BASE, current: 'spec: [unclosed\n', proposed: PROPOSED });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ code: 'YAML_SYNTAX', source: 'ours', line: expect.any(Number) });
  });
});

describe('pickChanges', () => {
  const model = open();

  it('without free edits, the right panel is the current file with exactly the selection applied', () => {
    for (const selection of [[AMOUNT], [AMOUNT, CURRENCY], [CURRENCY], [], [ID, AMOUNT, CURRENCY, ROWS]]) {
      const { text } = pickAll(model, [{ select: [AMOUNT] }, { select: selection }]);
      expect(text, selection.join()).toBe(applyChanges(BASE, model.changeSet, selection).text);
    }
    expect(pickAll(model, [{ select: [AMOUNT] }, { select: [] }]).text).toBe(BASE);
  });

  it('keeps a free edit while changes are picked and unpicked', () => {
    const edit = (t: string): string => t.replace('description: Order id.', 'description: Order id, hand-written.');
    const { text } = pickAll(model, [{ select: [AMOUNT] }, { select: [AMOUNT, CURRENCY], text: edit }, { select: [CURRENCY, ROWS] }]);
    expect(text).toBe(edit(applyChanges(BASE, model.changeSet, [CURRENCY, ROWS]).text));
    expect(text).toContain('# primary key');
  });

  it('refuses a pick that collides with a free edit at the same place, changing nothing', () => {
    const state = initialPickState(model);
    const edited = BASE.replace('dataType: DOUBLE', 'dataType: FLOAT');
    const r = pickChanges(model, state, [AMOUNT], edited);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe('conflict');
      if (r.reason === 'conflict') expect(r.paths).toEqual([AMOUNT]);
      expect(r.message).toContain(AMOUNT);
    }
    const other = pickChanges(model, state, [ROWS], edited);
    expect(other.ok && other.text).toBe(edited.replace('rowCount: 3', 'rowCount: 4'));
  });

  it('explains a right panel that is not valid YAML any more, with its position', () => {
    const r = pickChanges(model, initialPickState(model), [AMOUNT], `${BASE}  - broken: [\n`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/right panel is not valid YAML \(right panel, line \d+, column \d+\)/);
  });

  it('leaves changes the branch already has as applied, and conflicts selectable (taking the proposal)', () => {
    const moved = open(BASE.replace('dataType: DOUBLE', 'dataType: DECIMAL').replace('rowCount: 3', 'rowCount: 5'));
    const status = Object.fromEntries(moved.changeSet.changes.map((c) => [c.id, c.status]));
    expect(status).toEqual({ [ID]: 'clean', [AMOUNT]: 'applied', [CURRENCY]: 'clean', [ROWS]: 'conflict' });
    const { text } = pickAll(moved, [{ select: [ROWS, AMOUNT] }]);
    expect(text).toContain('rowCount: 4');
    expect(text).toContain('dataType: DECIMAL');
  });
});
