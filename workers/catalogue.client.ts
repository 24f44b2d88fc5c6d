// Typed client of the catalogue worker. It remembers which catalogue it opened, so a search
// that lands on a fresh worker (the old one died) reopens the index and still answers.
import type { CatalogueSearchOptions, CatalogueSearchResult, SearchableProcedure } from '../src/domain/catalogue';
import { createWorkerClient } from './lib/worker-client';
import type { OpenResult, PreparedCatalogue } from './lib/catalogue-engine';
import type { CatalogueWorkerApi } from './catalogue.worker';

export type { OpenResult, PreparedCatalogue };

const client = createWorkerClient<CatalogueWorkerApi>(
  () => new Worker(new URL('./catalogue.worker.ts', import.meta.url), { type: 'module', name: 'catalogue' }),
);

let opened: { version: number; procedures: SearchableProcedure[]; cached?: string } | undefined;

/** Loads the index of a catalogue version (from `cached` when usable, else built in the worker). */
export async function openCatalogueIndex(version: number, procedures: readonly SearchableProcedure[], cached?: string): Promise<OpenResult> {
  const slim = procedures.map(({ code, name, field }) => ({ code, name, field }));
  const result = await client.run((api) => api.open(version, slim, cached));
  opened = { version, procedures: slim, cached: result.built ?? cached };
  return result;
}

/** The catalogue version whose index this page has opened, if any. */
export function openedCatalogueVersion(): number | undefined {
  return opened?.version;
}

/** Searches the opened catalogue. Resolves to [] until a catalogue has been opened. */
export async function searchProcedures(query: string, options?: CatalogueSearchOptions): Promise<CatalogueSearchResult[]> {
  const target = opened;
  if (!target) return [];
  return client.run(async (api) => {
    const first = await api.search(target.version, query, options);
    if (first) return first;
    await api.open(target.version, target.procedures, target.cached);
    return (await api.search(target.version, query, options)) ?? [];
  });
}

/** Validates a downloaded catalogue whole and builds its index, in the worker. */
export function prepareCatalogue(body: string): Promise<PreparedCatalogue> {
  // Comlink's Remote type mangles a union's members; the worker returns exactly this union.
  return client.run((api) => api.prepare(body) as Promise<PreparedCatalogue>);
}

/** The bundled demo catalogue with its index, for the first run. */
export function prepareDemoCatalogue(): Promise<PreparedCatalogue> {
  return client.run((api) => api.demo());
}

/** What src/sync needs to seed and update the catalogue, handed to it by the shell. */
export const catalogueTools = { prepare: prepareCatalogue, demo: prepareDemoCatalogue };
