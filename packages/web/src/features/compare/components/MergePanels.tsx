import { yaml } from '@codemirror/lang-yaml';
import { MergeView } from '@codemirror/merge';
import { Annotation, Compartment, EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { useEffect, useImperativeHandle, useRef } from 'react';
import type { Ref } from 'react';

/** Imperative access to the right panel (its text changes far too often to live in React state). */
export interface MergePanelsHandle {
  /** The right panel's text now. */
  rightText(): string;
  /** Replaces the right panel's text (one minimal change, so the cursor and scroll stay put). */
  setRight(text: string): void;
  /** Replaces the left panel's text the same way. */
  setLeft(text: string): void;
  /** Makes the right panel read-only while a pick is computed, and editable again. */
  setBusy(busy: boolean): void;
}

/** Marks the changes this component makes itself, so they are not reported as the user's edits. */
const programmatic = Annotation.define<boolean>();

/** Replaces an editor's text with one minimal change (common prefix and suffix kept), marked as not the user's. */
function replaceText(editor: EditorView, text: string): void {
  const old = editor.state.doc.toString();
  if (old === text) return;
  let start = 0;
  const max = Math.min(old.length, text.length);
  while (start < max && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let endOld = old.length;
  let endNew = text.length;
  while (endOld > start && endNew > start && old.charCodeAt(endOld - 1) === text.charCodeAt(endNew - 1)) {
    endOld--;
    endNew--;
  }
  // the first changed line is brought into view, so a pick is seen where it lands
  editor.dispatch({ changes: { from: start, to: endOld, insert: text.slice(start, endNew) }, annotations: programmatic.of(true), effects: EditorView.scrollIntoView(start, { y: 'center' }) });
}

/** Files with more lines than this start with unchanged stretches collapsed. */
const COLLAPSE_FROM_LINES = 400;

/**
 * The two panels, a CodeMirror 6 `MergeView` configured as @codemirror/merge's README shows: left
 * (a), read-only, the enriched file; right (b), editable, the current file. Both are labelled for
 * assistive technology and stay keyboard-focusable (the left one is read-only, not inert). Tab
 * leaves the editors (no tab capture). `onEdit` is called for every edit the user makes.
 */
export function MergePanels({ ref, left, right, fileName, collapse, onEdit }: { ref: Ref<MergePanelsHandle>; left: string; right: string; fileName: string; collapse: boolean | null; onEdit(): void }) {
  const parent = useRef<HTMLDivElement>(null);
  const view = useRef<MergeView | null>(null);
  const busy = useRef(new Compartment());
  const edit = useRef(onEdit);
  useEffect(() => {
    edit.current = onEdit;
  }, [onEdit]);

  useEffect(() => {
    if (!parent.current) return;
    const label = (name: string, readOnly: boolean) => EditorView.contentAttributes.of({ 'aria-label': name, ...(readOnly ? { 'aria-readonly': 'true' } : {}) });
    const lines = right.split('\n').length;
    const collapseUnchanged = (collapse ?? lines > COLLAPSE_FROM_LINES) ? { margin: 3, minSize: 8 } : undefined;
    const merge = new MergeView({
      a: { doc: left, extensions: [basicSetup, yaml(), EditorView.lineWrapping, EditorState.readOnly.of(true), label(`Enriched ${fileName}`, true)] },
      b: {
        doc: right,
        extensions: [
          basicSetup,
          yaml(),
          EditorView.lineWrapping,
          busy.current.of(EditorState.readOnly.of(false)),
          label(`Current ${fileName}`, false),
          EditorView.updateListener.of((u) => {
            if (u.docChanged && !u.transactions.some((t) => t.annotation(programmatic))) edit.current();
          }),
        ],
      },
      parent: parent.current,
      highlightChanges: true,
      gutter: true,
      ...(collapseUnchanged ? { collapseUnchanged } : {}),
    });
    view.current = merge;
    return () => {
      merge.destroy();
      view.current = null;
    };
    // the panels are created once per opened operation (the parent re-keys this component)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (collapse !== null) view.current?.reconfigure({ collapseUnchanged: collapse ? { margin: 3, minSize: 8 } : undefined });
  }, [collapse]);

  useImperativeHandle(ref, () => ({
    rightText: () => view.current?.b.state.doc.toString() ?? right,
    setRight(text) {
      if (view.current) replaceText(view.current.b, text);
    },
    setLeft(text) {
      if (view.current) replaceText(view.current.a, text);
    },
    setBusy(isBusy) {
      view.current?.b.dispatch({ effects: busy.current.reconfigure(EditorState.readOnly.of(isBusy)) });
    },
  }));

  return (
    <div className="merge-panels">
      <div className="merge-labels" aria-hidden="true">
        <span>Enriched {fileName} (proposed, read-only)</span>
        <span>Current {fileName} (editable: this is what you save)</span>
      </div>
      <div ref={parent} className="merge-view" />
    </div>
  );
}
