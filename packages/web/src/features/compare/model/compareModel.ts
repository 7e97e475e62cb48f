import { applyChanges, merge3 } from '@revprov/merge-core';
import type { ChangeSet, MergeError } from '@revprov/merge-core';

/** The three texts of a completed operation, as the compare view loads them. */
export interface CompareInputs {
  /** The file when the operation started (merge base). */
  base: string;
  /** The file on the branch now (ours): the right panel starts from it. */
  current: string;
  /** The base with the adapter's updates applied (theirs). */
  proposed: string;
}

/** An engine error as plain data (it crosses the worker boundary). */
export interface PlainError {
  code: string;
  message: string;
  line: number | null;
  col: number | null;
  source: string | null;
}

/** What the compare view works on: the texts and their change set. */
export interface CompareModel {
  inputs: CompareInputs;
  changeSet: ChangeSet;
}

/** The left panel: the current file with every change applied (conflicts take the proposal). */
export interface Enriched {
  text: string;
  /** Why `text` is the plain proposal instead (the engine could not apply everything), else null. */
  note: string | null;
}

/** The right panel's provenance: the selection it was computed from and the text that gave (before free edits). */
export interface PickState {
  selection: string[];
  preview: string;
}

export type PickResult =
  | { ok: true; text: string; state: PickState; applied: string[]; skipped: { id: string; reason: string }[] }
  | { ok: false; reason: 'conflict'; paths: string[]; message: string }
  | { ok: false; reason: 'invalid'; message: string };

export const plainError = (e: MergeError): PlainError => ({ code: e.code, message: e.message, line: e.line ?? null, col: e.col ?? null, source: e.source ?? null });

/**
 * Opens a completed operation for comparison: merge3(base, current, proposed), in the browser.
 * Expected failures (unreadable YAML) come back as errors, never thrown.
 */
export function openCompare(inputs: CompareInputs): { ok: true; model: CompareModel } | { ok: false; errors: PlainError[] } {
  const changeSet = merge3({ base: inputs.base, ours: inputs.current, theirs: inputs.proposed });
  if (changeSet.errors.length > 0) return { ok: false, errors: changeSet.errors.map(plainError) };
  return { ok: true, model: { inputs, changeSet } };
}

/**
 * The left panel without computing, when it is known: while the branch has not moved (current =
 * base), "the current file with every update applied" is the proposal itself. Else null.
 */
export function knownEnriched(model: CompareModel): Enriched | null {
  return model.inputs.current === model.inputs.base ? { text: model.inputs.proposed, note: null } : null;
}

/** The left panel: every change applied to the current file (the proposal, with a note, if the engine cannot). */
export function enrich(model: CompareModel): Enriched {
  const known = knownEnriched(model);
  if (known) return known;
  const all = applyChanges(model.inputs.current, model.changeSet);
  if (all.errors.length === 0) return { text: all.text, note: null };
  return { text: model.inputs.proposed, note: `the engine could not apply every change (${all.errors[0]?.message}); the left panel shows the adapter's proposal on the original file` };
}

/** The state of a fresh view: nothing picked, the right panel is the current file. */
export function initialPickState(model: CompareModel): PickState {
  return { selection: [], preview: model.inputs.current };
}

/**
 * Moves the right panel from selection `state.selection` to `next`, keeping the user's free edits:
 * without edits (`text` is still the last preview) the panel becomes the current file with `next`
 * applied; with edits, the difference between the two previews is merged three-way into `text`
 * (base = old preview, ours = the edited text, theirs = new preview), so every edit survives. When
 * an edit touches the same place as a picked or unpicked change, nothing changes and the conflicting
 * paths are returned; the caller keeps the old selection and text.
 */
export function pickChanges(model: CompareModel, state: PickState, next: string[], text: string): PickResult {
  const target = applyChanges(model.inputs.current, model.changeSet, next);
  if (target.errors.length > 0) return { ok: false, reason: 'invalid', message: `the selection cannot be applied: ${target.errors[0]?.message}` };
  const done = (t: string): PickResult => ({ ok: true, text: t, state: { selection: [...next], preview: target.text }, applied: target.applied, skipped: target.skipped });
  if (text === state.preview) return done(target.text);
  const carried = merge3({ base: state.preview, ours: text, theirs: target.text });
  if (carried.errors.length > 0) {
    const e = carried.errors[0];
    const where = e?.source === 'ours' && e.line !== undefined ? ` (right panel, line ${e.line}, column ${e.col ?? 1})` : '';
    return { ok: false, reason: 'invalid', message: `the right panel is not valid YAML${where}: ${e?.message ?? ''}` };
  }
  const conflicts = carried.changes.filter((c) => c.status === 'conflict').map((c) => c.id);
  if (conflicts.length > 0) return conflict(conflicts);
  const merged = applyChanges(text, carried);
  const blocked = merged.skipped.filter((s) => !/already/i.test(s.reason));
  if (merged.errors.length > 0 || blocked.length > 0) return conflict(blocked.map((s) => s.id));
  return done(merged.text);
}

function conflict(paths: string[]): PickResult {
  return {
    ok: false,
    reason: 'conflict',
    paths,
    message: `your edits in the right panel touch the same place${paths.length === 1 ? '' : 's'} as this pick (${paths.join(', ')}): nothing was changed. Undo the edit there, or make the change by hand.`,
  };
}
