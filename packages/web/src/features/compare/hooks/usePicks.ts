import { useCallback, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { MergePanelsHandle } from '../components/MergePanels';
import type { CompareClient } from '../worker/compareClient';

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => a.size === b.size && [...a].every((x) => b.has(x));

/** The selection and what the right panel shows of it. */
export interface Picks {
  /** The changes the user ticked (updated at once, before the right panel catches up). */
  selection: ReadonlySet<string>;
  /** True while the worker computes the right panel. */
  busy: boolean;
  /** Why the last pick was refused or partly applied, else null. */
  notice: string | null;
  /** True when the right panel holds edits typed by hand. */
  edited: boolean;
  /** Records an edit typed in the right panel. */
  markEdited(): void;
  /** Ticks (`checked`) or unticks the given changes. */
  toggle(ids: string[], checked: boolean): void;
  /** Replaces the whole selection. */
  select(next: ReadonlySet<string>): void;
}

/**
 * Keeps the right panel in step with the selection, one computation at a time: a pick changes the
 * selection at once; the worker computes the right panel from its current text (free edits
 * included) and the picks made meanwhile are folded into the next computation. A refused pick
 * (an edit at the same place, unreadable YAML) puts the selection back and says why. Sets the
 * `data-busy` attribute of `root` and the performance marks `revprov:pick-start` / `revprov:pick-done`.
 */
export function usePicks(client: RefObject<CompareClient | null>, panels: RefObject<MergePanelsHandle | null>, root: RefObject<HTMLElement | null>, announce: (m: string) => void): Picks {
  const [selection, setSelection] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [edited, setEdited] = useState(false);
  const shown = useRef<ReadonlySet<string>>(new Set());
  const wanted = useRef<ReadonlySet<string>>(new Set());
  const running = useRef(false);

  const refuse = useCallback((message: string) => {
    wanted.current = shown.current;
    setSelection(shown.current);
    setNotice(message);
  }, []);

  const sync = useCallback(async () => {
    const worker = client.current;
    const view = panels.current;
    if (running.current || !worker || !view) return;
    running.current = true;
    setBusy(true);
    root.current?.setAttribute('data-busy', 'true');
    view.setBusy(true);
    try {
      while (!sameSet(wanted.current, shown.current)) {
        const target = wanted.current;
        const r = await worker.pick([...target], view.rightText());
        if (!r.ok) {
          refuse(r.message);
          announce(r.message);
          continue;
        }
        view.setRight(r.text);
        shown.current = target;
        setEdited(r.text !== r.state.preview);
        const blocked = r.skipped.filter((s) => !/already/i.test(s.reason));
        setNotice(blocked.length > 0 ? `Not applied: ${blocked.map((s) => `${s.id} (${s.reason})`).join('; ')}` : null);
        announce(`Right panel updated: ${target.size} change${target.size === 1 ? '' : 's'} picked.`);
      }
    } catch (e) {
      refuse((e as Error).message);
    } finally {
      running.current = false;
      panels.current?.setBusy(false);
      setBusy(false);
      requestAnimationFrame(() => {
        root.current?.setAttribute('data-busy', 'false');
        performance.mark('revprov:pick-done');
      });
    }
  }, [client, panels, root, announce, refuse]);

  const select = useCallback(
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
      select(next);
    },
    [select],
  );

  const markEdited = useCallback(() => setEdited(true), []);
  return { selection, busy, notice, edited, markEdited, toggle, select };
}
