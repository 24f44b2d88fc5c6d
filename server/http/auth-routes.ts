// Devices enrol with a one-time code; staff sign in and out; anyone authenticated can ask who
// they are. Failures say what to do, never which part of a credential was wrong.
import type { Hono } from 'hono';
import { z } from 'zod';
import { resolveToken, revokeToken, type DeviceRole } from '../auth/caller';
import { enrolDevice } from '../auth/enrolment';
import { signIn } from '../auth/staff';
import { bearerToken } from '../auth/tokens';
import type { Database } from '../db/database';
import type { Logger } from '../log';
import { badNameReason } from '../sync/entry-check';
import { authenticate, unauthorized } from './auth-middleware';
import { clientAddress } from './client-address';
import { refuseBadText } from './body-text';
import { readJsonBody } from './json-body';

/** A name or code: no control characters either (refuseBadText has already turned away NUL). */
const plain = (max: number) =>
  z
    .string()
    .max(max)
    .refine((text) => badNameReason(text) === null);

const enrolSchema = z.strictObject({
  code: plain(40).pipe(z.string().min(1)),
  deviceName: plain(120).pipe(z.string().trim().min(1)),
});

const signInSchema = z.strictObject({
  username: plain(40).pipe(z.string().trim().toLowerCase().min(1)),
  password: z.string().min(1).max(200),
});

export interface AuthRouteDeps {
  db: Database;
  log: Logger;
  demoMode: boolean;
}

export function mountAuthRoutes(app: Hono, { db, log, demoMode }: AuthRouteDeps): void {
  app.post('/api/devices/enrol', async (c) => {
    const badText = await refuseBadText(c);
    if (badText) return badText;
    const body = await readJsonBody(c, enrolSchema, 'Cần mã đăng ký thiết bị và tên thiết bị.');
    if (!body.ok) return body.response;
    const enrolled = await enrolDevice(db, body.data.code, body.data.deviceName, demoMode);
    if (!enrolled) {
      return c.json({ error: 'invalid_code', message: 'Mã đăng ký thiết bị không đúng, đã được dùng hoặc đã hết hạn. Hãy xin mã mới.' }, 400);
    }
    log.info({ deviceId: enrolled.deviceId, communeId: enrolled.commune.id, short: enrolled.deviceShort }, 'device enrolled');
    return c.json(enrolled, 201);
  });

  app.post('/api/auth/sign-in', async (c) => {
    const badText = await refuseBadText(c);
    if (badText) return badText;
    const body = await readJsonBody(c, signInSchema, 'Cần tên đăng nhập và mật khẩu.');
    if (!body.ok) return body.response;
    // Signing in on an enrolled device ties the account to that device's commune, and is judged
    // by that device's own record of failures (see sign-in-throttle.ts).
    let communeId: string | null = null;
    let deviceId: string | null = null;
    let deviceRole: DeviceRole | null = null;
    const deviceToken = bearerToken(c.req.header('Authorization'));
    if (deviceToken) {
      const device = await resolveToken(db, deviceToken);
      if (!device) return unauthorized(c, 'Mã truy cập của thiết bị không hợp lệ hoặc đã bị thu hồi.');
      communeId = device.communeId;
      deviceId = device.deviceId ?? null;
      deviceRole = device.deviceRole;
    }
    const outcome = await signIn(db, body.data.username, body.data.password, { communeId, deviceId, deviceRole, address: clientAddress(c) });
    switch (outcome.kind) {
      case 'signed-in':
        return c.json({ token: outcome.token, expiresAt: outcome.expiresAt, staff: outcome.staff });
      case 'throttled':
        // The same for every account name, known or not: it says only that this origin must wait.
        c.header('Retry-After', String(outcome.retryAfterSeconds));
        return c.json(
          {
            error: 'throttled',
            message: `Đăng nhập sai nhiều lần. Vui lòng thử lại sau ${outcome.retryAfterSeconds} giây, hoặc đăng nhập trên thiết bị đã kích hoạt của xã.`,
            retryAfterSeconds: outcome.retryAfterSeconds,
          },
          429,
        );
      case 'refused':
        return unauthorized(c, 'Tên đăng nhập hoặc mật khẩu không đúng.');
      case 'wrong-device':
        return c.json(
          {
            error: 'wrong_device_role',
            message:
              outcome.deviceRole === 'team'
                ? 'Máy tính bảng của tổ công nghệ số chỉ dành cho tài khoản của tổ; cán bộ một cửa đăng nhập trên máy của bộ phận một cửa.'
                : 'Tài khoản tổ công nghệ số cộng đồng chỉ đăng nhập trên máy tính bảng của tổ, không trên máy của bộ phận một cửa.',
          },
          403,
        );
    }
  });

  app.post('/api/auth/sign-out', authenticate({ db, demoMode }), async (c) => {
    const caller = c.get('caller');
    if (!caller.staff || caller.deviceId) {
      return c.json({ error: 'bad_request', message: 'Đăng xuất cần mã đăng nhập của cán bộ.' }, 400);
    }
    await revokeToken(db, bearerToken(c.req.header('Authorization')) ?? '');
    return c.body(null, 204);
  });

  app.get('/api/auth/me', authenticate({ db, demoMode }), (c) => {
    const caller = c.get('caller');
    c.header('Cache-Control', 'no-store');
    return c.json(caller);
  });
}
