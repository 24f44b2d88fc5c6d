// What the officer typed and chose in the search box: UI state only, kept while they open a
// procedure and come back, so the results are still there.
import { create } from 'zustand';

interface SearchStore {
  query: string;
  /** The lĩnh vực filter; '' for all fields. */
  field: string;
  setQuery(query: string): void;
  setField(field: string): void;
}

export const useSearchStore = create<SearchStore>((set) => ({
  query: '',
  field: '',
  setQuery: (query) => set({ query }),
  setField: (field) => set({ field }),
}));
