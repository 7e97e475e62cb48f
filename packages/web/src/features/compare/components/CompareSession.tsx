import { useEffect, useMemo, useRef, useState } from 'react';
import { useAnnounce } from '../../../components/Announcer';
import { copyText } from '../../../lib/copyText';
import { downloadText } from '../../../lib/downloadText';
import type { CompareOperation } from '../api/compareQueries';
import type { Enriched } from '../model/compareModel';
import { buildChangeTree } from '../model/buildChangeTree';
import type { CompareClient } from '../worker/compareClient';
import { takeCompareClient } from '../worker/compareClientPool';
import type { OpenAnswer } from '../worker/protocol';
import { usePicks } from '../hooks/usePicks';
import { ChangeTree } from './ChangeTree';
import { CompareToolbar } from './CompareToolbar';
import type { MergePanelsHandle } from './MergePanels';
import { MergePanels } from './MergePanels';
import { SaveDialog } from './SaveDialog';

type Loaded = CompareOperation & { proposedYaml: string; currentYaml: string; currentRevision: string };

/** Change sets up to this size start with every group expanded. */
const EXPAND_ALL_UP_TO = 200;

/**
 * One comparison of an operation against the branch head it was loaded at. State flows one way:
 * operation → change set (computed by merge-core in a worker) → selection → right panel text. A
 * pick updates the selection at once; the worker computes the right panel (carrying free edits)
 * and picks made meanwhile are folded into the next computation. Performance marks
 * (`revprov:texts-loaded`, `revprov:engine-done`, `revprov:compare-ready`, `revprov:pick-start`,
 * `revprov:pick-done`) time the view for the benchmark.
 */
export function CompareSession({ operation: op, onReload, saveBlocked }: { operation: Loaded; onReload(): void; saveBlocked: string | null }) {
  const announce = useAnnounce();
  const fileName = op.filePath.slice(op.filePath.lastIndexOf('/') + 1);
  const client = useRef<CompareClient | null>(null);
  const panels = useRef<MergePanelsHandle>(null);
  const root = useRef<HTMLDivElement>(null);
  const [opened, setOpened] = useState<OpenAnswer | null>(null);
  const [saveOpen, setSaveOpen] = useState(false);
  const [collapse, setCollapse] = useState<boolean | null>(null);
  const [left, setLeft] = useState<Enriched | null>(null);

  useEffect(() => {
    performance.mark('revprov:texts-loaded');
    const c = takeCompareClient();
    client.current = c;
    c.open({ base: op.baseYaml, current: op.currentYaml, proposed: op.proposedYaml }).then(
      (answer) => {
        performance.mark('revprov:engine-done');
        setOpened(answer);
        if (!answer.ok) return;
        if (answer.enriched) return setLeft(answer.enriched);
        // the branch moved: the left panel is computed next (the view is usable meanwhile)
        c.enrich().then(
          (e) => {
            panels.current?.setLeft(e.text);
            setLeft(e);
            performance.mark('revprov:enriched');
          },
          () => undefined,
        );
      },
      (e: Error) => setOpened({ ok: false, errors: [{ code: 'ENGINE', message: e.message, line: null, col: null, source: null }] }),
    );
    return () => c.close();
  }, [op]);

  useEffect(() => {
    if (!opened?.ok) return;
    const frame = requestAnimationFrame(() => {
      performance.mark('revprov:compare-ready');
      root.current?.setAttribute('data-ready', 'true');
    });
    return () => cancelAnimationFrame(frame);
  }, [opened]);

  const nodes = useMemo(() => (opened?.ok ? buildChangeTree(opened.changes, op.componentRef) : []), [opened, op.componentRef]);
  const cleanIds = useMemo(() => (opened?.ok ? opened.changes.filter((c) => c.status === 'clean').map((c) => c.id) : []), [opened]);

  const { selection, busy, notice, edited, markEdited, toggle, select } = usePicks(client, panels, root, announce);
  const lines = op.currentYaml.split('\n').length;
  const collapsed = collapse ?? lines > 400;

  const copy = async (): Promise<void> => {
    const ok = await copyText(panels.current?.rightText() ?? '');
    announce(ok ? `Copied ${fileName} to the clipboard.` : 'The browser refused to copy; select the right panel and copy by hand.');
  };
  const download = (): void => {
    downloadText(panels.current?.rightText() ?? '', fileName);
    announce(`Downloading ${fileName}.`);
  };

  if (!opened) return <p role="status">Computing the changes…</p>;
  if (!opened.ok) {
    return (
      <div className="notice error" role="alert">
        <p>The files cannot be compared:</p>
        <ul>
          {opened.errors.map((e, i) => (
            <li key={i}>
              {e.message}
              {e.line !== null && ` (${e.source ?? 'file'}, line ${e.line}, column ${e.col ?? 1})`}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  const { summary } = opened;
  return (
    <div className="compare" ref={root} data-ready="false" data-busy="false">
      <h2>Compare and merge</h2>
      <p className="hint">
        Left: {fileName} with every update applied. Right: {fileName} as it is on <code>{op.repository.branch}</code> now (
        <code>{op.currentRevision.slice(0, 12)}</code>); pick updates below or edit it freely, then copy, download or save.
      </p>
      {op.currentRevision !== op.baseRevision && (
        <p className="notice">The branch has moved since the operation ran; the changes below are merged against its new head.</p>
      )}
      {left?.note && <p className="notice">{left.note}</p>}
      {!left && (
        <p className="hint" role="status">
          Left panel: the proposal on the file as it was; updating it to the current file with every change applied…
        </p>
      )}
      {op.updateErrors.length > 0 && (
        <div className="notice">
          <p>Some updates from the adapter could not be applied:</p>
          <ul>
            {op.updateErrors.map((e, i) => (
              <li key={i}>{e.message}</li>
            ))}
          </ul>
        </div>
      )}
      <CompareToolbar
        summary={summary}
        picked={selection.size}
        edited={edited}
        cleanCount={cleanIds.length}
        collapsed={collapsed}
        saveBlocked={saveBlocked}
        onSelectAllClean={() => select(new Set([...selection, ...cleanIds]))}
        onClear={() => select(new Set())}
        onToggleCollapse={() => setCollapse(!collapsed)}
        onCopy={() => void copy()}
        onDownload={download}
        onSave={() => setSaveOpen(true)}
      />
      <p className="busy" role="status">
        {busy ? 'Updating the right panel…' : ''}
      </p>
      {notice && (
        <div className="notice error" role="alert">
          <p>{notice}</p>
        </div>
      )}
      <div className="compare-body">
        <div className="tree-panel">
          <h3 id="changes-heading">Changes</h3>
          {summary.total === 0 ? <p>The adapter proposes nothing new: the file already matches the infrastructure.</p> : <ChangeTree nodes={nodes} selection={selection} onToggle={toggle} expandAll={summary.total <= EXPAND_ALL_UP_TO} />}
        </div>
        <MergePanels ref={panels} left={opened.enriched?.text ?? op.proposedYaml} right={op.currentYaml} fileName={fileName} collapse={collapse} onEdit={markEdited} />
      </div>
      <SaveDialog
        open={saveOpen}
        onClose={() => setSaveOpen(false)}
        operationId={op.id}
        fileName={fileName}
        repository={op.repository}
        expectedRevision={op.currentRevision}
        text={() => panels.current?.rightText() ?? op.currentYaml}
        onSaved={onReload}
        onReload={() => {
          setSaveOpen(false);
          onReload();
        }}
      />
    </div>
  );
}
