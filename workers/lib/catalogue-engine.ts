// The catalogue work a worker does: validate a downloaded catalogue whole and build its index,
// restore or build the index of the catalogue in force, and answer searches. Plain functions
// and one small class, so unit tests run them without a worker.
import {
  buildCatalogueIndex,
  demoCatalogue,
  loadIndex,
  parseCatalogue,
  searchCatalogue,
  serializeIndex,
  type Catalogue,
  type CatalogueIndex,
  type CatalogueSearchOptions,
  type CatalogueSearchResult,
  type SearchableProcedure,
} from '../../src/domain/catalogue';

/** A downloaded catalogue checked whole: the catalogue with its serialized index, or why not. */
export type PreparedCatalogue = { ok: true; catalogue: Catalogue; index: string } | { ok: false; reason: 'corrupt' | 'invalid'; message: string };

function indexOf(procedures: readonly SearchableProcedure[]): string {
  // A string crosses postMessage and IndexedDB as one block, where the object tree would be
  // walked field by field by the structured clone on both sides.
  return JSON.stringify(serializeIndex(buildCatalogueIndex(procedures)));
}

/** Parses a download's text; a cut-off or garbled body is "corrupt", a wrong shape "invalid". */
export function prepareCatalogue(body: string): PreparedCatalogue {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, reason: 'corrupt', message: 'không đọc được nội dung JSON (tệp bị cắt ngang hoặc hỏng)' };
  }
  const parsed = parseCatalogue(json);
  if (!parsed.ok) return { ok: false, reason: 'invalid', message: parsed.message };
  return { ok: true, catalogue: parsed.value, index: indexOf(parsed.value.procedures) };
}

/** The bundled demo catalogue, for a device's first run without network. */
export function prepareDemoCatalogue(): PreparedCatalogue & { ok: true } {
  const catalogue = demoCatalogue();
  return { ok: true, catalogue, index: indexOf(catalogue.procedures) };
}

export interface OpenResult {
  /** The index built now because no usable cached one was given; the caller caches it. */
  built?: string;
}

/** Holds the index of the catalogue in force. Losing it costs a rebuild, nothing more. */
export class CatalogueEngine {
  private loaded: { version: number; index: CatalogueIndex } | undefined;

  open(version: number, procedures: readonly SearchableProcedure[], cached?: string): OpenResult {
    if (this.loaded?.version === version) return {};
    if (cached !== undefined) {
      const index = restore(cached);
      if (index) {
        this.loaded = { version, index };
        return {};
      }
    }
    const slim = procedures.map(({ code, name, field }) => ({ code, name, field }));
    const index = buildCatalogueIndex(slim);
    this.loaded = { version, index };
    return { built: JSON.stringify(serializeIndex(index)) };
  }

  /** Null when the asked version is not loaded (a fresh worker, or a catalogue just swapped). */
  search(version: number, query: string, options: CatalogueSearchOptions = {}): CatalogueSearchResult[] | null {
    if (this.loaded?.version !== version) return null;
    return searchCatalogue(this.loaded.index, query, options);
  }
}

function restore(cached: string): CatalogueIndex | null {
  try {
    return loadIndex(JSON.parse(cached));
  } catch {
    return null;
  }
}
