// One draft being edited: loaded once, then every change is written to the device database at
// once and committed at once, in the order made, so the last keystroke is the one that stays, even
// if the tab closes right after it.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { IntakeDraftData, IntakeStep } from '../../domain/intake';
import { getDb, getDraft, isQuotaError, writeDraft, type DraftRow } from '../../db';

export type DraftState = { status: 'loading' } | { status: 'missing' } | { status: 'ready'; data: IntakeDraftData; step: IntakeStep };

type Ready = Extract<DraftState, { status: 'ready' }>;

export function useDraft(id: string) {
  const [state, setState] = useState<DraftState>({ status: 'loading' });
  const [saveError, setSaveError] = useState<'quota' | string | undefined>();
  // The draft as last changed, ahead of React's render: changes made in one event build on each other.
  const current = useRef<DraftState>(state);
  // The stored row as loaded: each save writes it whole, with the data and step as they now stand.
  const loaded = useRef<DraftRow | undefined>(undefined);
  const saving = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    let live = true;
    void getDraft(getDb(), id).then((row) => {
      if (!live) return;
      loaded.current = row;
      current.current = row ? { status: 'ready', data: row.data as IntakeDraftData, step: row.step as IntakeStep } : { status: 'missing' };
      setState(current.current);
    });
    return () => {
      live = false;
    };
  }, [id]);

  /**
   * Starts the save in the same task as the change, not after a render nor behind earlier saves: a
   * tab closed a moment later has then already handed the whole write, committed, to IndexedDB
   * (writeDraft), which runs the writes in the order made: the last change is the one that stays.
   */
  const persist = useCallback((data: IntakeDraftData, step: IntakeStep) => {
    if (!loaded.current) return;
    const written = writeDraft(getDb(), { ...loaded.current, data, step, updatedAt: new Date().toISOString() }).then(
      () => setSaveError(undefined),
      (error: unknown) => setSaveError(isQuotaError(error) ? 'quota' : String(error)),
    );
    saving.current = Promise.all([saving.current, written]).then(() => undefined);
  }, []);

  const change = useCallback(
    (next: (prev: Ready) => Ready) => {
      const prev = current.current;
      if (prev.status !== 'ready') return;
      const after = next(prev);
      current.current = after;
      persist(after.data, after.step);
      setState(after);
    },
    [persist],
  );

  const update = useCallback((edit: (data: IntakeDraftData) => IntakeDraftData) => change((prev) => ({ ...prev, data: edit(prev.data) })), [change]);

  const goTo = useCallback((step: IntakeStep) => change((prev) => ({ ...prev, step })), [change]);

  /** Resolves when every change so far is on disk. */
  const flushed = useCallback(() => saving.current, []);

  return { state, update, goTo, saveError, flushed };
}
