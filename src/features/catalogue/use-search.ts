// The search box's engine, in the catalogue worker: the index of the catalogue in use is opened
// there (from its cached snapshot, else built and then cached), and each query is answered
// there, so typing never waits on the main thread.
import { useEffect, useState } from 'react';
import type { CatalogueSearchResult } from '../../domain/catalogue';
import { getDb, readSearchIndex, saveSearchIndex } from '../../db';
import { openCatalogueIndex, openedCatalogueVersion, searchProcedures } from '../../../workers/catalogue.client';
import type { LoadedCatalogue } from './use-catalogue';

export interface SearchIndexState {
  /** The catalogue version whose index is open in the worker, once it is. */
  version: number | undefined;
  /** Why the index could not be opened (the worker failed twice). */
  error: string | undefined;
}

export function useSearchIndex(catalogue: LoadedCatalogue | undefined): SearchIndexState {
  const [state, setState] = useState<{ version?: number; error?: string }>(() => ({ version: openedCatalogueVersion() }));
  useEffect(() => {
    if (!catalogue || openedCatalogueVersion() === catalogue.version) return;
    let live = true;
    const { version, procedures } = catalogue;
    void (async () => {
      try {
        const db = getDb();
        const { built } = await openCatalogueIndex(version, procedures, await readSearchIndex(db, version));
        if (built !== undefined) await saveSearchIndex(db, version, built).catch(() => false); // a cache: losing it costs a rebuild
        if (live) setState({ version });
      } catch (error) {
        if (live) setState({ error: error instanceof Error ? error.message : String(error) });
      }
    })();
    return () => {
      live = false;
    };
  }, [catalogue]);
  const ready = catalogue !== undefined && state.version === catalogue.version;
  return { version: ready ? state.version : undefined, error: ready ? undefined : state.error };
}

export interface SearchState {
  results: CatalogueSearchResult[];
  /** False while the answer to the current query is still on its way (earlier results are shown meanwhile). */
  settled: boolean;
}

/** Results for the query as typed; an answer to an older keystroke is dropped if it arrives late. */
export function useSearchResults(query: string, field: string, version: number | undefined, limit: number): SearchState {
  const key = `${version}\u0000${field}\u0000${limit}\u0000${query}`;
  const [answer, setAnswer] = useState<{ key: string; results: CatalogueSearchResult[] }>({ key: '', results: [] });
  useEffect(() => {
    if (version === undefined) return;
    let live = true;
    searchProcedures(query, { field: field || undefined, limit }).then(
      (results) => live && setAnswer({ key, results }),
      () => live && setAnswer({ key, results: [] }),
    );
    return () => {
      live = false;
    };
  }, [key, query, field, version, limit]);
  return { results: answer.results, settled: answer.key === key };
}
