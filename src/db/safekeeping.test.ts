// The eviction marker, the reminder's age and a full device at intake, on a fake IndexedDB with a
// stand-in localStorage: a database lost while its twin survives is told from a new device, the
// notice stays until settled, and a receipt that hits the quota leaves the draft as it was.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MotcuaDb } from './db';
import { getOrCreateDevice } from './device';
import { receiveDossier } from './intake';
import { addEntry } from './outbox';
import {
  checkWorkMarker,
  markWorkHeld,
  overdueHours,
  readReminderHours,
  settleLostWork,
  unsyncedAge,
  WORK_MARKER_TWIN,
  writeReminderHours,
} from './safekeeping';
import { pendingEntry, sampleBirthDossier } from './test-support';
import type { DossierRow } from './schema';
import { isQuotaError } from './errors';

/** localStorage as the browser keeps it: outside IndexedDB, so it outlives the database here. */
class MemoryStorage {
  private items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

const fresh = async () => {
  const db = new MotcuaDb(`safe-${crypto.randomUUID()}`);
  await db.open();
  await getOrCreateDevice(db);
  return db;
};

beforeEach(() => {
  (globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
});
afterEach(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

describe('the eviction marker', () => {
  it('is absent on a new device, written with its twin once work is held, and found lost when only the twin survives', async () => {
    const db = await fresh();
    expect(await checkWorkMarker(db)).toEqual({ state: 'none' });
    const marker = await markWorkHeld(db, new Date('2026-12-01T02:00:00Z'));
    expect(marker).toMatchObject({ since: '2026-12-01T02:00:00.000Z' });
    expect(JSON.parse(localStorage.getItem(WORK_MARKER_TWIN)!)).toEqual(marker);
    expect(await checkWorkMarker(db)).toEqual({ state: 'held', marker });

    // The browser evicts the database; localStorage stays. The app opens a new, empty one.
    db.close();
    await db.delete();
    const after = await fresh();
    expect(await checkWorkMarker(after)).toEqual({ state: 'lost', marker });
    // A dossier received before the officer acts does not hide the notice.
    await after.dossiers.add({
      ...sampleBirthDossier,
      id: 'd1',
      code: 'X',
      status: 2,
      receivedAt: 'x',
      dueAt: 'y',
      syncState: 'waiting',
      data: {},
      updatedAt: 'x',
    } as DossierRow);
    await markWorkHeld(after);
    expect((await checkWorkMarker(after)).state).toBe('lost');
    await settleLostWork(after);
    const settled = await checkWorkMarker(after);
    expect(settled.state).toBe('held');
    expect(settled.state === 'held' && settled.marker.since).not.toBe(marker!.since);
  });

  it('marks a device that held work before markers existed, and restores a twin that was cleared', async () => {
    const db = await fresh();
    await addEntry(db, pendingEntry('dossier.receive', 'd1'));
    const first = await checkWorkMarker(db);
    expect(first.state).toBe('held');
    localStorage.removeItem(WORK_MARKER_TWIN);
    expect(await checkWorkMarker(db)).toEqual(first);
    expect(localStorage.getItem(WORK_MARKER_TWIN)).not.toBeNull();
  });

  it('settling with nothing held forgets the twin, so a fresh start is a new device', async () => {
    const db = await fresh();
    localStorage.setItem(WORK_MARKER_TWIN, JSON.stringify({ deviceId: 'old', since: '2026-11-01T00:00:00.000Z' }));
    expect((await checkWorkMarker(db)).state).toBe('lost');
    await settleLostWork(db);
    expect(localStorage.getItem(WORK_MARKER_TWIN)).toBeNull();
    expect(await checkWorkMarker(db)).toEqual({ state: 'none' });
  });
});

describe('the reminder', () => {
  it('reads the oldest unacknowledged change and the commune’s hours (24 by default, kept within 1…720)', async () => {
    const db = await fresh();
    expect(await unsyncedAge(db)).toEqual({ count: 0, oldest: undefined });
    await addEntry(db, { ...pendingEntry('dossier.receive', 'd2'), createdAt: '2026-12-05T10:00:00.000Z' });
    await addEntry(db, { ...pendingEntry('dossier.receive', 'd1'), createdAt: '2026-12-04T10:00:00.000Z' });
    expect(await unsyncedAge(db)).toEqual({ count: 2, oldest: '2026-12-04T10:00:00.000Z' });
    expect(await readReminderHours(db)).toBe(24);
    await writeReminderHours(db, 48.4);
    expect(await readReminderHours(db)).toBe(48);
    await writeReminderHours(db, 0);
    expect(await readReminderHours(db)).toBe(1);
    const now = new Date('2026-12-05T16:00:00Z');
    expect(overdueHours('2026-12-04T10:00:00.000Z', 24, now)).toBe(30);
    expect(overdueHours('2026-12-04T10:00:00.000Z', 48, now)).toBeUndefined();
    expect(overdueHours(undefined, 1, now)).toBeUndefined();
  });
});

describe('a full device at intake', () => {
  it('leaves the draft as it was when the receipt hits the quota', async () => {
    const db = await fresh();
    const draft = { id: 'draft-q', procedureCode: '1.001193', procedure: {}, step: 'review', data: { a: 1 }, createdAt: 'x', updatedAt: 'x' };
    await db.drafts.add(draft as never);
    // The outbox write is the receipt's last: the dossier and its log are already written in the transaction when it fails.
    db.outbox.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const dossier = {
      ...sampleBirthDossier,
      id: 'd-q',
      code: 'TAM-1',
      status: 2,
      receivedAt: 'x',
      dueAt: 'y',
      syncState: 'waiting',
      data: {},
      updatedAt: 'x',
    } as DossierRow;
    const failure = await receiveDossier(db, {
      draftId: 'draft-q',
      dossier,
      log: { dossierId: 'd-q', at: 'x', who: 'A', role: 'officer', action: 'receive', fromStatus: null, toStatus: 2 },
      outbox: pendingEntry('dossier.receive', 'd-q'),
    } as never).catch((e: unknown) => e);
    expect(isQuotaError(failure)).toBe(true);
    expect(await db.drafts.get('draft-q')).toEqual(draft);
    expect(await db.dossiers.count()).toBe(0);
    expect(await db.processingLog.count()).toBe(0);
  });
});
