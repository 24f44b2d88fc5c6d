// Which fields of which tables are personal (Decree 13/2023: citizens' names, ID numbers, birth
// dates, addresses, contacts, their papers' names and their words): the vault seals exactly these.
// Everything else stays clear, so the indexes (status, dates, procedure, codes, sync state) work.

/** A sealed row carries its personal fields here, as nonce + AES-GCM ciphertext (sealer.ts). */
export const SEALED = 'sealed';

/**
 * The personal fields of each sealed table. Applicant and owner fields, birth dates, addresses and
 * phones all live inside `data` (drafts and dossiers) and `payload` (outbox), sealed whole.
 */
export const PERSONAL_FIELDS: Readonly<Record<string, readonly string[]>> = {
  /** Name and ID number are also indexed: the index holds keyed-hash tokens instead (sealer.ts). */
  dossiers: ['applicantName', 'applicantIdNumber', 'data'],
  drafts: ['data'],
  outbox: ['payload'],
  processingLog: ['note'],
  /** Report facts copy the name, and a rating's reason is the citizen's own words. */
  dossierFacts: ['applicantName', 'ratingReason'],
  /** Packs hold the names, and reasons among the shared values. */
  reportPacks: ['applicantName', 'shared'],
  /** A paper's file name is often the citizen's name ("CCCD Nguyen Van A.jpg"). */
  attachments: ['name'],
  captureQueue: ['name'],
  pageSources: ['name'],
};

/** The tables that keep bytes (photos, scans): their primary key and their Blob fields, sealed whole (seal-files.ts, blobs.ts). */
export const BLOB_FIELDS: Readonly<Record<string, { key: string; fields: readonly string[] }>> = {
  files: { key: 'sha256', fields: ['blob', 'thumbnail'] },
  captureQueue: { key: 'seq', fields: ['blob'] },
  pageSources: { key: 'pageId', fields: ['blob'] },
};

/** Prefixes of a name word or ID number are tokenized up to this many letters; a longer search matches on its first ones. */
export const MAX_PREFIX = 24;

/**
 * Letters of a pair's second word that sealed pairs keep; a longer start typed is also looked up
 * among the words' tokens (dossier-query.ts). Measured at 100,000 dossiers (npm run bench): with
 * 2 letters a dossier has about 25 fewer index entries, but "nguyen thi" read the wide range
 * "nguyen th…" and took 836 ms instead of 130; so every prefix is kept, as for words.
 */
export const PAIR_PREFIX = MAX_PREFIX;

/** Sealed tables, in the order sealExistingData walks them. */
export const SEALED_TABLES = Object.keys(PERSONAL_FIELDS);

/** True when a row to be written carries a personal value (one that the vault must seal). */
export function hasPersonalValue(table: string, row: unknown): boolean {
  const fields = PERSONAL_FIELDS[table];
  if (!fields || row === null || typeof row !== 'object') return false;
  const r = row as Record<string, unknown>;
  return fields.some((f) => r[f] !== undefined);
}

/** The settings row that marks the vault as set up on this device. */
export const VAULT_SETTING = 'vault';

/** Where sealExistingData stands: the next table (index in SEALED_TABLES) and the last key sealed in it. */
export interface SealingProgress {
  done: boolean;
  table: number;
  after?: IDBValidKey;
}

/** The value of the `vault` setting: never the key, only a check that tells the right key from a wrong one. */
export interface VaultRecord {
  version: 1;
  check: Uint8Array;
  setUpAt: string;
  sealing: SealingProgress;
  /** True once every photo and scan the device held at set-up is sealed too (seal-files.ts); absent on vaults set up before files were sealed. */
  filesSealed?: boolean;
  /**
   * How far the dating of sealed name pairs stands (date-pairs.ts): done once no sealed dossier
   * holds a pair token without its receipt time. Set done at set-up from v11 on (the sealer dates
   * every token it writes); absent on vaults set up before, whose tokens are dated in the background.
   */
  datedPairs?: { done: boolean; after?: IDBValidKey };
}
