// This device's identity and its commune, kept in settings. The short tag marks provisional
// dossier codes; the sync issue's enrolment will replace it with one the gateway assigns.
import type { MotcuaDb } from './db';
import { readSetting } from './settings';

export interface DeviceIdentity {
  id: string;
  short: string;
}

export interface CommuneInfo {
  id: string;
  name: string;
  provinceCode: string;
  agencyCode: string;
  officeHours: unknown;
}

export async function getOrCreateDevice(db: MotcuaDb): Promise<DeviceIdentity> {
  return db.transaction('rw', db.settings, async () => {
    const existing = await readSetting<DeviceIdentity | undefined>(db, 'device', undefined);
    if (existing) return existing;
    const id = crypto.randomUUID();
    const device = { id, short: id.replace(/-/g, '').slice(0, 6).toUpperCase() };
    await db.settings.put({ key: 'device', value: device, updatedAt: new Date().toISOString() });
    return device;
  });
}

export function readCommune(db: MotcuaDb): Promise<CommuneInfo | undefined> {
  return readSetting<CommuneInfo | undefined>(db, 'commune', undefined);
}
