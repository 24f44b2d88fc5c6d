// Typed access to single settings rows, such as the desk profile printed on receipts.
import type { MotcuaDb } from './db';

export interface DeskProfile {
  officerName: string;
  officerPhone: string;
}

export const emptyDeskProfile: DeskProfile = { officerName: '', officerPhone: '' };

export async function readSetting<T>(db: MotcuaDb, key: string, fallback: T): Promise<T> {
  const row = await db.settings.get(key);
  return row ? (row.value as T) : fallback;
}

export async function writeSetting(db: MotcuaDb, key: string, value: unknown): Promise<void> {
  await db.transaction('rw', db.settings, () => db.settings.put({ key, value, updatedAt: new Date().toISOString() }));
}
