// UI state of the dossier list (the filter), kept across visits to a dossier and back.
import { create } from 'zustand';
import { emptyDossierFilter, type DossierFilter } from '../../db';

interface ListStore {
  filter: DossierFilter;
  setFilter(patch: Partial<DossierFilter>): void;
  clear(): void;
}

/** Whether a patch would change nothing (the search box's debounce sends its text again on every mount). */
const changesNothing = (filter: DossierFilter, patch: Partial<DossierFilter>) =>
  (Object.keys(patch) as (keyof DossierFilter)[]).every((key) => Object.is(filter[key], patch[key]));

export const useDossierListStore = create<ListStore>((set) => ({
  filter: emptyDossierFilter,
  // The same filter stays the same object: a new one makes a new list, whose rows are read (and
  // counted) again from the start while the screen shows none.
  setFilter: (patch) => set((s) => (changesNothing(s.filter, patch) ? s : { filter: { ...s.filter, ...patch } })),
  clear: () => set({ filter: emptyDossierFilter }),
}));
