// What the first screen needs of the device's officers (issue 13): whether any has signed in here
// (then the app starts locked), the lock itself, and the idle time before it locks. The PIN and
// password work (officers.ts) loads with the lock screen.
import { MotcuaError } from '../domain/errors';
import type { MotcuaDb } from './db';
import { currentOfficer, setCurrentOfficer } from './session';

/** Setting: minutes without input before the app locks (Cài đặt). */
export const LOCK_AFTER_KEY = 'lockAfterMinutes';
export const DEFAULT_LOCK_AFTER_MINUTES = 5;

/** How many officers have signed in on this device: from the first one on, the app starts locked. */
export async function countDeviceOfficers(db: MotcuaDb): Promise<number> {
  return db.officers.count();
}

/** Locks the app: nobody is signed in until a PIN or password unlocks. The data key stays held, so queued work keeps syncing. */
export function lockDevice(): void {
  if (currentOfficer()) setCurrentOfficer(null);
}

export async function readLockAfterMinutes(db: MotcuaDb): Promise<number> {
  const value = (await db.settings.get(LOCK_AFTER_KEY))?.value;
  return typeof value === 'number' && value > 0 ? value : DEFAULT_LOCK_AFTER_MINUTES;
}

export async function writeLockAfterMinutes(db: MotcuaDb, minutes: number): Promise<void> {
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 240) throw new MotcuaError('officer.lock_after', 'Thời gian tự khóa là từ 1 đến 240 phút.');
  await db.transaction('rw', db.settings, () => db.settings.put({ key: LOCK_AFTER_KEY, value: minutes, updatedAt: new Date().toISOString() }));
}
