// One search box over the procedure catalogue: an officer or a villager types a few words,
// with or without accents, half-finished or with a slip, or a procedure code, and gets the
// procedure. Built on MiniSearch with our own Vietnamese folding (see fold.ts).
import MiniSearch from 'minisearch';
import type { AsPlainObject, Options, Query, SearchOptions, SearchResult } from 'minisearch';
import { nationalCode } from './code';
import { foldVietnamese, hasDiacritics, normalizeIY, toneKey } from './fold';
import type { Procedure } from './schema';

/** What the index needs of a procedure; fixtures and callers may pass full procedures. */
export type SearchableProcedure = Pick<Procedure, 'code' | 'name' | 'field'>;

export interface CatalogueSearchResult {
  code: string;
  name: string;
  field: string;
  /** Orders the results of one search (higher is better); not comparable across searches. */
  score: number;
}

export interface CatalogueSearchOptions {
  /** Only procedures of this field (lĩnh vực); compared without accents or case. */
  field?: string;
  /** At most this many results (default 10). */
  limit?: number;
}

/** A built index. Opaque: use the functions of this module, or serialize it for a cache. */
export interface CatalogueIndex {
  readonly engine: MiniSearch<IndexedDocument>;
  /** Folded words of names and fields: a typed word found here is not treated as a typo. */
  readonly vocabulary: ReadonlySet<string>;
}

/** A JSON-safe snapshot of an index, for IndexedDB or for passing out of a worker. */
export interface SerializedCatalogueIndex {
  format: number;
  engine: AsPlainObject;
}

// Bump whenever folding, tokenizing or the indexed fields change: a cached index built by the
// old rules would answer queries processed by the new ones, silently badly. loadIndex refuses
// other formats so the app rebuilds.
const INDEX_FORMAT = 1;

const DEFAULT_LIMIT = 10;

// Weights. A word typed with accents that matches the name's own accented word is the
// strongest evidence of intent, so the accent-preserving fields are boosted above the folded
// ones; the field name (lĩnh vực) helps but must not outrank the procedure's own name; a code
// is unambiguous.
const BOOST = { nameExact: 2, fieldExact: 0.6, nameFolded: 1, fieldFolded: 0.3, codeTerms: 4 } as const;

// Edit distance 1 from this length on: shorter Vietnamese words are mostly one edit from many
// other real words (ho/hon/hoa/to/tu...), so a "typo" there is usually another word.
// And only for words the catalogue does not contain: MiniSearch adds up every variant a word
// matches in a document, so "dang" would also score "động" and lift "... lưu động" above
// "đăng ký khai sinh". A typo that happens to spell a real word is left to the partial-match
// tier instead.
const FUZZY_MIN_LENGTH = 4;

interface IndexedDocument extends SearchableProcedure {
  id: number;
}

// Indexed fields carry their own names: MiniSearch reads stored fields (code, name, field)
// through the same extractField, so they must not share a name with an indexed form.
type FieldName = 'nameExact' | 'nameFolded' | 'fieldExact' | 'fieldFolded' | 'codeTerms';
const FIELDS: FieldName[] = ['nameExact', 'nameFolded', 'fieldExact', 'fieldFolded', 'codeTerms'];
const FOLDED_FIELDS: FieldName[] = ['nameFolded', 'fieldFolded'];

/** Index a catalogue. Procedures are identified by position, so bad data never throws here. */
export function buildCatalogueIndex(procedures: readonly SearchableProcedure[]): CatalogueIndex {
  const engine = new MiniSearch<IndexedDocument>(engineOptions());
  const documents = procedures.map((p, id) => ({ id, code: p.code, name: p.name, field: p.field }));
  engine.addAll(documents);
  const vocabulary = new Set<string>();
  for (const doc of documents) {
    for (const fieldName of FOLDED_FIELDS) {
      for (const term of indexedText(doc, fieldName).split(' ')) if (term) vocabulary.add(term);
    }
  }
  return { engine, vocabulary };
}

export function serializeIndex(index: CatalogueIndex): SerializedCatalogueIndex {
  return { format: INDEX_FORMAT, engine: index.engine.toJSON() };
}

/**
 * Restore a cached index. Returns null when the snapshot is from another index format or is
 * unreadable: the caller then rebuilds from the catalogue, which is always possible.
 */
export function loadIndex(snapshot: unknown): CatalogueIndex | null {
  if (typeof snapshot !== 'object' || snapshot === null) return null;
  const { format, engine } = snapshot as Partial<SerializedCatalogueIndex>;
  if (format !== INDEX_FORMAT || typeof engine !== 'object' || engine === null) return null;
  try {
    const restored = MiniSearch.loadJS<IndexedDocument>(engine, engineOptions());
    // The vocabulary is the folded fields' terms, which the snapshot already lists.
    const foldedIds = new Set(FOLDED_FIELDS.map((name) => String(engine.fieldIds[name])));
    const vocabulary = new Set<string>();
    for (const [term, byField] of engine.index) {
      if (Object.keys(byField).some((fieldId) => foldedIds.has(fieldId))) vocabulary.add(term);
    }
    return { engine: restored, vocabulary };
  } catch {
    return null;
  }
}

/**
 * Search the catalogue. Procedures matching every typed word come first; if there are fewer
 * of those than `limit`, procedures matching some of the words follow (a villager's "xin giấy
 * khai sinh cho con" contains words no procedure name has). A blank query lists the
 * procedures of `field` (or of the whole catalogue) in catalogue order.
 */
export function searchCatalogue(index: CatalogueIndex, query: string, options: CatalogueSearchOptions = {}): CatalogueSearchResult[] {
  const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_LIMIT));
  if (limit === 0) return [];
  const wantedField = options.field === undefined ? undefined : foldVietnamese(options.field).trim();
  const filter: SearchOptions['filter'] = wantedField ? (result) => foldVietnamese(String(result.field)).trim() === wantedField : undefined;

  const groups = queryGroups(query, index.vocabulary);
  if (groups.length === 0) {
    return index.engine
      .search(MiniSearch.wildcard, { filter })
      .slice(0, limit)
      .map((r) => toResult(r, 0));
  }

  const all = index.engine.search({ combineWith: 'AND', queries: groups }, { filter });
  const results = all.slice(0, limit).map((r) => toResult(r, r.score));
  if (results.length >= limit || groups.length === 1) return results;

  // Partial matches are ranked among themselves, then scaled below the last full match so
  // the scores stay in the order shown.
  const seen = new Set(all.map((r) => r.id as number));
  const some = index.engine
    .search({ combineWith: 'OR', queries: groups }, { filter })
    .filter((r) => !seen.has(r.id as number))
    .slice(0, limit - results.length);
  const floor = results.at(-1)?.score;
  const top = some[0]?.score ?? 0;
  const scale = floor !== undefined && top >= floor ? (floor * 0.99) / top : 1;
  return results.concat(some.map((r) => toResult(r, r.score * scale)));
}

/** The fields (lĩnh vực) present in a catalogue, in Vietnamese alphabetical order. */
export function listFields(procedures: readonly Pick<Procedure, 'field'>[]): string[] {
  const collator = new Intl.Collator('vi');
  return [...new Set(procedures.map((p) => p.field))].sort(collator.compare);
}

/**
 * The plain baseline for the benchmark: fold the query and every name on each call and keep
 * the names that contain the query as a substring (earlier match first). No index, no typo
 * tolerance, no word order freedom: what a search box does without a search engine.
 */
export function linearScanSearch(procedures: readonly SearchableProcedure[], query: string, limit = DEFAULT_LIMIT): CatalogueSearchResult[] {
  const needle = foldVietnamese(query).replace(/\s+/g, ' ').trim();
  if (!needle) return [];
  const hits: { procedure: SearchableProcedure; at: number }[] = [];
  for (const procedure of procedures) {
    const at = foldVietnamese(procedure.name).replace(/\s+/g, ' ').indexOf(needle);
    if (at >= 0) hits.push({ procedure, at });
  }
  hits.sort((a, b) => a.at - b.at || a.procedure.name.length - b.procedure.name.length);
  return hits.slice(0, limit).map(({ procedure, at }) => ({
    code: procedure.code,
    name: procedure.name,
    field: procedure.field,
    score: 1 / (1 + at),
  }));
}

// ---------------------------------------------------------------------------------------------

function engineOptions(): Options<IndexedDocument> {
  return {
    fields: FIELDS,
    storeFields: ['code', 'name', 'field'],
    // Index-time text is produced here already tokenized and normalized, one term per space,
    // so MiniSearch's own tokenizer (which would split codes at their dots) never sees it.
    extractField: (doc, fieldName) => indexedText(doc, fieldName),
    tokenize: (text) => text.split(' ').filter(Boolean),
    processTerm: (term) => term,
    // Query leaves are built as single, already-normalized terms by queryGroups().
    searchOptions: { tokenize: (text) => [text], processTerm: (term) => term },
  };
}

function indexedText(doc: IndexedDocument, fieldName: string): string {
  switch (fieldName as FieldName) {
    case 'nameExact':
      return meaningfulWords(doc.name).map(toneKey).join(' ');
    case 'nameFolded':
      return meaningfulWords(doc.name).map(matchForm).join(' ');
    case 'fieldExact':
      return meaningfulWords(doc.field).map(toneKey).join(' ');
    case 'fieldFolded':
      return meaningfulWords(doc.field).map(matchForm).join(' ');
    case 'codeTerms':
      return codeTerms(doc.code).join(' ');
    default:
      // Stored fields and the id are read raw.
      return (doc as unknown as Record<string, unknown>)[fieldName] as string;
  }
}

/** A national code is findable whole (`1.001193`) and by its six digits (`001193`). */
function codeTerms(code: string): string[] {
  const national = nationalCode(code).toLowerCase();
  const digits = national.split('.')[1];
  return digits ? [national, digits] : [national];
}

function matchForm(word: string): string {
  return normalizeIY(foldVietnamese(word));
}

function splitWords(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Words of a name or query without "thủ tục": most names begin with it, so in a query it
 * matches everything and says nothing.
 */
function meaningfulWords(text: string): string[] {
  const words = splitWords(text);
  return keptWordIndexes(words).map((i) => words[i] as string);
}

function keptWordIndexes(words: readonly string[]): number[] {
  const kept: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const next = words[i + 1];
    if (foldVietnamese(words[i] as string) === 'thu' && next !== undefined && foldVietnamese(next) === 'tuc') {
      i++;
      continue;
    }
    kept.push(i);
  }
  return kept;
}

// What a code looks like when typed: digits with a dot (`1.001193`, `1.0011`, the provincial
// `1.001193.000.00.00.H56`), four or more bare digits (`001193`), or a provisional `TAM.`.
const CODE_LIKE = /^(?:\d+\.[\d.a-z]*|\d{4,}|tam\.\d*)$/i;
const CODE_WITH_SUFFIX = /^(\d\.\d{6})\./;

function codeQueryTerm(chunk: string): string {
  const lower = chunk.toLowerCase();
  return CODE_WITH_SUFFIX.exec(lower)?.[1] ?? lower;
}

/**
 * One OR-group per typed word; the groups are then combined with AND or OR. Only the last
 * word is matched as a prefix, and only while the user is still on it (no trailing space):
 * the words before it are finished, and prefix-matching them would let "ky" also score
 * "kinh" in the same name.
 */
function queryGroups(query: string, vocabulary: ReadonlySet<string>): Query[] {
  const text = query.normalize('NFC');
  const accented = hasDiacritics(text);
  const typing = !/\s$/.test(text);
  const chunks = text
    .split(/\s+/)
    .map((raw) => raw.replace(/^[^\p{L}\p{M}\p{N}]+|[^\p{L}\p{M}\p{N}]+$/gu, ''))
    .filter(Boolean);
  const groups: Query[] = [];
  const words: string[] = [];
  let lastIsWord = false;
  for (const chunk of chunks) {
    lastIsWord = !CODE_LIKE.test(chunk);
    if (lastIsWord) {
      words.push(...splitWords(chunk));
      continue;
    }
    // Codes are always prefix-matched: "1.0011" is how a code is looked up.
    groups.push({
      queries: [codeQueryTerm(chunk)],
      fields: ['codeTerms'],
      boost: { codeTerms: BOOST.codeTerms },
      prefix: true,
      fuzzy: false,
    });
  }
  const typedIndex = typing && lastIsWord ? words.length - 1 : -1;
  for (const i of keptWordIndexes(words)) {
    const word = words[i] as string;
    const isTyped = i === typedIndex;
    const folded = foldVietnamese(word);
    const form = normalizeIY(folded);
    const fuzzy = form.length >= FUZZY_MIN_LENGTH && !vocabulary.has(form) ? 1 : false;
    const leaves: Query[] = [foldedLeaf(form, isTyped, fuzzy)];
    if (accented) {
      leaves.push({
        queries: [toneKey(word)],
        fields: ['nameExact', 'fieldExact'],
        boost: { nameExact: BOOST.nameExact, fieldExact: BOOST.fieldExact },
        prefix: false,
        fuzzy: false,
      });
    }
    // While typing "quy" the user may be on the way to "quyền": keep the unmapped form as a
    // prefix too, since the i/y rule only holds for a finished word.
    if (isTyped && form !== folded) leaves.push(foldedLeaf(folded, true, false));
    groups.push(leaves.length === 1 ? (leaves[0] as Query) : { combineWith: 'OR', queries: leaves });
  }
  return groups;
}

function foldedLeaf(term: string, prefix: boolean, fuzzy: number | false): Query {
  return {
    queries: [term],
    fields: ['nameFolded', 'fieldFolded'],
    boost: { nameFolded: BOOST.nameFolded, fieldFolded: BOOST.fieldFolded },
    prefix,
    fuzzy,
  };
}

function toResult(result: SearchResult, score: number): CatalogueSearchResult {
  return {
    code: String(result.code),
    name: String(result.name),
    field: String(result.field),
    score,
  };
}
