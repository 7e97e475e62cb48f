import type { Change } from '@revprov/merge-core';
import { useEffect, useRef, useState } from 'react';
import type { ChangeNode } from '../model/buildChangeTree';
import { describeValue } from '../model/describeValue';

/** Children shown at first under one node; the rest come with "Show more". */
const PAGE = 100;

interface TreeProps {
  nodes: ChangeNode[];
  selection: ReadonlySet<string>;
  onToggle(ids: string[], checked: boolean): void;
  /** Expand every group at first (small change sets). */
  expandAll: boolean;
}

/**
 * The change set as a tree (entity → path → list element → field): one checkbox per change, named
 * with its id, kind and status, with its old and new values; one checkbox per group selecting the
 * group's clean changes (mixed when part of them is selected). Changes the current file already has
 * (`applied`) show checked and cannot be unticked. Plain nested lists with disclosure buttons, all
 * reachable with Tab and toggled with Space.
 */
export function ChangeTree({ nodes, selection, onToggle, expandAll }: TreeProps) {
  return (
    <ul className="change-tree" aria-label="Changes">
      {nodes.map((n) => (
        <TreeNode key={n.id} node={n} selection={selection} onToggle={onToggle} expandAll={expandAll} depth={0} />
      ))}
    </ul>
  );
}

function TreeNode({ node, selection, onToggle, expandAll, depth }: { node: ChangeNode; selection: ReadonlySet<string>; onToggle: TreeProps['onToggle']; expandAll: boolean; depth: number }) {
  const [open, setOpen] = useState(expandAll || depth < 2);
  const [shown, setShown] = useState(PAGE);
  const leaf = node.children.length === 0 && node.changes.length === 1;
  if (leaf) {
    return (
      <li className="change-leaf">
        <ChangeRow change={node.changes[0]!} label={node.label} selection={selection} onToggle={onToggle} />
      </li>
    );
  }
  const count = node.ids.length;
  return (
    <li className={`change-group kind-${node.kind}`}>
      <div className="group-row">
        <button type="button" className="disclosure" aria-expanded={open} onClick={() => setOpen(!open)}>
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> {node.label || '(root)'} <span className="count">({count} {count === 1 ? 'change' : 'changes'})</span>
        </button>
        <GroupCheckbox node={node} selection={selection} onToggle={onToggle} />
      </div>
      {open && (
        <ul>
          {node.changes.map((c) => (
            <li key={c.id} className="change-leaf">
              <ChangeRow change={c} label="(whole entry)" selection={selection} onToggle={onToggle} />
            </li>
          ))}
          {node.children.slice(0, shown).map((child) => (
            <TreeNode key={child.id} node={child} selection={selection} onToggle={onToggle} expandAll={expandAll} depth={depth + 1} />
          ))}
          {node.children.length > shown && (
            <li>
              <button type="button" className="link" onClick={() => setShown(shown + PAGE)}>
                Show {Math.min(PAGE, node.children.length - shown)} more of {node.children.length - shown} under {node.label}
              </button>
            </li>
          )}
        </ul>
      )}
    </li>
  );
}

function GroupCheckbox({ node, selection, onToggle }: { node: ChangeNode; selection: ReadonlySet<string>; onToggle: TreeProps['onToggle'] }) {
  const ref = useRef<HTMLInputElement>(null);
  const ids = node.cleanIds;
  const picked = ids.filter((id) => selection.has(id)).length;
  const mixed = picked > 0 && picked < ids.length;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = mixed;
  }, [mixed]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className="group-check"
      aria-label={`All clean changes under ${node.label || 'the entity'}`}
      disabled={ids.length === 0}
      checked={ids.length > 0 && picked === ids.length}
      onChange={(e) => onToggle(ids, e.target.checked)}
    />
  );
}

function ChangeRow({ change, label, selection, onToggle }: { change: Change; label: string; selection: ReadonlySet<string>; onToggle: TreeProps['onToggle'] }) {
  const applied = change.status === 'applied';
  return (
    <div className={`change-row status-${change.status}`}>
      <label>
        <input
          type="checkbox"
          aria-label={`${change.id}: ${change.kind}, ${change.status}`}
          checked={applied || selection.has(change.id)}
          disabled={applied}
          onChange={(e) => onToggle([change.id], e.target.checked)}
        />
        <span className="field-name">{label}</span>
      </label>
      <span className={`badge kind-${change.kind}`}>{change.kind}</span>
      <span className={`badge status-${change.status}`}>{change.status}</span>
      <ChangeValues change={change} />
    </div>
  );
}

function ChangeValues({ change }: { change: Change }) {
  const from = change.kind === 'add' ? undefined : change.base;
  const to = change.kind === 'remove' ? undefined : change.theirs;
  return (
    <span className="values">
      {from !== undefined && (
        <del title={describeValue(from, 2000)}>
          <span className="visually-hidden">old value </span>
          {describeValue(from)}
        </del>
      )}
      {from !== undefined && to !== undefined && <span aria-hidden="true"> → </span>}
      {to !== undefined && (
        <ins title={describeValue(to, 2000)}>
          <span className="visually-hidden">new value </span>
          {describeValue(to)}
        </ins>
      )}
      {change.status === 'conflict' && (
        <span className="ours">
          {' '}
          (branch now: {describeValue(change.ours)})
        </span>
      )}
    </span>
  );
}
