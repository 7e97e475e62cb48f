import type { Change, ChangeSummary } from '@revprov/merge-core';
import type { CompareInputs, PickResult, PlainError } from '../model/compareModel';

/** Messages to the compare worker. Each carries a request number echoed in the answer. */
export type WorkerRequest =
  | { n: number; type: 'open'; inputs: CompareInputs }
  | { n: number; type: 'pick'; selection: string[]; text: string };

/** What `open` answers: the change set (plain data) and the left panel, or why the texts cannot be read. */
export type OpenAnswer =
  | { ok: true; changes: Change[]; summary: ChangeSummary; enriched: string; enrichedNote: string | null; ms: number }
  | { ok: false; errors: PlainError[] };

/** Answers of the compare worker. */
export type WorkerAnswer =
  | { n: number; type: 'open'; answer: OpenAnswer }
  | { n: number; type: 'pick'; answer: PickResult & { ms: number } }
  | { n: number; type: 'crash'; message: string };
