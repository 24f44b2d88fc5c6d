// Whether this device's vault is set up, and whether it is open (issue 13, encryption at rest):
// one state per database, read from the `vault` setting when the database opens. The cipher code
// is imported only when a key arrives, so the first screen carries none of it.
import type { DBCore } from 'dexie';
import type Dexie from 'dexie';
import { MotcuaError } from '../../domain/errors';
import { dossierWordParts } from '../dossier-index';
import { heldMasterKey, holdMasterKey, onMasterKeyChange } from './key-holder';
import type { SealingEnv } from './seal-existing';
import type { Sealer, SealerEnv, TokenKind } from './sealer';
import { hasPersonalValue, MAX_PREFIX, PAIR_PREFIX, PERSONAL_FIELDS, SEALED, SEALED_TABLES, VAULT_SETTING, type VaultRecord } from './tables';

/** off: never set up on this device (rows stay clear, as before); locked: set up, no key held this run; open: key held and checked. */
export type VaultState = 'off' | 'locked' | 'open';

/** Seals the photos and scans already on the device (seal-files.ts), set by blobs.ts, which every repository of files loads. */
type FilesPass = (db: Dexie, chunkSize: number) => Promise<number>;
let filesPass: FilesPass | null = null;
export function setFilesPass(pass: FilesPass): void {
  filesPass = pass;
}

/** How far sealExistingData has come, in rows of the sealed tables. */
export interface SealProgress {
  done: number;
  total: number;
}

/** One database's vault. The middleware finds it by the database's name. */
export interface Vault {
  setUp: boolean;
  record: VaultRecord | null;
  sealer: Sealer | null;
  /** The Web Crypto key for Blobs, imported when the vault opens (blobs.ts). */
  blobKey: Promise<CryptoKey> | null;
  /** The held key the sealer was made from (the key holder hands out the same array until it changes). */
  sealerKey: Uint8Array | null;
  /** The database core below the vault's middleware: sealExistingData writes sealed rows through it. */
  core: DBCore | null;
  db: Dexie | null;
  opening: Promise<VaultState> | null;
  sealing: Promise<SealProgress> | null;
  progress: Set<(progress: SealProgress) => void>;
}

const vaults = new Map<string, Vault>();
let appVault: string | undefined;

export function vaultNamed(name: string): Vault {
  let vault = vaults.get(name);
  if (!vault) {
    vault = {
      setUp: false,
      record: null,
      sealer: null,
      blobKey: null,
      sealerKey: null,
      core: null,
      db: null,
      opening: null,
      sealing: null,
      progress: new Set(),
    };
    vaults.set(name, vault);
  }
  return vault;
}

/**
 * Rows written with tiny chunks in tests; the app's chunks keep each transaction short (a few
 * hundred ms at most), so the desk's own reads and writes never wait long behind one. Dating a
 * sealed dossier's pairs rewrites all its index entries, about 2.7 ms a dossier in Chromium
 * (tests/bench, 20,000 dossiers in 54 s): a hundred at a time.
 */
export const sealingTuning = { chunkSize: 500, fileChunkSize: 16, datingChunkSize: 100 };

export function lockedError(): MotcuaError {
  return new MotcuaError('vault.locked', 'Máy đang khóa: mở khóa bằng mã PIN để xem hoặc sửa dữ liệu của công dân.');
}

const sealerEnv: SealerEnv = {
  personalFields: PERSONAL_FIELDS,
  sealedKey: SEALED,
  maxPrefix: MAX_PREFIX,
  pairPrefix: PAIR_PREFIX,
  wordParts: (row) => dossierWordParts(row as Parameters<typeof dossierWordParts>[0]),
  unreadable: (why) =>
    new MotcuaError('vault.unreadable', `Dữ liệu mã hóa trên máy không đọc được (${why === 'key' ? 'sai khóa hoặc đã hỏng' : 'định dạng lạ'}).`),
};

const sealingEnv: SealingEnv = { tables: SEALED_TABLES, sealedKey: SEALED, setting: VAULT_SETTING, hasPersonalValue };

function wrongKeyError(): MotcuaError {
  return new MotcuaError('vault.wrong_key', 'Khóa dữ liệu không đúng với khóa của máy này.');
}

/** The vault's state for `db`; without one, the app's database (the last one loaded). */
export function vaultState(db?: Dexie): VaultState {
  const name = db?.name ?? appVault;
  const vault = name === undefined ? undefined : vaults.get(name);
  if (!vault?.setUp) return 'off';
  return vault.sealer ? 'open' : 'locked';
}

function close(vault: Vault): void {
  vault.sealer?.wipe();
  vault.sealer = null;
  vault.blobKey = null;
  vault.sealerKey = null;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Reads the `vault` setting (the schema calls this on every open of the database, before any other
 * request, with `reader` the open-time handle) and opens the vault if a key is already held.
 */
export async function loadVaultState(db: Dexie, reader: Dexie = db): Promise<VaultState> {
  const vault = vaultNamed(db.name);
  vault.db = db;
  appVault = db.name;
  const row = (await reader.table('settings').get(VAULT_SETTING)) as { value?: VaultRecord } | undefined;
  vault.record = row?.value ?? null;
  vault.setUp = vault.record !== null;
  if (!vault.setUp) {
    close(vault);
    return 'off';
  }
  return heldMasterKey() ? openVault(db).catch(() => vaultState(db)) : (close(vault), 'locked');
}

/**
 * Opens the vault with the held key: loads the cipher code, checks the key against the device's
 * check value (a wrong key throws vault.wrong_key and leaves it locked), and resumes the sealing
 * of existing rows if it was left half-way. Runs by itself when a key is held; await it to know.
 */
export function openVault(db: Dexie): Promise<VaultState> {
  const vault = vaultNamed(db.name);
  vault.db ??= db;
  // Another tab may have set the vault up since this one read the setting: look again before saying off.
  if (!vault.setUp || !vault.record) return rereadSetUp(db).then((found) => (found ? openVault(db) : 'off'));
  const key = heldMasterKey();
  if (!key) {
    close(vault);
    return Promise.resolve('locked');
  }
  if (vault.sealer && vault.sealerKey === key) return Promise.resolve('open');
  const record = vault.record;
  const opening = (vault.opening ??= (async (): Promise<VaultState> => {
    const { makeSealer } = await import('./sealer');
    const current = heldMasterKey();
    if (!current) return vaultState(db);
    const sealer = makeSealer(current, sealerEnv);
    if (!sameBytes(sealer.check, record.check)) {
      sealer.wipe();
      throw wrongKeyError();
    }
    close(vault);
    vault.sealer = sealer;
    vault.sealerKey = current;
    vault.blobKey = crypto.subtle.importKey('raw', sealer.blobKey.slice(), 'AES-GCM', false, ['encrypt', 'decrypt']);
    // A set-up interrupted before every row and file was sealed (or pairs dated) goes on at each unlock.
    const now = vault.record ?? record;
    if (!now.sealing.done || !now.filesSealed || !now.datedPairs?.done) sealExistingData(db).catch(() => undefined);
    // Drafts a tab wrote clear just as another set the vault up (intake.ts, writeDraft).
    else import('./seal-existing').then(({ sealStrayDrafts }) => sealStrayDrafts(db, vault, sealingEnv, () => openSealer(vault))).catch(() => undefined);
    return 'open';
  })().finally(() => {
    if (vault.opening === opening) vault.opening = null;
  }));
  return opening;
}

/**
 * The vault was found set up by another tab after this one read the setting (the middleware's
 * guard, or openVault): from now on this tab seals too, and stays locked until a key arrives.
 */
export function noticeSetUp(vault: Vault, record: VaultRecord): void {
  if (vault.setUp) return;
  vault.record = record;
  vault.setUp = true;
  close(vault);
  if (heldMasterKey() && vault.db) openVault(vault.db).catch(() => undefined);
}

/** Reads the `vault` setting again; true when it shows the vault set up (noticed here). */
async function rereadSetUp(db: Dexie): Promise<boolean> {
  const row = (await db.table('settings').get(VAULT_SETTING)) as { value?: VaultRecord } | undefined;
  if (!row?.value) return false;
  noticeSetUp(vaultNamed(db.name), row.value);
  return true;
}

/**
 * Other tabs of this device hear at once that the vault was set up, and lock themselves (they hold
 * no key). The write guard (middleware.ts) still covers a write made before the news arrives.
 */
const vaultNews = typeof BroadcastChannel === 'function' ? new BroadcastChannel('motcua-vault') : null;
if (vaultNews) {
  vaultNews.onmessage = (event: MessageEvent<{ setUp?: string }>) => {
    const db = event.data.setUp === undefined ? undefined : vaults.get(event.data.setUp)?.db;
    if (db) rereadSetUp(db).catch(() => undefined);
  };
}

// A new key opens every set-up vault (or is refused by it); a forgotten one closes them.
onMasterKeyChange(() => {
  for (const vault of vaults.values()) {
    if (!vault.setUp || !vault.db) continue;
    if (heldMasterKey()) openVault(vault.db).catch(() => undefined);
    else close(vault);
  }
});

/** True when `master` is this device's key. False before set-up. */
export async function verifyMasterKey(db: Dexie, master: Uint8Array): Promise<boolean> {
  const row = (await db.table('settings').get(VAULT_SETTING)) as { value?: VaultRecord } | undefined;
  if (!row?.value) return false;
  const { checkOf } = await import('./sealer');
  return sameBytes(checkOf(master), row.value.check);
}

/**
 * The first officer of this device sets the vault up with a fresh master key: the `vault` setting is
 * written (its check value, never the key), the key is held, the vault opens, and the rows already
 * on the device start being sealed (sealExistingData, to follow or await). On a device already set
 * up, the key must be its key (else vault.wrong_key) and this just unlocks.
 */
export async function setUpVault(db: Dexie, master: Uint8Array): Promise<VaultState> {
  const vault = vaultNamed(db.name);
  vault.db = db;
  const existing = (await db.table('settings').get(VAULT_SETTING)) as { value?: VaultRecord } | undefined;
  if (existing?.value) {
    vault.record = existing.value;
    vault.setUp = true;
    if (!(await verifyMasterKey(db, master))) throw wrongKeyError();
  } else {
    const { checkOf } = await import('./sealer');
    const now = new Date().toISOString();
    // Every pair this build seals is dated (sealer.ts receiptStamp): nothing to date later.
    const record: VaultRecord = { version: 1, check: checkOf(master), setUpAt: now, sealing: { done: false, table: 0 }, datedPairs: { done: true } };
    await db.table('settings').put({ key: VAULT_SETTING, value: record, updatedAt: now });
    vault.record = record;
    vault.setUp = true;
    vaultNews?.postMessage({ setUp: db.name });
  }
  const held = heldMasterKey();
  if (!held || !sameBytes(held, master)) holdMasterKey(master);
  return openVault(db);
}

/**
 * A row as the vault stores it, for the one writer that goes below Dexie and so below the vault's
 * middleware (writeDraft's raw transaction, which commits at once): sealed once the vault is set
 * up; vault.locked when it is set up but closed; the row itself before set-up.
 */
export function sealedForStore(db: Dexie, table: string, row: object): object {
  const vault = vaults.get(db.name);
  if (!vault?.setUp || !hasPersonalValue(table, row)) return row;
  return openSealer(vault).sealRow(table, row as Record<string, unknown>);
}

/** The open vault's sealer, for the middleware and the sealing walk; throws vault.locked otherwise. */
export function openSealer(vault: Vault): Sealer {
  if (!vault.sealer) throw lockedError();
  return vault.sealer;
}

/**
 * Seals every clear row of the sealed tables, a chunk per transaction, with its progress stored in
 * the same transaction: a tab closed half-way loses nothing and the next unlock goes on from there;
 * rows written meanwhile are sealed by the middleware and skipped. One run at a time per database
 * (a second call follows the running one). Returns at once, all done, when nothing is left.
 */
export function sealExistingData(db: Dexie, onProgress?: (progress: SealProgress) => void): Promise<SealProgress> {
  const vault = vaultNamed(db.name);
  if (onProgress) vault.progress.add(onProgress);
  const run = (vault.sealing ??= (async () => {
    if (!vault.setUp) throw new MotcuaError('vault.not_set_up', 'Máy này chưa thiết lập mã hóa dữ liệu.');
    openSealer(vault);
    const { sealExisting } = await import('./seal-existing');
    const progress = await sealExisting(
      db,
      vault,
      () => openSealer(vault),
      (progress) => vault.progress.forEach((listener) => listener(progress)),
      sealingTuning.chunkSize,
      sealingEnv,
    );
    // Then the photos and scans (Blobs, sealed outside transactions): resumable, row by row in place.
    if (!vault.record?.filesSealed && filesPass) {
      await filesPass(db, sealingTuning.fileChunkSize);
      const record: VaultRecord = { ...vault.record!, filesSealed: true };
      await db.table('settings').put({ key: VAULT_SETTING, value: record, updatedAt: new Date().toISOString() });
      vault.record = record;
    }
    // Then, on a vault set up before v11, the name pairs it sealed undated (date-pairs.ts).
    if (!vault.record?.datedPairs?.done) {
      const { datePairs } = await import('./date-pairs');
      await datePairs(db, vault, sealingTuning.datingChunkSize, { sealedKey: SEALED, setting: VAULT_SETTING });
    }
    return progress;
  })().finally(() => {
    vault.sealing = null;
  }));
  return run.finally(() => onProgress && vault.progress.delete(onProgress));
}

/** How many letters of a search word its token covers (see MAX_PREFIX). */
const cut = (word: string) => Array.from(word).slice(0, MAX_PREFIX).join('');

/**
 * The index keys a search reads in `index` for what the officer typed: the clear text before
 * set-up (or while rows are still being sealed), the token once sealed, both in between. Each key
 * is read as the start of an index value (a token is whole: all have one length).
 */
function keysFor(db: Dexie, kind: TokenKind, clear: string, tokenText: string, clearStays: boolean): string[] {
  const vault = vaults.get(db.name);
  if (!vault?.sealer) return [clear];
  const token = vault.sealer.token(kind, tokenText);
  return clearStays || !vault.record?.sealing.done ? [clear, token] : [token];
}

/** searchWords keys for the start of a word: dossier codes stay clear, so the clear key is always read too. */
export function wordSearchKeys(db: Dexie, start: string): string[] {
  return keysFor(db, 'w', start, cut(start), true);
}

/** searchPairs keys for a whole name word followed by the start of another (sealed: its first PAIR_PREFIX letters). */
export function pairSearchKeys(db: Dexie, word: string, start: string): string[] {
  return keysFor(db, 'p', `${word} ${start}`, pairTokenText(word, start), false);
}

/** What a pair's token stands for: the whole word, then the other's first PAIR_PREFIX letters. */
const pairTokenText = (word: string, start: string) => `${word} ${Array.from(start).slice(0, PAIR_PREFIX).join('')}`;

/**
 * The one searchPairs key for a whole name word followed by the start of another once every row is
 * sealed and every pair dated: a token, whose index values all carry the receipt time after it
 * (sealer.ts receiptStamp), so its range read backwards is newest first. Null while any row may
 * hold clear pairs, or pair tokens sealed before v11 without the time (date-pairs.ts).
 */
export function datedPairKey(db: Dexie, word: string, start: string): string | null {
  const vault = vaults.get(db.name);
  if (!vault?.sealer || !vault.record?.sealing.done || !vault.record.datedPairs?.done) return null;
  return vault.sealer.token('p', pairTokenText(word, start));
}

/** True when a pair's key may stand for less than the start typed: the search must then also find the whole start among the words. */
export function pairKeysCut(db: Dexie, start: string): boolean {
  return vaults.get(db.name)?.sealer != null && Array.from(start).length > PAIR_PREFIX;
}

/** applicantIdNumber keys for an exact ID number. */
export function idNumberKeys(db: Dexie, idNumber: string): string[] {
  return keysFor(db, 'i', idNumber, idNumber, false);
}
