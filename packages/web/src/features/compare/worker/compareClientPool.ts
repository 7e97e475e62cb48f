import type { CompareClient } from './compareClient';
import { createCompareClient } from './compareClient';

/** One worker started ahead of need (it warms up while the page waits for the adapter or the texts). */
let spare: CompareClient | null = null;

/** Starts a compare worker now, if none is waiting, so the next comparison finds it warm. */
export function prepareCompareClient(): void {
  spare ??= createCompareClient();
}

/** The waiting worker, or a new one. The caller owns it (and closes it). */
export function takeCompareClient(): CompareClient {
  const c = spare ?? createCompareClient();
  spare = null;
  return c;
}
