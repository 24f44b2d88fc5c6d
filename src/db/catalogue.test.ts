// The catalogue swap: whole, newer-only, with its index, and the old version gone afterwards.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoCatalogue, type Catalogue } from '../domain/catalogue';
import {
  installCatalogue,
  readCatalogueSummary,
  readCatalogueUpdate,
  readCatalogueVersion,
  readInstalledCatalogue,
  readSearchIndex,
  saveSearchIndex,
} from './catalogue';
import { MotcuaDb } from './db';

const demo = demoCatalogue();
const version = (v: number): Catalogue => ({ ...demo, version: v, issuedAt: `2026-12-0${v}T00:00:00+07:00` });

let db: MotcuaDb;
beforeEach(async () => {
  db = new MotcuaDb(`catalogue-${Math.random()}`);
  await db.open();
});
afterEach(() => db.close());

describe('installCatalogue', () => {
  it('installs into an empty device and reads back typed, with a summary for Cài đặt', async () => {
    expect(await installCatalogue(db, demo, 'index-v1')).toEqual({ kind: 'installed' });
    const installed = await readInstalledCatalogue(db);
    expect(installed?.version).toBe(1);
    expect(installed?.procedures[0]?.name).toBe('Thủ tục đăng ký khai sinh');
    expect(await readCatalogueSummary(db)).toMatchObject({ version: 1, issuedAt: demo.issuedAt, procedureCount: 53 });
    expect(await readSearchIndex(db, 1)).toBe('index-v1');
  });

  it('swaps in a newer version with its index and drops the older one, recording it in the same step', async () => {
    await installCatalogue(db, demo, 'index-v1');
    expect(await installCatalogue(db, version(3), 'index-v3', { recordAt: '2026-12-03T08:00:00.000Z' })).toEqual({ kind: 'installed' });
    expect(await db.catalogues.toCollection().primaryKeys()).toEqual([3]);
    expect(await db.searchIndexes.toCollection().primaryKeys()).toEqual([3]);
    expect(await readCatalogueUpdate(db)).toEqual({
      at: '2026-12-03T08:00:00.000Z',
      kind: 'installed',
      version: 3,
      issuedAt: '2026-12-03T00:00:00+07:00',
    });
  });

  it('keeps the catalogue in force when offered an equal or older version', async () => {
    await installCatalogue(db, version(2), 'index-v2');
    expect(await installCatalogue(db, version(2), 'other')).toEqual({ kind: 'kept', currentVersion: 2 });
    expect(await installCatalogue(db, version(1), 'older')).toEqual({ kind: 'kept', currentVersion: 2 });
    expect(await readSearchIndex(db, 2)).toBe('index-v2');
    expect(await db.catalogues.count()).toBe(1);
  });

  it('seeds only an empty device', async () => {
    await installCatalogue(db, version(2), undefined);
    expect(await installCatalogue(db, version(5), undefined, { onlyIfEmpty: true })).toEqual({ kind: 'kept', currentVersion: 2 });
    expect((await readCatalogueSummary(db))?.version).toBe(2);
  });
});

describe('saveSearchIndex', () => {
  it('caches an index for the catalogue in force, but not for one already replaced', async () => {
    await installCatalogue(db, demo, undefined);
    expect(await readSearchIndex(db, 1)).toBeUndefined();
    expect(await saveSearchIndex(db, 1, 'built')).toBe(true);
    expect(await readSearchIndex(db, 1)).toBe('built');
    await installCatalogue(db, version(2), undefined);
    expect(await saveSearchIndex(db, 1, 'late')).toBe(false);
    expect(await readSearchIndex(db, 1)).toBeUndefined();
  });
});

describe('readCatalogueVersion', () => {
  it('is undefined on an empty device, then the version in force', async () => {
    expect(await readCatalogueVersion(db)).toBeUndefined();
    await installCatalogue(db, version(4), undefined);
    expect(await readCatalogueVersion(db)).toBe(4);
  });
});
