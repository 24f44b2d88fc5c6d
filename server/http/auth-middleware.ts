// Hono middleware that turns the Authorization header into a Caller (c.get('caller')), or answers
// 401/403. Handlers then scope every read and write to caller.communeId. A device request may
// also carry the session of the officer signed in on it (X-Staff-Token): only a session opened on
// that very device counts, so a session lifted from another machine cannot speak through this one.
import type { Context, MiddlewareHandler } from 'hono';
import { resolveToken, staffFitsDevice, type Caller, type CallerStaff } from '../auth/caller';
import { bearerToken, sameSecret } from '../auth/tokens';
import type { Queryable } from '../db/database';
import { demoCommune } from '../seed/demo';
import { DEMO_DEVICE } from '../seed/demo-accounts';

declare module 'hono' {
  interface ContextVariableMap {
    caller: Caller;
  }
}

export interface AuthOptions {
  db: Queryable;
  demoMode: boolean;
}

export interface CallerRule {
  /** Sync, code blocks and uploads act for a device (its mutation numbers, its code blocks). */
  device?: boolean;
  /** Demo mode only: a request without any Authorization header acts as the demo device. */
  allowDemo?: boolean;
}

export function unauthorized(c: Context, message: string) {
  c.header('WWW-Authenticate', 'Bearer realm="motcua"');
  return c.json({ error: 'unauthorized', message }, 401);
}

const BAD_STAFF_SESSION = 'Phiên đăng nhập của cán bộ không hợp lệ, đã hết hạn hoặc không được mở trên thiết bị này. Vui lòng đăng nhập lại trên thiết bị này.';

/**
 * The officer of `staffToken` when it is a live staff session of the device's commune opened on
 * that device: with the device's token, or, for the demo device (which has none), without any.
 */
async function officerOnDevice(db: Queryable, staffToken: string, device: Caller): Promise<CallerStaff | null> {
  const resolved = await resolveToken(db, staffToken.trim());
  const staff = resolved?.staff;
  if (!staff || resolved.communeId !== device.communeId) return null;
  // Desk staff speak through desk devices only, a community team through its tablets (sign-in holds this too).
  if (device.deviceRole && !staffFitsDevice(staff.role, device.deviceRole)) return null;
  return staff.session.deviceId === (device.demo ? null : device.deviceId) ? staff : null;
}

export function authenticate({ db, demoMode }: AuthOptions, rule: CallerRule = {}): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('Authorization');
    // A device request may name the officer signed in on it; a bad staff token is refused, not ignored.
    const staffHeader = c.req.header('X-Staff-Token');
    let caller: Caller | null;
    if (header === undefined) {
      if (!(rule.allowDemo && demoMode)) return unauthorized(c, 'Thiết bị chưa được đăng ký với máy chủ (thiếu mã truy cập).');
      caller = { communeId: demoCommune.id, deviceId: DEMO_DEVICE.id, deviceShort: DEMO_DEVICE.short, deviceRole: 'desk', staff: null, demo: true };
    } else {
      const token = bearerToken(header);
      caller = token ? await resolveToken(db, token) : null;
      if (!caller) return unauthorized(c, 'Mã truy cập không hợp lệ, đã hết hạn hoặc đã bị thu hồi.');
    }
    if (staffHeader !== undefined && caller.deviceId) {
      const staff = await officerOnDevice(db, staffHeader, caller);
      if (!staff) return unauthorized(c, BAD_STAFF_SESSION);
      caller.staff = staff;
    }
    if (rule.device && !caller.deviceId) {
      return c.json({ error: 'device_required', message: 'Thao tác này cần mã truy cập của thiết bị đã đăng ký.' }, 403);
    }
    c.set('caller', caller);
    return next();
  };
}

/** The province administrator's bootstrap token (MOTCUA_ADMIN_TOKEN); admin routes are off without it. */
export function requireAdmin(adminToken: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (!adminToken) {
      return c.json({ error: 'disabled', message: 'Chức năng quản trị đang tắt: máy chủ chưa đặt MOTCUA_ADMIN_TOKEN.' }, 403);
    }
    const token = bearerToken(c.req.header('Authorization'));
    if (!token || !sameSecret(token, adminToken)) return unauthorized(c, 'Thiếu hoặc sai mã quản trị (Authorization: Bearer …).');
    return next();
  };
}
