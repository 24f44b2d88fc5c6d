// The procedure catalogue (danh mục thủ tục hành chính), replaced only as a versioned whole:
// - schema: parse a catalogue from outside, with Vietnamese messages; compare versions
// - code: national, provincial (…000.00.00.H56) and provisional (TAM.…) procedure codes
// - fold: Vietnamese folding (accents, đ, i/y, tone keys) shared by anything that matches text
// - search: the one search box (MiniSearch), its cacheable index, and a plain baseline
// - demo: the research data as catalogue version 1 (demo-catalogue.json)
// query-set.ts is test data (realistic queries with their answers), not part of the API.
export { CatalogueSchema, ProcedureSchema, ProcedureComponentSchema, parseCatalogue, isNewerCatalogue } from './schema';
export type { Catalogue, CatalogueParseResult, Procedure, ProcedureComponent } from './schema';
export { NATIONAL_CODE, PROVINCIAL_CODE, PROVISIONAL_CODE, isProcedureCode, isProvisionalCode, nationalCode } from './code';
export { foldVietnamese, foldForMatch, normalizeIY, toneKey, hasDiacritics } from './fold';
export { buildCatalogueIndex, searchCatalogue, serializeIndex, loadIndex, listFields, linearScanSearch } from './search';
export type { CatalogueIndex, CatalogueSearchOptions, CatalogueSearchResult, SearchableProcedure, SerializedCatalogueIndex } from './search';
export { demoCatalogue } from './demo';
