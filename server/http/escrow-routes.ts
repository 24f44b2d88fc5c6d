// POST /api/devices/escrow-key (issue 13): the device's escrow key, under which it keeps its data
// key wrapped for recovery when every officer's PIN is forgotten. Only the device itself gets it,
// and only while an officer's password sign-in on that device is fresh: a device token alone, a
// staff token alone, a session from another machine or an old session that a thief may hold get nothing.
import type { Hono } from 'hono';
import { z } from 'zod';
import { escrowKeyOf, EscrowSecretMismatch, ESCROW_FRESH_SECONDS, freshSignIn } from '../auth/escrow';
import type { Database } from '../db/database';
import type { Logger } from '../log';
import { authenticate } from './auth-middleware';
import { refuseBadText } from './body-text';
import { issueList } from './json-body';

/** Nothing to ask: the device and the officer come from the tokens. An empty body or `{}`. */
const requestSchema = z.strictObject({});

export interface EscrowRouteDeps {
  db: Database;
  log: Logger;
  demoMode: boolean;
  /** The gateway's escrow secret (auth/escrow-secret.ts), read when first needed. */
  escrowSecret: () => Buffer;
}

const refusal = (error: string, message: string) => ({ error, message });

export function mountEscrowRoutes(app: Hono, { db, log, demoMode, escrowSecret }: EscrowRouteDeps): void {
  app.post('/api/devices/escrow-key', authenticate({ db, demoMode }, { allowDemo: true }), async (c) => {
    c.header('Cache-Control', 'no-store');
    const badText = await refuseBadText(c);
    if (badText) return badText;
    const text = await c.req.text();
    let body: unknown = {};
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        return c.json(refusal('bad_json', 'Nội dung gửi lên không phải JSON hợp lệ.'), 400);
      }
    }
    const parsed = requestSchema.safeParse(body);
    if (!parsed.success) {
      return c.json(
        { ...refusal('bad_request', 'Yêu cầu khóa khôi phục không nhận nội dung nào (gửi rỗng hoặc {}).'), issues: issueList(parsed.error.issues) },
        400,
      );
    }

    const caller = c.get('caller');
    if (!caller.deviceId) {
      return c.json(refusal('device_required', 'Khóa khôi phục dữ liệu chỉ được trao cho chính thiết bị: cần mã truy cập của thiết bị đã đăng ký.'), 403);
    }
    if (!caller.staff) {
      return c.json(refusal('staff_sign_in_required', 'Cần một cán bộ đăng nhập bằng mật khẩu trên chính thiết bị này để lấy khóa khôi phục dữ liệu.'), 403);
    }
    if (!(await freshSignIn(db, caller.staff.session.signedInAt))) {
      return c.json(
        refusal(
          'fresh_sign_in_required',
          `Phiên đăng nhập đã mở quá ${ESCROW_FRESH_SECONDS / 60} phút. Hãy đăng nhập lại bằng mật khẩu trên thiết bị này để lấy khóa khôi phục dữ liệu.`,
        ),
        403,
      );
    }
    let key: Buffer;
    try {
      key = await escrowKeyOf(db, escrowSecret(), caller.deviceId);
    } catch (err) {
      if (!(err instanceof EscrowSecretMismatch)) throw err;
      // The gateway runs with another escrow secret than the one the key was kept under: only the right secret brings it back.
      log.error({ err, deviceId: caller.deviceId }, 'escrow key does not open: MOTCUA_ESCROW_SECRET (or the data folder) is not the one it was kept under');
      return c.json(
        refusal(
          'escrow_secret_mismatch',
          'Máy chủ không mở được khóa khôi phục của thiết bị này vì khóa bí mật của máy chủ đã bị thay đổi. Hãy báo quản trị viên tỉnh; dữ liệu trên máy vẫn còn nguyên.',
        ),
        500,
      );
    }
    // Who fetched a device's key, and when: the trail if a laptop's data is ever opened this way.
    log.info({ deviceId: caller.deviceId, staffId: caller.staff.id, communeId: caller.communeId }, 'escrow key handed out');
    return c.json({ key: key.toString('base64url') });
  });
}
