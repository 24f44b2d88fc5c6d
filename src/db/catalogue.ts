// The procedure catalogue on the device: installed only as a validated whole, swapped in one
// transaction with its search index, so readers see the old catalogue or the new one, never a mix.
// (The catalogue in force is the highest version: readCurrentCatalogue in current-catalogue.ts.)
import type { Catalogue, Procedure } from '../domain/catalogue';
import type { MotcuaDb } from './db';
import { readCurrentCatalogue } from './current-catalogue';

/** A catalogue as installed. Only parsed catalogues are written (installCatalogue takes a Catalogue). */
export interface InstalledCatalogue {
  version: number;
  issuedAt: string;
  installedAt: string;
  procedures: Procedure[];
}

/** What Cài đặt shows about the catalogue, without handing the procedures around. */
export interface CatalogueSummary {
  version: number;
  issuedAt: string;
  installedAt: string;
  procedureCount: number;
}

/**
 * The last attempt to update the catalogue and how it ended, kept so both Cài đặt and the
 * search page can say why a download was refused, after a reload too.
 */
export type CatalogueUpdateRecord = { at: string } & (
  | { kind: 'installed'; version: number; issuedAt: string }
  | { kind: 'up-to-date'; version: number }
  /** Nothing changed: `version` is the catalogue still in use, `offered` what the download claimed. */
  | { kind: 'refused'; reason: 'corrupt' | 'invalid' | 'older'; version: number; offered?: number; detail?: string }
  /** The gateway could not be reached (no status), or answered with an error (its status and message). */
  | { kind: 'failed'; status?: number; detail?: string }
);

export const CATALOGUE_UPDATE_KEY = 'catalogueUpdate';

export type InstallResult = { kind: 'installed' } | { kind: 'kept'; currentVersion: number };

export interface InstallOptions {
  /** First-run seeding: install only into an empty catalogue table. */
  onlyIfEmpty?: boolean;
  /** Record the installation as the latest update attempt, at this time (in the same transaction). */
  recordAt?: string;
}

export async function readInstalledCatalogue(db: MotcuaDb): Promise<InstalledCatalogue | undefined> {
  const row = await readCurrentCatalogue(db);
  return row ? { ...row, procedures: row.procedures as Procedure[] } : undefined;
}

/** The version in force, read from the key alone (cheap: a province catalogue is megabytes). */
export async function readCatalogueVersion(db: MotcuaDb): Promise<number | undefined> {
  return (await db.catalogues.orderBy('version').lastKey()) as number | undefined;
}

export async function readCatalogueSummary(db: MotcuaDb): Promise<CatalogueSummary | undefined> {
  const row = await readCurrentCatalogue(db);
  return row ? { version: row.version, issuedAt: row.issuedAt, installedAt: row.installedAt, procedureCount: row.procedures.length } : undefined;
}

/**
 * Swaps in a parsed catalogue and its serialized search index, in one transaction that
 * re-checks the version: a catalogue that is not newer than the one in force changes nothing
 * (two tabs, or a slow download overtaken by a faster one, cannot install an older issue).
 * Older versions and their indexes are removed in the same transaction.
 */
export async function installCatalogue(db: MotcuaDb, catalogue: Catalogue, index: string | undefined, options: InstallOptions = {}): Promise<InstallResult> {
  return db.transaction('rw', [db.catalogues, db.searchIndexes, db.settings], async () => {
    const current = await db.catalogues.orderBy('version').last();
    if (current && (options.onlyIfEmpty || catalogue.version <= current.version)) {
      return { kind: 'kept', currentVersion: current.version } as const;
    }
    const installedAt = new Date().toISOString();
    await db.catalogues.put({
      version: catalogue.version,
      issuedAt: catalogue.issuedAt,
      procedures: catalogue.procedures,
      installedAt,
    });
    if (index !== undefined) await db.searchIndexes.put({ version: catalogue.version, snapshot: index });
    await db.catalogues.where('version').below(catalogue.version).delete();
    await db.searchIndexes.where('version').below(catalogue.version).delete();
    if (options.recordAt !== undefined) {
      const record: CatalogueUpdateRecord = {
        at: options.recordAt,
        kind: 'installed',
        version: catalogue.version,
        issuedAt: catalogue.issuedAt,
      };
      await db.settings.put({ key: CATALOGUE_UPDATE_KEY, value: record, updatedAt: installedAt });
    }
    return { kind: 'installed' } as const;
  });
}

/** The cached serialized index of a catalogue version, if one was stored. */
export async function readSearchIndex(db: MotcuaDb, version: number): Promise<string | undefined> {
  const row = await db.searchIndexes.get(version);
  return typeof row?.snapshot === 'string' ? row.snapshot : undefined;
}

/** Caches a built index, unless its catalogue was replaced meanwhile (it would be an orphan). */
export async function saveSearchIndex(db: MotcuaDb, version: number, index: string): Promise<boolean> {
  return db.transaction('rw', [db.catalogues, db.searchIndexes], async () => {
    if (!(await db.catalogues.get(version))) return false;
    await db.searchIndexes.put({ version, snapshot: index });
    return true;
  });
}

export async function readCatalogueUpdate(db: MotcuaDb): Promise<CatalogueUpdateRecord | undefined> {
  const row = await db.settings.get(CATALOGUE_UPDATE_KEY);
  return row?.value as CatalogueUpdateRecord | undefined;
}

export async function recordCatalogueUpdate(db: MotcuaDb, record: CatalogueUpdateRecord): Promise<void> {
  await db.transaction('rw', db.settings, () => db.settings.put({ key: CATALOGUE_UPDATE_KEY, value: record, updatedAt: new Date().toISOString() }));
}
