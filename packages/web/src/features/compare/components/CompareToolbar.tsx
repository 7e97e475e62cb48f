import type { ChangeSummary } from '@revprov/merge-core';

/**
 * The compare view's actions: the summary by status, Select all clean, Clear selection, the
 * collapse toggle, Copy, Download and Save (disabled with its reason when the caller may not save).
 */
export function CompareToolbar(props: {
  summary: ChangeSummary;
  picked: number;
  edited: boolean;
  cleanCount: number;
  collapsed: boolean;
  saveBlocked: string | null;
  onSelectAllClean(): void;
  onClear(): void;
  onToggleCollapse(): void;
  onCopy(): void;
  onDownload(): void;
  onSave(): void;
}) {
  const { summary } = props;
  return (
    <div className="toolbar" role="toolbar" aria-label="Compare actions">
      <p className="summary">
        {summary.total} changes: {summary.clean} clean, {summary.conflict} conflict, {summary.applied} applied · {props.picked} picked
        {props.edited && ' · edited by hand'}
      </p>
      <button type="button" onClick={props.onSelectAllClean} disabled={props.cleanCount === 0}>
        Select all clean
      </button>
      <button type="button" onClick={props.onClear} disabled={props.picked === 0}>
        Clear selection
      </button>
      <button type="button" aria-pressed={props.collapsed} onClick={props.onToggleCollapse}>
        Collapse unchanged lines
      </button>
      <span className="spacer" />
      <button type="button" onClick={props.onCopy}>
        Copy
      </button>
      <button type="button" onClick={props.onDownload}>
        Download
      </button>
      <button type="button" className="primary" onClick={props.onSave} disabled={props.saveBlocked !== null} aria-describedby={props.saveBlocked ? 'save-blocked' : undefined}>
        Save
      </button>
      {props.saveBlocked && (
        <span id="save-blocked" className="hint">
          Saving is not possible: {props.saveBlocked}.
        </span>
      )}
    </div>
  );
}
