// Commune staff accounts: created by the province, signed in with a password (scrypt), locked for
// a while after repeated failures. The lock is in the database, so every gateway instance sees it.
import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../db/database';
import { isoTime } from '../db/time';
import type { StaffRole } from './caller';
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords';
import { hashSecret, newToken } from './tokens';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;
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
  | { kind: 'locked'; until: string };

interface StaffRow extends StaffInfo {
  passwordHash: string;
  lockedUntil: Date | string | null;
  locked: boolean;
}

/**
 * Checks a password. `communeId`, when the request came from an enrolled device, must be the
 * staff member's commune: a device of one commune cannot sign in the staff of another. The session
 * is tied to that device (`deviceId`), so revoking the device ends it too.
 */
export async function signIn(
  db: Database,
  username: string,
  password: string,
  communeId: string | null,
  deviceId: string | null = null,
): Promise<SignInOutcome> {
  const [row] = await db.query<StaffRow>(
    `select id, commune_id as "communeId", username, full_name as "fullName", role, password_hash as "passwordHash",
            locked_until as "lockedUntil", coalesce(locked_until > now(), false) as locked
       from staff where username = $1 and disabled_at is null`,
    [username],
  );
  if (!row || (communeId !== null && row.communeId !== communeId)) {
    await burnPasswordCheck(password);
    return { kind: 'refused' };
  }
  if (row.locked && row.lockedUntil) return { kind: 'locked', until: isoTime(row.lockedUntil) };
  if (!(await verifyPassword(password, row.passwordHash))) {
    const [after] = await db.query<{ locked_until: Date | null }>(
      `update staff set failed_sign_ins = failed_sign_ins + 1,
              locked_until = case when failed_sign_ins + 1 >= $2 then now() + make_interval(mins => $3::int) else locked_until end
        where id = $1 returning locked_until`,
      [row.id, MAX_FAILED_SIGN_INS, LOCK_MINUTES],
    );
    return after?.locked_until ? { kind: 'locked', until: isoTime(after.locked_until) } : { kind: 'refused' };
  }
  const token = newToken('staff');
  const expiresAt = await db.transaction(async (tx) => {
    await tx.query('update staff set failed_sign_ins = 0, locked_until = null where id = $1', [row.id]);
    const [inserted] = await tx.query<{ expires_at: Date }>(
      `insert into auth_tokens (token_hash, kind, commune_id, staff_id, device_id, expires_at)
       values ($1, 'staff', $2, $3, $5, now() + make_interval(days => $4::int)) returning expires_at`,
      [hashSecret(token), row.communeId, row.id, STAFF_TOKEN_DAYS, deviceId],
    );
    return isoTime(inserted?.expires_at ?? new Date());
  });
  const { id, communeId: commune, username: name, fullName, role } = row;
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
