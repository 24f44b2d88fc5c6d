// The catalogue worker: index building, searching and validating downloads, off the main thread.
// It also carries the bundled demo catalogue, so the first-run seed needs no network and no
// main-thread chunk holds the data or the search engine.
import { expose } from 'comlink';
import { CatalogueEngine, prepareCatalogue, prepareDemoCatalogue } from './lib/catalogue-engine';
import type { CatalogueSearchOptions, SearchableProcedure } from '../src/domain/catalogue';

const engine = new CatalogueEngine();

const api = {
  prepare: (body: string) => prepareCatalogue(body),
  demo: () => prepareDemoCatalogue(),
  open: (version: number, procedures: SearchableProcedure[], cached?: string) => engine.open(version, procedures, cached),
  search: (version: number, query: string, options?: CatalogueSearchOptions) => engine.search(version, query, options),
};

export type CatalogueWorkerApi = typeof api;
expose(api);
