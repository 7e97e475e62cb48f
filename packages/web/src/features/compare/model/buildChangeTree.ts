import { formatPath } from '@revprov/merge-core';
import type { Change, PathSegment } from '@revprov/merge-core';

/**
 * A node of the change tree: the entity, then path groups (`spec.mesh.dataContract.schema`), list
 * elements (`[name=amount]`), fields. `changes` are the changes exactly at this node; `ids` every
 * change id at or below it (the node's own first, then its children's).
 */
export interface ChangeNode {
  /** The canonical path of the node (`''` for the entity of a one-document file). */
  id: string;
  /** What the node shows: a dotted key chain, an element identity or a field name. */
  label: string;
  kind: 'entity' | 'group' | 'element' | 'field';
  changes: Change[];
  children: ChangeNode[];
  ids: string[];
  /** The `clean` ones among `ids`: what the node's group checkbox selects. */
  cleanIds: string[];
}

interface Draft {
  id: string;
  segment: PathSegment | null;
  changes: Change[];
  children: Map<string, Draft>;
}

function segmentLabel(s: PathSegment): string {
  switch (s.kind) {
    case 'key':
      return s.key;
    case 'index':
      return `[${s.index}]`;
    case 'keyed':
      return `${s.key}=${s.value}`;
    case 'value':
      return `=${s.value}`;
    case 'document':
      return s.id;
  }
}

const isElement = (s: PathSegment | null): boolean => s !== null && (s.kind === 'keyed' || s.kind === 'index' || s.kind === 'value');

/**
 * Builds the tree a reviewer reads: one entity node per document (`entityLabel` for a one-document
 * file), chains of plain keys folded into one group (`spec.mesh.dataContract.schema`), list elements
 * by identity, fields as leaves. Children keep the change set's order. Pure and linear.
 */
export function buildChangeTree(changes: readonly Change[], entityLabel: string): ChangeNode[] {
  const root: Draft = { id: '', segment: null, changes: [], children: new Map() };
  for (const change of changes) {
    let node = root;
    for (let i = 0; i < change.path.length; i++) {
      const segment = change.path[i]!;
      const id = formatPath(change.path.slice(0, i + 1));
      let child = node.children.get(id);
      if (!child) {
        child = { id, segment, changes: [], children: new Map() };
        node.children.set(id, child);
      }
      node = child;
    }
    node.changes.push(change);
  }
  const documents = [...root.children.values()].filter((d) => d.segment?.kind === 'document');
  if (documents.length > 0 && documents.length === root.children.size) {
    return documents.map((d) => ({ ...finish(d, 'group'), kind: 'entity', label: segmentLabel(d.segment!) }));
  }
  const entity = finish(root, 'group');
  return [{ ...entity, kind: 'entity', label: entityLabel }];
}

/** Converts a draft to a node, folding single-child key chains (`spec` → `mesh` → …) into one label. */
function finish(draft: Draft, kind: ChangeNode['kind']): ChangeNode {
  const children: ChangeNode[] = [];
  for (const child of draft.children.values()) {
    let d = child;
    const labels = [segmentLabel(d.segment!)];
    while (d.segment?.kind === 'key' && d.changes.length === 0 && d.children.size === 1) {
      const only = d.children.values().next().value as Draft;
      if (only.segment?.kind !== 'key' || (only.children.size === 0 && only.changes.length > 0)) break;
      d = only;
      labels.push(segmentLabel(d.segment!));
    }
    const childKind: ChangeNode['kind'] = isElement(d.segment) ? 'element' : d.children.size === 0 ? 'field' : 'group';
    children.push({ ...finish(d, childKind), label: labels.join('.') });
  }
  const ids = [...draft.changes.map((c) => c.id), ...children.flatMap((c) => c.ids)];
  const cleanIds = [...draft.changes.filter((c) => c.status === 'clean').map((c) => c.id), ...children.flatMap((c) => c.cleanIds)];
  return { id: draft.id, label: draft.segment ? segmentLabel(draft.segment) : '', kind, changes: draft.changes, children, ids, cleanIds };
}
