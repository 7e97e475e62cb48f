import type { Change, ChangeSummary } from '@revprov/merge-core';
import type { CompareInputs, Enriched, PickResult, PlainError } from '../model/compareModel';

/** Messages to the compare worker. Each carries a request number echoed in the answer. */
export type WorkerRequest =
  | { n: number; type: 'warm' }
  | { n: number; type: 'open'; inputs: CompareInputs }
  | { n: number; type: 'enrich' }
  | { n: number; type: 'pick'; selection: string[]; text: string };

/**
 * What `open` answers: the change set (plain data) and, when it needs no computation, the left
 * panel (else null: ask `enrich`); or why the texts cannot be read.
 */
export type OpenAnswer =
  | { ok: true; changes: Change[]; summary: ChangeSummary; enriched: Enriched | null; ms: number }
  | { ok: false; errors: PlainError[] };

/** Answers of the compare worker. */
export type WorkerAnswer =
  | { n: number; type: 'warm'; answer: { ms: number } }
  | { n: number; type: 'open'; answer: OpenAnswer }
  | { n: number; type: 'enrich'; answer: Enriched }
  | { n: number; type: 'pick'; answer: PickResult & { ms: number } }
  | { n: number; type: 'crash'; message: string };
