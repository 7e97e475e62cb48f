import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useAnnounce } from '../../../components/Announcer';
import { copyText } from '../../../lib/copyText';
import { downloadText } from '../../../lib/downloadText';
import type { CompareOperation } from '../api/compareQueries';
import type { Enriched } from '../model/compareModel';
import { buildChangeTree } from '../model/buildChangeTree';
import type { CompareClient } from '../worker/compareClient';
import { takeCompareClient } from '../worker/compareClientPool';
import type { OpenAnswer } from '../worker/protocol';
import { ChangeTree } from './ChangeTree';
import type { MergePanelsHandle } from './MergePanels';
import { MergePanels } from './MergePanels';
import { SaveDialog } from './SaveDialog';

type Loaded = CompareOperation & { proposedYaml: string; currentYaml: string; currentRevision: string };

/** Change sets up to this size start with every group expanded. */
const EXPAND_ALL_UP_TO = 200;

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => a.size === b.size && [...a].every((x) => b.has(x));

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
  const [selection, setSelection] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [edited, setEdited] = useState(false);
  const [saveOpen, setSaveOpen] = useState(false);
  const [collapse, setCollapse] = useState<boolean | null>(null);
  const [left, setLeft] = useState<Enriched | null>(null);
  const shown = useRef<ReadonlySet<string>>(new Set());
  const wanted = useRef<ReadonlySet<string>>(new Set());
  const running = useRef(false);

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

  /** Brings the right panel to the wanted selection, one computation at a time. */
  const sync = useCallback(async () => {
    if (running.current || !client.current || !panels.current) return;
    running.current = true;
    setBusy(true);
    root.current?.setAttribute('data-busy', 'true');
    panels.current.setBusy(true);
    try {
      while (!sameSet(wanted.current, shown.current)) {
        const target = wanted.current;
        const r = await client.current.pick([...target], panels.current.rightText());
        if (r.ok) {
          panels.current.setRight(r.text);
          shown.current = target;
          setEdited(r.text !== r.state.preview);
          const blocked = r.skipped.filter((s) => !/already/i.test(s.reason));
          setNotice(blocked.length > 0 ? `Not applied: ${blocked.map((s) => `${s.id} (${s.reason})`).join('; ')}` : null);
          announce(`Right panel updated: ${target.size} change${target.size === 1 ? '' : 's'} picked.`);
        } else {
          wanted.current = shown.current;
          setSelection(shown.current);
          setNotice(r.message);
          announce(r.message);
        }
      }
    } catch (e) {
      wanted.current = shown.current;
      setSelection(shown.current);
      setNotice((e as Error).message);
    } finally {
      running.current = false;
      panels.current?.setBusy(false);
      setBusy(false);
      requestAnimationFrame(() => {
        root.current?.setAttribute('data-busy', 'false');
        performance.mark('revprov:pick-done');
      });
    }
  }, [announce]);

  const setWanted = useCallback(
    (next: ReadonlySet<string>) => {
      performance.mark('revprov:pick-start');
      wanted.current = next;
      setSelection(next);
      void sync();
    },
    [sync],
  );

  const toggle = useCallback(
    (ids: string[], checked: boolean) => {
      const next = new Set(wanted.current);
      for (const id of ids) {
        if (checked) next.add(id);
        else next.delete(id);
      }
      setWanted(next);
    },
    [setWanted],
  );

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
  const picked = [...selection].length;
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
      <div className="toolbar" role="toolbar" aria-label="Compare actions">
        <p className="summary">
          {summary.total} changes: {summary.clean} clean, {summary.conflict} conflict, {summary.applied} applied · {picked} picked
          {edited && ' · edited by hand'}
        </p>
        <button type="button" onClick={() => setWanted(new Set([...wanted.current, ...cleanIds]))} disabled={cleanIds.length === 0}>
          Select all clean
        </button>
        <button type="button" onClick={() => setWanted(new Set())} disabled={picked === 0}>
          Clear selection
        </button>
        <button type="button" aria-pressed={collapse ?? op.currentYaml.split('\n').length > 400} onClick={() => setCollapse(!(collapse ?? op.currentYaml.split('\n').length > 400))}>
          Collapse unchanged lines
        </button>
        <span className="spacer" />
        <button type="button" onClick={() => void copy()}>
          Copy
        </button>
        <button type="button" onClick={download}>
          Download
        </button>
        <button type="button" className="primary" onClick={() => setSaveOpen(true)} disabled={saveBlocked !== null} aria-describedby={saveBlocked ? 'save-blocked' : undefined}>
          Save
        </button>
        {saveBlocked && (
          <span id="save-blocked" className="hint">
            Saving is not possible: {saveBlocked}.
          </span>
        )}
      </div>
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
        <MergePanels ref={panels} left={opened.enriched?.text ?? op.proposedYaml} right={op.currentYaml} fileName={fileName} collapse={collapse} onEdit={() => setEdited(true)} />
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
