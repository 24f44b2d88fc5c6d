// One draft being edited: loaded once, then every change is written to the device database in
// order (a promise chain), so the last keystroke is the one that stays.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { IntakeDraftData, IntakeStep } from '../../domain/intake';
import { getDb, isQuotaError, saveDraft } from '../../db';

export type DraftState =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'ready'; data: IntakeDraftData; step: IntakeStep };

export function useDraft(id: string) {
  const [state, setState] = useState<DraftState>({ status: 'loading' });
  const [saveError, setSaveError] = useState<'quota' | string | undefined>();
  const chain = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    let live = true;
    void getDb()
      .drafts.get(id)
      .then((row) => {
        if (!live) return;
        setState(row ? { status: 'ready', data: row.data as IntakeDraftData, step: row.step as IntakeStep } : { status: 'missing' });
      });
    return () => {
      live = false;
    };
  }, [id]);

  const persist = useCallback(
    (data: IntakeDraftData, step: IntakeStep) => {
      chain.current = chain.current
        .then(() => saveDraft(getDb(), id, data, step))
        .then(
          () => setSaveError(undefined),
          (error: unknown) => setSaveError(isQuotaError(error) ? 'quota' : String(error)),
        );
    },
    [id],
  );

  const update = useCallback(
    (change: (data: IntakeDraftData) => IntakeDraftData) => {
      setState((prev) => {
        if (prev.status !== 'ready') return prev;
        const data = change(prev.data);
        persist(data, prev.step);
        return { ...prev, data };
      });
    },
    [persist],
  );

  const goTo = useCallback(
    (step: IntakeStep) => {
      setState((prev) => {
        if (prev.status !== 'ready') return prev;
        persist(prev.data, step);
        return { ...prev, step };
      });
    },
    [persist],
  );

  /** Resolves when every change so far is on disk. */
  const flushed = useCallback(() => chain.current, []);

  return { state, update, goTo, saveError, flushed };
}
