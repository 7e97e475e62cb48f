import type { DocumentMatch } from '../model/change.js';
import type { Path } from '../model/path.js';
import { jsonEqual, type JsonValue } from '../model/json.js';
import { documentIds, isEntityId } from '../locate/documentIds.js';
import { matchDocuments } from './matchDocuments.js';

/** The value a change path starts from on ours' side: the document, and how many segments it consumed. */
export interface OursRoot {
  root: JsonValue | undefined;
  from: number;
}

/** How the documents of base, theirs and (for `merge3`) ours correspond. */
export interface DocumentAlignment {
  /**
   * True when some input has more than one document: change paths then start with a document
   * segment. A single-document file is one entity: its documents always correspond.
   */
  multi: boolean;
  baseIds: string[];
  theirIds: string[];
  /** For each base document, the index of the same document in theirs, or -1. */
  theirsOf: number[];
  /** The `ChangeSet.documents` table (multi-document inputs only). */
  documents: DocumentMatch[] | undefined;
  /** Where a change path leads on ours' side (`undefined` root: ours has no such document). */
  oursRoot(path: Path): OursRoot;
}

/**
 * Aligns the documents of the inputs (see `matchDocuments`): base with theirs, then base with ours,
 * where a rename theirs made counts as evidence (ours may have taken it already). A document only
 * theirs has corresponds to ours' document of the same entity identity that base has not; one
 * without identity, to an equal document of ours that base has not (ours added it too, or took it).
 */
export function alignDocuments(base: readonly JsonValue[], theirs: readonly JsonValue[], ours: readonly JsonValue[] | null): DocumentAlignment {
  const multi = base.length > 1 || theirs.length > 1 || (ours !== null && ours.length > 1);
  const baseIds = documentIds(base);
  const theirIds = documentIds(theirs);
  if (!multi) {
    return { multi, baseIds, theirIds, theirsOf: base.map((_, i) => (i < theirs.length ? i : -1)), documents: undefined, oursRoot: () => ({ root: ours?.[0], from: 0 }) };
  }
  const theirsOf = matchDocuments(base, theirs);
  const ourIds = ours === null ? [] : documentIds(ours);
  const oursOf = ours === null ? [] : matchDocuments(base, ours, theirsOf.map((j) => (j === -1 ? null : theirIds[j]!)));
  const baseMatched = new Set(oursOf);
  const documents: DocumentMatch[] = [];
  const oursIndex = new Map<string, number>();
  const entry = (id: string, o: number, t: number): void => {
    if (oursIndex.has(id)) return;
    const theirId = t === -1 ? null : theirIds[t]!;
    documents.push(ours === null ? { id, theirs: theirId } : { id, ours: o === -1 ? null : ourIds[o]!, theirs: theirId });
    oursIndex.set(id, o);
  };
  baseIds.forEach((id, i) => entry(id, oursOf[i] ?? -1, theirsOf[i]!));
  const theirsMatched = new Set(theirsOf);
  const oursTaken = new Set<number>();
  theirIds.forEach((id, j) => {
    if (theirsMatched.has(j)) return;
    const o = isEntityId(id) ? ourIds.indexOf(id) : sameNewDocument(theirs[j]!, ours ?? [], ourIds, baseMatched, oursTaken);
    const matched = o !== -1 && !baseMatched.has(o) ? o : -1;
    if (matched !== -1) oursTaken.add(matched);
    entry(id, matched, j);
  });
  const oursRoot = (path: Path): OursRoot => {
    const first = path[0];
    if (ours === null || first?.kind !== 'document') return { root: undefined, from: 0 };
    const o = oursIndex.get(first.id) ?? -1;
    return { root: o === -1 ? undefined : ours[o], from: 1 };
  };
  return { multi, baseIds, theirIds, theirsOf, documents, oursRoot };
}

/** The first document of ours without identity, not in base and not yet claimed, equal to `value`; else -1. */
function sameNewDocument(value: JsonValue, ours: readonly JsonValue[], ourIds: readonly string[], inBase: ReadonlySet<number>, taken: ReadonlySet<number>): number {
  return ours.findIndex((v, o) => !isEntityId(ourIds[o]!) && !inBase.has(o) && !taken.has(o) && jsonEqual(v, value));
}
