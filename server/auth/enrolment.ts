// Enrolling a device: the province administrator creates a one-time code for a commune; the
// device trades it for its identity (id, short tag, token). The short tag marks the device's
// provisional dossier codes, so it is unique within the commune and never handed out again.
import { randomUUID } from 'node:crypto';
import { communeById, type CommuneInfo } from '../db/communes';
import type { Database, Queryable } from '../db/database';
import { isUniqueViolation } from '../db/errors';
import { isoTime, isoTimeOrNull } from '../db/time';
import { demoCommune } from '../seed/demo';
import type { DeviceRole } from './caller';
import { hashSecret, newEnrolmentCode, newToken, normalizeEnrolmentCode, randomFromAlphabet } from './tokens';

/** Hours an enrolment code stays valid: long enough to carry it to a village, short enough to be useless if lost. */
export const ENROLMENT_CODE_HOURS = 72;
/** In demo mode only, this code enrols any number of devices into the demo commune. */
export const DEMO_ENROLMENT_CODE = 'DEMO';
/** In demo mode only, this code enrols any number of community-team tablets into the demo commune. */
export const DEMO_TEAM_ENROLMENT_CODE = 'DEMO-TEAM';

/** A one-time code enrolling one device of the commune in the given role. */
export async function createEnrolmentCode(db: Queryable, communeId: string, role: DeviceRole = 'desk'): Promise<{ code: string; expiresAt: string }> {
  const code = newEnrolmentCode();
  const [row] = await db.query<{ expires_at: Date }>(
    `insert into enrolment_codes (code_hash, commune_id, expires_at, role)
     values ($1, $2, now() + make_interval(hours => $3::int), $4) returning expires_at`,
    [hashSecret(normalizeEnrolmentCode(code)), communeId, ENROLMENT_CODE_HOURS, role],
  );
  return { code, expiresAt: isoTime(row?.expires_at ?? new Date()) };
}

export interface Enrolled {
  deviceId: string;
  deviceToken: string;
  deviceShort: string;
  /** What the device may do, as its enrolment code said: the app takes its mode from it. */
  role: DeviceRole;
  commune: CommuneInfo;
}

async function newDevice(tx: Queryable, communeId: string, deviceName: string, role: DeviceRole): Promise<Enrolled | null> {
  const commune = await communeById(tx, communeId);
  if (!commune) return null;
  const deviceId = randomUUID();
  // Devices are never deleted, so the unique (commune, short) constraint also means "never reused".
  let deviceShort = '';
  for (let attempt = 0; attempt < 20 && deviceShort === ''; attempt++) {
    const candidate = randomFromAlphabet(6, 'ABCDEFGHJKMNPQRSTUVWXYZ23456789');
    const [taken] = await tx.query('select 1 from devices where commune_id = $1 and short = $2', [communeId, candidate]);
    if (!taken) deviceShort = candidate;
  }
  await tx.query('insert into devices (id, commune_id, short, name, role) values ($1, $2, $3, $4, $5)', [deviceId, communeId, deviceShort, deviceName, role]);
  const deviceToken = newToken('device');
  await tx.query(`insert into auth_tokens (token_hash, kind, commune_id, device_id) values ($1, 'device', $2, $3)`, [
    hashSecret(deviceToken),
    communeId,
    deviceId,
  ]);
  return { deviceId, deviceToken, deviceShort, role, commune };
}

/**
 * Spends a one-time code (or the demo code in demo mode) and enrols a device. Null when the code
 * is unknown, used or expired: the caller says so without telling which.
 */
export async function enrolDevice(db: Database, typedCode: string, deviceName: string, demoMode: boolean): Promise<Enrolled | null> {
  const code = normalizeEnrolmentCode(typedCode);
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        if (demoMode && code === DEMO_ENROLMENT_CODE) return newDevice(tx, demoCommune.id, deviceName, 'desk');
        if (demoMode && code === normalizeEnrolmentCode(DEMO_TEAM_ENROLMENT_CODE)) return newDevice(tx, demoCommune.id, deviceName, 'team');
        // The update both checks and spends the code, so two devices racing with one code cannot both win.
        const [spent] = await tx.query<{ commune_id: string; code_hash: string; role: DeviceRole }>(
          `update enrolment_codes set used_at = now()
            where code_hash = $1 and used_at is null and expires_at > now() returning commune_id, code_hash, role`,
          [hashSecret(code)],
        );
        if (!spent) return null;
        const enrolled = await newDevice(tx, spent.commune_id, deviceName, spent.role);
        if (enrolled) await tx.query('update enrolment_codes set device_id = $2 where code_hash = $1', [spent.code_hash, enrolled.deviceId]);
        return enrolled;
      });
    } catch (err) {
      // Two enrolments drew the same short tag at the same instant: draw again.
      if (isUniqueViolation(err) && attempt < 3) continue;
      throw err;
    }
  }
}

/**
 * Revokes a device and every token tied to it: its own, and the sessions of staff who signed in on
 * it (signIn ties them). False when there is no such device.
 */
export async function revokeDevice(db: Database, deviceId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx.query('update devices set revoked_at = coalesce(revoked_at, now()) where id = $1 returning id', [deviceId]);
    if (rows.length === 0) return false;
    await tx.query('update auth_tokens set revoked_at = now() where device_id = $1 and revoked_at is null', [deviceId]);
    return true;
  });
}

export interface DeviceListing {
  id: string;
  short: string;
  name: string;
  role: DeviceRole;
  enrolledAt: string;
  revokedAt: string | null;
}

export async function listDevices(db: Queryable, communeId: string): Promise<DeviceListing[]> {
  const rows = await db.query<{ id: string; short: string; name: string; role: DeviceRole; enrolled_at: Date; revoked_at: Date | null }>(
    'select id, short, name, role, enrolled_at, revoked_at from devices where commune_id = $1 order by enrolled_at',
    [communeId],
  );
  return rows.map((r) => ({
    id: r.id,
    short: r.short,
    name: r.name,
    role: r.role,
    enrolledAt: isoTime(r.enrolled_at),
    revokedAt: isoTimeOrNull(r.revoked_at),
  }));
}
