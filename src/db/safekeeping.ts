// Keeping the device's work from being lost unseen (issue 14): the marker that tells an evicted or
// wiped database from a new device, persistent storage asked for when there is work to protect, and
// the age of the oldest change the gateway has not acknowledged, for the reminder.
//
// The marker has two copies: a settings row inside IndexedDB and a twin in localStorage. In
// Chromium (the browsers the communes use) storage-pressure eviction and the dropping of a corrupt
// IndexedDB remove the quota-managed stores (IndexedDB, Cache Storage) but not localStorage, so a
// twin found without its row means the database was lost, not that the device is new. The
// `persisted()` fact cannot tell this (it is false on a new device too), and the Storage Buckets
// API is Chromium-only and evicts a bucket whole, twin included. Where the browser wipes
// localStorage together with IndexedDB (Safari's seven-day rule, "clear site data") no marker
// survives: persistent storage and the backup file are the defence there.
import type { MotcuaDb } from './db';
import { DEVICE_KEY, type DeviceIdentity } from './device';
import { requestPersistentStorage } from './storage';

export const WORK_MARKER_KEY = 'workMarker';
/** The twin's localStorage key. */
export const WORK_MARKER_TWIN = 'motcua.workMarker';
/** Settings row written when a lost database is found: the twin's marker, until the officer settles it. */
export const WORK_LOST_KEY = 'workLost';
/** Settings row: hours after which unsynced work is reminded of (set per commune in Cài đặt). */
export const REMINDER_HOURS_KEY = 'unsyncedReminderHours';
export const DEFAULT_REMINDER_HOURS = 24;

/** Written when the device first holds work: which device, since when. */
export interface WorkMarker {
  deviceId: string;
  since: string;
}

/** What the start finds: nothing to protect yet, the marker in place, or its twin alone (the database was lost). */
export type MarkerCheck = { state: 'none' } | { state: 'held'; marker: WorkMarker } | { state: 'lost'; marker: WorkMarker };

function twinStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // storage blocked by the browser's settings
  }
}

function readTwin(): WorkMarker | undefined {
  try {
    const value = JSON.parse(twinStorage()?.getItem(WORK_MARKER_TWIN) ?? 'null') as Partial<WorkMarker> | null;
    return value && typeof value.deviceId === 'string' && typeof value.since === 'string' ? { deviceId: value.deviceId, since: value.since } : undefined;
  } catch {
    return undefined;
  }
}

function writeTwin(marker: WorkMarker): void {
  try {
    twinStorage()?.setItem(WORK_MARKER_TWIN, JSON.stringify(marker));
  } catch {
    // localStorage full or blocked: the row alone still protects nothing less than before.
  }
}

async function holdsWork(db: MotcuaDb): Promise<boolean> {
  return (await db.dossiers.count()) > 0 || (await db.outbox.count()) > 0;
}

/**
 * Called once the device holds work (a dossier received, a backup imported): writes the marker and
 * its twin if missing, and asks for persistent storage, since from now on an eviction loses work.
 */
export async function markWorkHeld(db: MotcuaDb, now = new Date()): Promise<WorkMarker | undefined> {
  const marker = await db.transaction('rw', db.settings, async () => {
    const row = (await db.settings.get(WORK_MARKER_KEY))?.value as WorkMarker | undefined;
    if (row) return row;
    const device = (await db.settings.get(DEVICE_KEY))?.value as DeviceIdentity | undefined;
    if (!device) return undefined;
    const fresh: WorkMarker = { deviceId: device.id, since: now.toISOString() };
    await db.settings.put({ key: WORK_MARKER_KEY, value: fresh, updatedAt: now.toISOString() });
    return fresh;
  });
  if (marker && readTwin()?.since !== marker.since) writeTwin(marker);
  if (marker) void requestPersistentStorage().catch(() => undefined);
  return marker;
}

/**
 * At start: the marker's row and twin compared. A twin without its row is a lost database: that is
 * written down in the new database at once (so the notice outlives the next dossier, whose receipt
 * writes a fresh marker) and stays until the officer has taken the way back. A device holding work
 * from before markers existed gets one.
 */
export async function checkWorkMarker(db: MotcuaDb): Promise<MarkerCheck> {
  const lost = (await db.settings.get(WORK_LOST_KEY))?.value as WorkMarker | undefined;
  if (lost) return { state: 'lost', marker: lost };
  const row = (await db.settings.get(WORK_MARKER_KEY))?.value as WorkMarker | undefined;
  const twin = readTwin();
  if (row) {
    if (twin?.since !== row.since) writeTwin(row);
    return { state: 'held', marker: row };
  }
  if (twin) {
    await db.transaction('rw', db.settings, () => db.settings.put({ key: WORK_LOST_KEY, value: twin, updatedAt: new Date().toISOString() }));
    return { state: 'lost', marker: twin };
  }
  if (await holdsWork(db)) {
    const marker = await markWorkHeld(db);
    return marker ? { state: 'held', marker } : { state: 'none' };
  }
  return { state: 'none' };
}

/** The officer has taken the way back (a backup imported, or re-synced and said so): the notice goes, the marker restarts from what is here. */
export async function settleLostWork(db: MotcuaDb): Promise<void> {
  await db.transaction('rw', db.settings, () => db.settings.delete(WORK_LOST_KEY));
  if (await holdsWork(db)) await markWorkHeld(db);
  else twinStorage()?.removeItem(WORK_MARKER_TWIN);
}

/** The two rows the shell's notice reads live: a lost database written down, and the marker. */
export async function readWorkMarkers(db: MotcuaDb): Promise<{ lost: WorkMarker | undefined; held: WorkMarker | undefined }> {
  const [lost, held] = await db.settings.bulkGet([WORK_LOST_KEY, WORK_MARKER_KEY]);
  return { lost: lost?.value as WorkMarker | undefined, held: held?.value as WorkMarker | undefined };
}

/** The oldest change not yet acknowledged by the gateway (the outbox keeps only those), and how many there are. */
export async function unsyncedAge(db: MotcuaDb): Promise<{ count: number; oldest: string | undefined }> {
  return db.transaction('r', db.outbox, async () => {
    const count = await db.outbox.count();
    const first = count > 0 ? await db.outbox.orderBy('createdAt').first() : undefined;
    return { count, oldest: first?.createdAt };
  });
}

export async function readReminderHours(db: MotcuaDb): Promise<number> {
  const value = (await db.settings.get(REMINDER_HOURS_KEY))?.value;
  return typeof value === 'number' && value > 0 ? value : DEFAULT_REMINDER_HOURS;
}

/** Whole hours, 1 to a month: a reminder every few minutes or never would both be ignored. */
export async function writeReminderHours(db: MotcuaDb, hours: number): Promise<void> {
  const value = Math.min(720, Math.max(1, Math.round(hours)));
  await db.transaction('rw', db.settings, () => db.settings.put({ key: REMINDER_HOURS_KEY, value, updatedAt: new Date().toISOString() }));
}

/** Hours since `oldest`, when it passes `hours`; undefined while the reminder should stay quiet. */
export function overdueHours(oldest: string | undefined, hours: number, now: Date): number | undefined {
  if (!oldest) return undefined;
  const age = (now.getTime() - Date.parse(oldest)) / 3_600_000;
  return age >= hours ? Math.floor(age) : undefined;
}
