// Index fields derived from a dossier row on every write (schema v4), so the desk's lists and the
// reports read ranges of an index instead of scanning 100,000 rows. A DBCore middleware adds them
// to whatever writes a dossier (intake, the desk, sync), so no writer can forget one.
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import { foldVietnamese } from '../domain/catalogue';
import { isRunningStatus } from '../domain/dossier';
import type { DossierRow } from './rows';
import { inUpgrade } from './upgrades/in-upgrade';

export interface DossierIndexFields {
  /** Folded words of the applicant's name, the ID number and the codes; searched by prefix. */
  searchWords: string[];
  /**
   * Every ordered pair of the applicant's name words, "a b" (so "Lò Thị Mai" gives "lo thi",
   * "thi lo", "lo mai", …): a search of several words reads the range "lo mai…" (a whole word, then
   * the start of another), a few dozen rows, instead of intersecting the ranges of common words
   * like "thi" or "nguyen", each a third of the desk.
   */
  searchPairs: string[];
  /** The appointment of a dossier whose clock runs (status 2 or 4); absent otherwise. */
  openDueAt?: string;
}

/** At most this many of a name's words are paired (n × (n − 1) entries); names have 2 to 5. */
const MAX_PAIRED_WORDS = 6;

/** Lower-case, accent-free tokens of a search box's text, as matched against searchWords. */
export function searchTokens(text: string): string[] {
  return foldVietnamese(text.normalize('NFC'))
    .split(/\s+/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

function codeWords(code: string | undefined): string[] {
  if (!code) return [];
  const folded = code.toLowerCase();
  // 000.00.12.H38-260301-0001 is also found as 260301-0001 and 0001; TAM-AB12CD-260301-0001 likewise.
  const parts = folded.split('-');
  const tail = parts.length >= 2 ? parts.slice(-2).join('-') : undefined;
  return [folded, ...(tail ? [tail, parts[parts.length - 1]!] : [])];
}

/** What the search words are made of: the name's folded words, the ID number, the codes' words (the vault turns the first two into tokens). */
export interface DossierWordParts {
  nameWords: string[];
  idNumber: string;
  codeWords: string[];
  /** The name words that are paired into searchPairs, in order. */
  paired: string[];
}

export function dossierWordParts(row: Pick<DossierRow, 'code' | 'provisionalCode' | 'applicantName' | 'applicantIdNumber'>): DossierWordParts {
  const nameWords = foldVietnamese((row.applicantName ?? '').normalize('NFC'))
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
  return {
    nameWords,
    idNumber: (row.applicantIdNumber ?? '').trim(),
    codeWords: [...codeWords(row.code), ...codeWords(row.provisionalCode)],
    paired: nameWords.slice(0, MAX_PAIRED_WORDS),
  };
}

export function dossierIndexFields(
  row: Pick<DossierRow, 'code' | 'provisionalCode' | 'applicantName' | 'applicantIdNumber' | 'status' | 'dueAt'>,
): DossierIndexFields {
  const { nameWords, idNumber, codeWords: codes, paired } = dossierWordParts(row);
  const words = new Set([...nameWords, idNumber, ...codes].filter((w) => w !== ''));
  const pairs = new Set<string>();
  paired.forEach((a, i) => paired.forEach((b, j) => i !== j && pairs.add(`${a} ${b}`)));
  const fields: DossierIndexFields = { searchWords: [...words], searchPairs: [...pairs] };
  if (isRunningStatus(row.status) && row.dueAt) fields.openDueAt = row.dueAt;
  return fields;
}

function withIndexFields(value: DossierRow & Partial<DossierIndexFields>): DossierRow {
  const { openDueAt: _stale, ...rest } = value;
  return { ...rest, ...dossierIndexFields(value) };
}

/** Keeps the derived fields of every dossier written, whoever writes it (a schema upgrade writes its own). */
export const dossierIndexMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'motcua-dossier-index-fields',
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      if (name !== 'dossiers') return table;
      return {
        ...table,
        mutate: (req: DBCoreMutateRequest) =>
          (req.type === 'add' || req.type === 'put') && !inUpgrade(req.trans)
            ? table.mutate({ ...req, values: req.values.map(withIndexFields) })
            : table.mutate(req),
      };
    },
  }),
};
