// Hono middleware that turns the Authorization header into a Caller (c.get('caller')), or answers
// 401/403. Handlers then scope every read and write to caller.communeId.
import type { Context, MiddlewareHandler } from 'hono';
import { resolveToken, type Caller } from '../auth/caller';
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

export function authenticate({ db, demoMode }: AuthOptions, rule: CallerRule = {}): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('Authorization');
    if (header === undefined) {
      if (rule.allowDemo && demoMode) {
        c.set('caller', { communeId: demoCommune.id, deviceId: DEMO_DEVICE.id, deviceShort: DEMO_DEVICE.short, staff: null, demo: true });
        return next();
      }
      return unauthorized(c, 'Thiết bị chưa được đăng ký với máy chủ (thiếu mã truy cập).');
    }
    const token = bearerToken(header);
    const caller = token ? await resolveToken(db, token) : null;
    if (!caller) return unauthorized(c, 'Mã truy cập không hợp lệ, đã hết hạn hoặc đã bị thu hồi.');
    // A device request may name the officer signed in on it; a bad staff token is refused, not ignored.
    const staffHeader = c.req.header('X-Staff-Token');
    if (staffHeader !== undefined && caller.deviceId) {
      const staff = await resolveToken(db, staffHeader.trim());
      if (!staff?.staff || staff.communeId !== caller.communeId) {
        return unauthorized(c, 'Phiên đăng nhập của cán bộ không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.');
      }
      caller.staff = staff.staff;
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
