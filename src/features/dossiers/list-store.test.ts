// The list's filter changes only when a value does: the same filter must stay the same object,
// since a new one makes the page read (and count) its list again with no rows on screen meanwhile.
import { beforeEach, describe, expect, it } from 'vitest';
import { emptyDossierFilter } from '../../db';
import { useDossierListStore } from './list-store';

describe('the dossier list filter', () => {
  beforeEach(() => useDossierListStore.getState().clear());

  it('stays the same object when a patch repeats what it holds (the search box on mount)', () => {
    const before = useDossierListStore.getState().filter;
    useDossierListStore.getState().setFilter({ text: '' });
    useDossierListStore.getState().setFilter({ view: 'all', status: null });
    expect(useDossierListStore.getState().filter).toBe(before);
  });

  it('is a new filter when a value changes, and the empty one again once cleared', () => {
    useDossierListStore.getState().setFilter({ view: 'ready' });
    const ready = useDossierListStore.getState().filter;
    expect(ready).toEqual({ ...emptyDossierFilter, view: 'ready' });
    useDossierListStore.getState().setFilter({ text: 'lan' });
    expect(useDossierListStore.getState().filter).toEqual({ ...emptyDossierFilter, view: 'ready', text: 'lan' });
    useDossierListStore.getState().clear();
    expect(useDossierListStore.getState().filter).toBe(emptyDossierFilter);
  });
});
