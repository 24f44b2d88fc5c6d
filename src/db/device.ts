// This device's identity and its commune, kept in settings. Until the device is enrolled its short
// tag is a provisional one made here; enrolment replaces it with the one the gateway assigns
// (unique in the commune, never reused), together with the device token, in one transaction.
import type { CommuneInfo } from '../domain/geo';
import type { MotcuaDb } from './db';
import { readSetting } from './settings';

/**
 * What the device was enrolled for (issue 15): a commune desk (receives dossiers, issues codes) or
 * a community team's tablet (files online submissions only). The gateway enforces it; the app
 * takes its mode from it. A device enrolled before roles existed, or not enrolled, is a desk.
 */
export type DeviceRole = 'desk' | 'team';

export interface DeviceIdentity {
  id: string;
  short: string;
  /** Absent on identities stored before issue 15, and before enrolment: read it with deviceRoleOf. */
  role?: DeviceRole;
  /** Set once the gateway enrolled the device: the name the officer gave it, and when. */
  name?: string;
  enrolledAt?: string;
}

/** The commune this device serves, as the gateway handed it (one shape for both sides). */
export type { CommuneInfo };

/** The setting holding the device's bearer token for the gateway (absent until enrolment). */
export const DEVICE_TOKEN_KEY = 'deviceToken';
export const DEVICE_KEY = 'device';
export const COMMUNE_KEY = 'commune';

export async function getOrCreateDevice(db: MotcuaDb): Promise<DeviceIdentity> {
  return db.transaction('rw', db.settings, async () => {
    const existing = await readSetting<DeviceIdentity | undefined>(db, DEVICE_KEY, undefined);
    if (existing) return existing;
    const id = crypto.randomUUID();
    const device = { id, short: id.replace(/-/g, '').slice(0, 6).toUpperCase() };
    await db.settings.put({ key: DEVICE_KEY, value: device, updatedAt: new Date().toISOString() });
    return device;
  });
}

/** The device's role: a desk unless the gateway enrolled it as a team tablet. */
export function deviceRoleOf(device: Pick<DeviceIdentity, 'role'> | undefined): DeviceRole {
  return device?.role === 'team' ? 'team' : 'desk';
}

/** The role as stored (a desk until enrolment says otherwise): the shell reads it live to choose its navigation. */
export async function readDeviceRole(db: MotcuaDb): Promise<DeviceRole> {
  return deviceRoleOf(await readSetting<DeviceIdentity | undefined>(db, DEVICE_KEY, undefined));
}

export function readCommune(db: MotcuaDb): Promise<CommuneInfo | undefined> {
  return readSetting<CommuneInfo | undefined>(db, COMMUNE_KEY, undefined);
}

export function readDeviceToken(db: MotcuaDb): Promise<string | undefined> {
  return readSetting<string | undefined>(db, DEVICE_TOKEN_KEY, undefined);
}

/** What the gateway hands a device when it enrols (POST /api/devices/enrol). */
export interface Enrolment {
  deviceId: string;
  deviceToken: string;
  deviceShort: string;
  deviceName: string;
  /** As the gateway said; absent from a gateway before issue 15 (a desk). */
  role?: DeviceRole;
  commune: CommuneInfo;
}

/**
 * Stores an enrolment: token, identity and commune, plus any settings that must change with the
 * identity (the code reserve, whose numbers were reserved for the previous identity), all in one
 * transaction, so the device never holds a token of one identity and the tag of another.
 */
export async function saveEnrolment(
  db: MotcuaDb,
  enrolment: Enrolment,
  alsoWrite: { key: string; value: unknown }[] = [],
  now = new Date(),
): Promise<DeviceIdentity> {
  const at = now.toISOString();
  const device: DeviceIdentity = {
    id: enrolment.deviceId,
    short: enrolment.deviceShort,
    role: deviceRoleOf(enrolment),
    name: enrolment.deviceName,
    enrolledAt: at,
  };
  await db.transaction('rw', db.settings, async () => {
    await db.settings.bulkPut([
      { key: DEVICE_TOKEN_KEY, value: enrolment.deviceToken, updatedAt: at },
      { key: DEVICE_KEY, value: device, updatedAt: at },
      { key: COMMUNE_KEY, value: enrolment.commune, updatedAt: at },
      ...alsoWrite.map((s) => ({ ...s, updatedAt: at })),
    ]);
  });
  return device;
}
