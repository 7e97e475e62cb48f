import { isCollection, isMap, isPair, isScalar, isSeq, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { MergeError } from '../model/errors.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../model/json.js';
import { formatPath, segmentEqual as sameSegment, type Path } from '../model/path.js';
import { findIn } from '../locate/findIn.js';
import { findKey, resolvePath, type NodeLocation } from '../locate/resolvePath.js';
import type { Edit } from './edit.js';
import { collectionSplices, type CollectionPlan, type Insertion } from './collectionSplices.js';
import { isEmptyValue } from './nodeText.js';
import { relocateAnchors, type Touch } from './relocateAnchors.js';
import { replaceSplice } from './replaceSplice.js';
import { writeNew } from './writeNew.js';
import type { Splice } from './splice.js';
import type { WriteTarget } from './writeTarget.js';

/** A new entry of an existing collection: the value the edits below it build, its insertion, those edits. */
interface NewEntry {
  holder: JsonObject | JsonValue[];
  insertion: Insertion;
  edits: number[];
}

export interface EditPlan {
  splices: Splice[];
  /** Per edit index: the error that stopped it. */
  failed: Map<number, MergeError>;
}

/**
 * Turns edits into splices on the text of `file`: each edit is resolved against the one parse,
 * grouped by the collection it changes, and rendered in that collection's local style.
 */
export function planEdits(file: WriteTarget, edits: readonly Edit[]): EditPlan {
  const splices: Splice[] = [];
  const failed = new Map<number, MergeError>();
  const plans = new Map<Node, CollectionPlan>();
  const creations = new Map<Node | string, { loc: NodeLocation; value: JsonObject | JsonValue[]; edits: number[] }>();
  /** New entries of existing collections, by collection and entry segment: the edits that fill each. */
  const newEntries = new Map<Node, Map<string, NewEntry>>();
  let seq = 0;
  /** Nodes the edits change, for the anchors and aliases among them. */
  const touched: Touch[] = [];
  const planFor = (coll: YAMLMap | YAMLSeq, loc: NodeLocation): CollectionPlan => {
    let plan = plans.get(coll);
    if (!plan) plans.set(coll, (plan = { coll, loc, inserts: [], removes: new Map(), order: null }));
    return plan;
  };

  edits.forEach((edit, e) => {
    const res = resolvePath(file, edit.path);
    if (res.kind === 'error') {
      failed.set(e, res.error);
      return;
    }
    const id = formatPath(edit.path);
    if (edit.op === 'set') {
      if (res.kind === 'found') {
        const s = replaceSplice(file, res.at, edit.value, seq++);
        if (s instanceof MergeError) failed.set(e, s);
        else {
          splices.push({ ...s, edit: e });
          if (res.at.node) touched.push({ node: res.at.node, edit: e, document: res.at.document, how: 'replaced' });
        }
        return;
      }
      const { at, missing } = res;
      const seg = edit.path[missing]!;
      const siblings = Array.isArray(at.value) ? at.value : [];
      if (isEmptyValue(at.node) || (isScalar(at.node) && at.node.value === null) || isEmptyPlaceholder(at)) {
        const key = at.node ?? `${at.depth}:${at.pair ? at.pair.key : ''}:${at.index}:${String(at.parent?.range?.[0])}`;
        let creation = creations.get(key);
        if (!creation) creations.set(key, (creation = { loc: at, value: seg.kind === 'key' ? {} : [], edits: [] }));
        const wrote = isJsonObject(creation.value) || Array.isArray(creation.value) ? writeNew(creation.value, edit.path.slice(missing), edit.value, siblings) : null;
        if (wrote) return failed.set(e, withPath(wrote, id));
        if (at.node) touched.push({ node: at.node, edit: e, document: at.document, how: 'replaced' });
        creation.edits.push(e);
        return;
      }
      const coll = at.node as YAMLMap | YAMLSeq;
      const plan = planFor(coll, at);
      // every edit below one missing entry fills that one entry (never a copy per edit)
      const entries = newEntries.get(coll) ?? new Map<string, NewEntry>();
      newEntries.set(coll, entries);
      const entryId = formatPath([seg]);
      const known = entries.get(entryId);
      if (known) {
        const wrote = writeNew(known.holder, edit.path.slice(missing), edit.value, siblings);
        if (wrote) return failed.set(e, withPath(wrote, id));
        known.edits.push(e);
        touched.push({ node: coll, edit: e, document: at.document, how: 'inside' });
        return;
      }
      const holder: JsonObject | JsonValue[] = seg.kind === 'key' ? {} : [];
      const wrote = writeNew(holder, edit.path.slice(missing), edit.value, siblings);
      if (wrote) return failed.set(e, withPath(wrote, id));
      touched.push({ node: coll, edit: e, document: at.document, how: 'inside' });
      let after: number | null = null;
      if (edit.after === null) after = -1;
      else if (edit.after) {
        const idx = isMap(coll) ? (edit.after.kind === 'key' ? findKey(coll, edit.after.key, at.document.doc) : -1) : findIn(Array.isArray(at.value) ? at.value : [], edit.after);
        // not in the original: maybe an entry planned in this same batch (chained additions)
        after = idx !== -1 ? idx : (plan.inserts.find((i) => i.identity && sameSegment(i.identity, edit.after!))?.after ?? null);
      }
      const insertion: Insertion = { key: seg.kind === 'key' ? seg.key : null, value: null, identity: seg, after, seq: seq++, edit: e };
      plan.inserts.push(insertion);
      entries.set(entryId, { holder, insertion, edits: [e] });
      return;
    }
    if (edit.op === 'remove') {
      if (res.kind !== 'found') return failed.set(e, new MergeError('UNAPPLIABLE', `${id}: nothing to remove there`, { path: id }));
      const { at } = res;
      if (!at.parent) return failed.set(e, new MergeError('UNSUPPORTED', `${id}: cannot remove a document root`, { path: id }));
      planFor(at.parent, parentLocation(file, edit.path, at)).removes.set(at.index, e);
      if (at.node) touched.push({ node: at.node, edit: e, document: at.document, how: 'removed' });
      return;
    }
    if (res.kind !== 'found') return failed.set(e, new MergeError('UNAPPLIABLE', `${id}: no sequence there`, { path: id }));
    const { at } = res;
    if (edit.op === 'insert') {
      if (isEmptyValue(at.node) || (isScalar(at.node) && at.node.value === null && edit.index === 0) || isEmptyPlaceholder(at)) {
        const key = at.node ?? `${at.depth}:${at.index}`;
        let creation = creations.get(key);
        if (!creation) creations.set(key, (creation = { loc: at, value: [], edits: [] }));
        if (at.node) touched.push({ node: at.node, edit: e, document: at.document, how: 'replaced' });
        if (Array.isArray(creation.value)) creation.value.push(edit.value);
        else return failed.set(e, new MergeError('UNAPPLIABLE', `${id}: conflicting edits create the same value`, { path: id }));
        creation.edits.push(e);
        return;
      }
      if (!isSeq(at.node)) return failed.set(e, new MergeError('PATH_THROUGH_SCALAR', `${id}: not a sequence`, { path: id }));
      const n = at.node.items.length;
      if (!Number.isInteger(edit.index) || edit.index < 0 || edit.index > n) {
        return failed.set(e, new MergeError('UNAPPLIABLE', `${id}: index ${edit.index} is out of range 0..${n}`, { path: id }));
      }
      planFor(at.node, at).inserts.push({ key: null, value: edit.value, identity: null, after: null, before: edit.index < n ? edit.index : undefined, seq: seq++, edit: e } as Insertion);
      touched.push({ node: at.node, edit: e, document: at.document, how: 'inside' });
      return;
    }
    if (!isSeq(at.node)) return failed.set(e, new MergeError('PATH_THROUGH_SCALAR', `${id}: not a sequence`, { path: id }));
    planFor(at.node, at).order = { segments: edit.order, edit: e };
  });

  for (const entries of newEntries.values()) {
    for (const { holder, insertion } of entries.values()) insertion.value = Array.isArray(holder) ? holder[0]! : (holder as JsonObject)[insertion.key!]!;
  }
  for (const { loc, value, edits: es } of creations.values()) {
    const s = replaceSplice(file, loc, value, seq++);
    if (s instanceof MergeError) for (const e of es) failed.set(e, s);
    else splices.push(s);
  }
  for (const plan of plans.values()) {
    // reordered elements move their anchors: aliases that would now come first keep their value
    if (plan.order) for (const item of plan.coll.items) if (item && !isPair(item)) touched.push({ node: item as Node, edit: plan.order.edit, document: plan.loc.document, how: 'reordered' });
    const result = collectionSplices(file, plan);
    if (result instanceof MergeError) {
      for (const i of plan.inserts) failed.set(i.edit, result);
      for (const e of plan.removes.values()) failed.set(e, result);
      if (plan.order) failed.set(plan.order.edit, result);
    } else splices.push(...result);
  }
  relocateAnchors(file, touched, splices, failed);
  // one new entry holds every edit that filled it: if one of them fails, so does the entry
  for (const entries of newEntries.values()) {
    for (const { edits: es } of entries.values()) {
      const error = es.map((e) => failed.get(e)).find((x) => x !== undefined);
      if (error) for (const e of es) failed.set(e, error);
    }
  }
  return { splices: splices.filter((s) => s.edit === undefined || !failed.has(s.edit)), failed };
}

function withPath(error: MergeError, path: string): MergeError {
  return new MergeError(error.code, `${path}: ${error.message}`, { path });
}

function parentLocation(file: WriteTarget, path: Path, at: NodeLocation): NodeLocation {
  const res = resolvePath(file, path.slice(0, -1));
  return res.kind === 'found' ? res.at : at;
}

/** An empty flow collection (`{}`, `[]`) that is the value of a block entry: filled as a new block. */
function isEmptyPlaceholder(at: NodeLocation): boolean {
  const node = at.node;
  return isCollection(node) && node.flow === true && node.items.length === 0 && !at.parent?.flow;
}
