// UI state of the dossier list (the filter), kept across visits to a dossier and back.
import { create } from 'zustand';
import { emptyDossierFilter, type DossierFilter } from '../../db';

interface ListStore {
  filter: DossierFilter;
  setFilter(patch: Partial<DossierFilter>): void;
  clear(): void;
}

export const useDossierListStore = create<ListStore>((set) => ({
  filter: emptyDossierFilter,
  setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
  clear: () => set({ filter: emptyDossierFilter }),
}));
