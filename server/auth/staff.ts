// Commune staff accounts: created by the province, signed in with a password (scrypt). Repeated
// failures slow further tries (sign-in-throttle.ts) in the database, so every gateway instance
// sees them; an unknown account is answered exactly like a known one with a wrong password.
import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../db/database';
import { isoTime } from '../db/time';
import { staffFitsDevice, type DeviceRole, type StaffRole } from './caller';
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords';
import { clearAccountKeys, recordFailure, secondsToWait, throttleKeys } from './sign-in-throttle';
import { hashSecret, newToken } from './tokens';

/** A staff token lasts a working fortnight; signing out ends it sooner. */
export const STAFF_TOKEN_DAYS = 14;

export interface NewStaff {
  communeId: string;
  username: string;
  fullName: string;
  role: StaffRole;
  password: string;
}

export interface StaffInfo {
  id: string;
  communeId: string;
  username: string;
  fullName: string;
  role: StaffRole;
}

/** Null when the username is taken. */
export async function createStaff(db: Queryable, input: NewStaff): Promise<StaffInfo | null> {
  const hash = await hashPassword(input.password);
  const [row] = await db.query<StaffInfo>(
    `insert into staff (id, commune_id, username, full_name, role, password_hash) values ($1, $2, $3, $4, $5, $6)
     on conflict (username) do nothing
     returning id, commune_id as "communeId", username, full_name as "fullName", role`,
    [randomUUID(), input.communeId, input.username, input.fullName, input.role, hash],
  );
  return row ?? null;
}

export type SignInOutcome =
  | { kind: 'signed-in'; token: string; expiresAt: string; staff: StaffInfo }
  | { kind: 'refused' }
  | { kind: 'throttled'; retryAfterSeconds: number }
  /** The right password on the wrong kind of device: a community team's account on a desk, or desk staff on a team tablet. */
  | { kind: 'wrong-device'; staffRole: StaffRole; deviceRole: DeviceRole };

interface StaffRow extends StaffInfo {
  passwordHash: string;
}

/** Where a sign-in comes from: the enrolled device it carries a token of (if any), and the network address. */
export interface SignInOrigin {
  communeId: string | null;
  deviceId: string | null;
  /** The role of that device; null without one. */
  deviceRole?: DeviceRole | null;
  address: string;
}

/**
 * Checks a password. `origin.communeId`, when the request came from an enrolled device, must be
 * the staff member's commune: a device of one commune cannot sign in the staff of another. While
 * the origin's keys must wait, no password is checked at all (so a wait tells nothing either). The session
 * is tied to the origin's device, so revoking the device ends it too.
 */
export async function signIn(db: Database, username: string, password: string, origin: SignInOrigin): Promise<SignInOutcome> {
  const keys = throttleKeys(username, origin);
  const wait = await secondsToWait(db, keys);
  if (wait > 0) return { kind: 'throttled', retryAfterSeconds: wait };
  const [row] = await db.query<StaffRow>(
    `select id, commune_id as "communeId", username, full_name as "fullName", role, password_hash as "passwordHash"
       from staff where username = $1 and disabled_at is null`,
    [username],
  );
  // The hash runs whatever the account: an unknown name costs the same time as a wrong password.
  const known = row && (origin.communeId === null || row.communeId === origin.communeId) ? row : null;
  const matches = known ? await verifyPassword(password, known.passwordHash) : (await burnPasswordCheck(password), false);
  if (!known || !matches) {
    await recordFailure(db, keys);
    return { kind: 'refused' };
  }
  await clearAccountKeys(db, keys);
  if (origin.deviceRole && !staffFitsDevice(known.role, origin.deviceRole))
    return { kind: 'wrong-device', staffRole: known.role, deviceRole: origin.deviceRole };
  const token = newToken('staff');
  const expiresAt = await db.transaction(async (tx) => {
    const [inserted] = await tx.query<{ expires_at: Date }>(
      `insert into auth_tokens (token_hash, kind, commune_id, staff_id, device_id, expires_at)
       values ($1, 'staff', $2, $3, $5, now() + make_interval(days => $4::int)) returning expires_at`,
      [hashSecret(token), known.communeId, known.id, STAFF_TOKEN_DAYS, origin.deviceId],
    );
    return isoTime(inserted?.expires_at ?? new Date());
  });
  const { id, communeId: commune, username: name, fullName, role } = known;
  return { kind: 'signed-in', token, expiresAt, staff: { id, communeId: commune, username: name, fullName, role } };
}

/** Ends every live session of a staff member (signed in anywhere); how many were live. */
export async function revokeStaffSessions(db: Queryable, staffId: string): Promise<number> {
  const rows = await db.query("update auth_tokens set revoked_at = now() where staff_id = $1 and kind = 'staff' and revoked_at is null returning kind", [
    staffId,
  ]);
  return rows.length;
}

/** Disables a staff member (no sign-in from now on) and ends their sessions; false when there is no such staff. */
export async function disableStaff(db: Database, staffId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx.query('update staff set disabled_at = coalesce(disabled_at, now()) where id = $1 returning id', [staffId]);
    if (rows.length === 0) return false;
    await revokeStaffSessions(tx, staffId);
    return true;
  });
}
