// Who is calling: resolved from a bearer token (device or staff) on every request, from the
// database only, so any gateway instance can check any token.
import type { Queryable } from '../db/database';
import { isoTime } from '../db/time';
import { hashSecret } from './tokens';

export type StaffRole = 'receptionOfficer' | 'processingOfficer' | 'leader' | 'communityTeam';

/**
 * What a device was enrolled for (issue 15), fixed by the province administrator's enrolment code:
 * a commune desk receives dossiers; a community team's tablet only files online submissions.
 */
export type DeviceRole = 'desk' | 'team';
export const DEVICE_ROLES: readonly DeviceRole[] = ['desk', 'team'];

/**
 * The officer of a staff token, and the session it stands for: the device it was signed in on
 * (null when signed in without a device token: the province's browser, or the demo device) and
 * when the password was given. Routes that must trust the device or a fresh password read these.
 */
export interface CallerStaff {
  id: string;
  name: string;
  role: StaffRole;
  session: { deviceId: string | null; signedInAt: string };
}

export interface Caller {
  communeId: string;
  /** Set for device tokens (and the demo device); sync, code blocks and uploads need one. */
  deviceId: string | null;
  deviceShort: string | null;
  /** The device's role for device tokens (and the demo device: a desk); null for a staff token alone. */
  deviceRole: DeviceRole | null;
  /** Set for staff tokens, or a device request that also carries a staff token (X-Staff-Token). */
  staff: CallerStaff | null;
  /** True for the unauthenticated demo path (demo mode only). */
  demo: boolean;
}

interface TokenRow {
  kind: 'device' | 'staff';
  commune_id: string;
  device_id: string | null;
  short: string | null;
  device_revoked: boolean;
  device_role: DeviceRole | null;
  staff_id: string | null;
  full_name: string | null;
  role: StaffRole | null;
  staff_disabled: boolean;
  created_at: unknown;
}

/** The caller a token stands for, or null when it is unknown, revoked, expired or disabled. */
export async function resolveToken(db: Queryable, token: string): Promise<Caller | null> {
  const [row] = await db.query<TokenRow>(
    `select t.kind, t.commune_id, t.device_id, d.short, d.revoked_at is not null as device_revoked, d.role as device_role,
            t.staff_id, s.full_name, s.role, s.disabled_at is not null as staff_disabled, t.created_at
       from auth_tokens t
       left join devices d on d.id = t.device_id
       left join staff s on s.id = t.staff_id
      where t.token_hash = $1 and t.revoked_at is null and (t.expires_at is null or t.expires_at > now())`,
    [hashSecret(token)],
  );
  if (!row) return null;
  if (row.kind === 'device') {
    if (row.device_revoked || !row.device_id) return null;
    return { communeId: row.commune_id, deviceId: row.device_id, deviceShort: row.short, deviceRole: row.device_role ?? 'desk', staff: null, demo: false };
  }
  // A session signed in on a device ends with the device (its tokens are revoked with it too).
  if (row.staff_disabled || !row.staff_id || !row.role || row.device_revoked) return null;
  return {
    communeId: row.commune_id,
    deviceId: null,
    deviceShort: null,
    deviceRole: null,
    staff: {
      id: row.staff_id,
      name: row.full_name ?? '',
      role: row.role,
      session: { deviceId: row.device_id, signedInAt: isoTime(row.created_at) },
    },
    demo: false,
  };
}

/**
 * Whether the caller speaks for a community team (issue 15): a team device, or a communityTeam
 * officer's session (on its team tablet or alone). Such a caller may only submit and resubmit its
 * own submissions, and sees nothing else of the commune's dossiers.
 */
export function isTeamCaller(caller: Pick<Caller, 'deviceRole' | 'staff'>): boolean {
  return caller.deviceRole === 'team' || caller.staff?.role === 'communityTeam';
}

/** A community team's account signs in on a team tablet only, and desk staff on desk devices only. */
export function staffFitsDevice(staffRole: StaffRole, deviceRole: DeviceRole): boolean {
  return (staffRole === 'communityTeam') === (deviceRole === 'team');
}

/** Revokes one token (staff sign-out); true when it was live. */
export async function revokeToken(db: Queryable, token: string): Promise<boolean> {
  const rows = await db.query('update auth_tokens set revoked_at = now() where token_hash = $1 and revoked_at is null returning kind', [hashSecret(token)]);
  return rows.length > 0;
}
