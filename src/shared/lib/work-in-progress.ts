// What must not be interrupted by a reload: unsaved form input and syncs in flight. The update
// prompt asks here before it lets a new version reload the page.
import { useEffect } from 'react';
import { create } from 'zustand';

interface WorkInProgressStore {
  holders: ReadonlySet<string>;
  hold(id: string): void;
  release(id: string): void;
}

export const useWorkInProgress = create<WorkInProgressStore>((set) => ({
  holders: new Set(),
  hold: (id) => set((s) => ({ holders: new Set(s.holders).add(id) })),
  release: (id) =>
    set((s) => {
      const holders = new Set(s.holders);
      holders.delete(id);
      return { holders };
    }),
}));

export function hasWorkInProgress(): boolean {
  return useWorkInProgress.getState().holders.size > 0;
}

/** Marks a form as holding unsaved input while `dirty`, and asks before the tab is closed. */
export function useUnsavedGuard(id: string, dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const { hold, release } = useWorkInProgress.getState();
    hold(id);
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => {
      release(id);
      window.removeEventListener('beforeunload', warn);
    };
  }, [id, dirty]);
}

/** Marks work that a reload would interrupt (an open draft, a sync), without asking on tab close. */
export function useHoldWork(id: string, active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const { hold, release } = useWorkInProgress.getState();
    hold(id);
    return () => release(id);
  }, [id, active]);
}
