// The sync API: devices push their outbox (answered per entry, only after commit) and pull what
// changed in their commune since a checkpoint. See server/sync/push.ts and pull.ts for the contract.
import type { Hono } from 'hono';
import { isTeamCaller } from '../auth/caller';
import { bodyLimit } from 'hono/body-limit';
import type { Database } from '../db/database';
import type { Logger } from '../log';
import { DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT, pullChanges } from '../sync/pull';
import { pushCarried } from '../sync/origin';
import { MAX_ENTRIES_PER_PUSH, MAX_PUSH_BYTES, pushBodySchema } from '../sync/schemas';
import { authenticate } from './auth-middleware';

export interface SyncRouteDeps {
  db: Database;
  log: Logger;
  demoMode: boolean;
}

export function mountSyncRoutes(app: Hono, { db, log, demoMode }: SyncRouteDeps): void {
  // No demo path here: mutation numbers are per device, and browsers sharing one demo device would
  // overwrite each other's records. A device must enrol before it pushes or pulls.
  const device = authenticate({ db, demoMode }, { device: true });

  app.post(
    '/api/sync/push',
    device,
    bodyLimit({
      maxSize: MAX_PUSH_BYTES,
      onError: (c) => c.json({ error: 'too_large', message: 'Gói đồng bộ quá lớn (tối đa 5 MB). Hãy gửi ít thay đổi hơn mỗi lần.' }, 413),
    }),
    async (c) => {
      let json: unknown;
      try {
        json = JSON.parse(await c.req.text());
      } catch {
        return c.json({ error: 'bad_json', message: 'Gói đồng bộ không phải JSON hợp lệ; không thay đổi nào được ghi.' }, 400);
      }
      const entries = (json as { entries?: unknown } | null)?.entries;
      if (Array.isArray(entries) && entries.length > MAX_ENTRIES_PER_PUSH) {
        return c.json({ error: 'too_large', message: `Mỗi lần gửi tối đa ${MAX_ENTRIES_PER_PUSH} thay đổi; không thay đổi nào được ghi.` }, 413);
      }
      const parsed = pushBodySchema.safeParse(json);
      if (!parsed.success) {
        return c.json(
          {
            error: 'bad_request',
            message: 'Gói đồng bộ sai cấu trúc (cần entries: [{mutation, kind, entityId, payload}]); không thay đổi nào được ghi.',
            issues: parsed.error.issues.map((i) => i.path.join('.')),
          },
          400,
        );
      }
      const caller = c.get('caller');
      const deviceId = caller.deviceId;
      if (!deviceId) return c.json({ error: 'device_required', message: 'Cần mã truy cập của thiết bị.' }, 403);
      try {
        const results = await pushCarried({ db, caller: { ...caller, deviceId }, log }, parsed.data.entries);
        return c.json({ results });
      } catch (err) {
        // Entries answered before the fault are committed and will be replayed; the rest are not recorded.
        log.error({ err, deviceId }, 'sync push failed');
        return c.json({ error: 'unavailable', message: 'Máy chủ tạm thời không ghi được; thiết bị sẽ tự gửi lại.' }, 503);
      }
    },
  );

  app.get('/api/sync/pull', authenticate({ db, demoMode }), async (c) => {
    const since = Number(c.req.query('since') ?? '0');
    const limit = Number(c.req.query('limit') ?? DEFAULT_PULL_LIMIT);
    if (!Number.isSafeInteger(since) || since < 0 || !Number.isInteger(limit) || limit < 1 || limit > MAX_PULL_LIMIT) {
      return c.json({ error: 'bad_request', message: `Tham số since phải là số nguyên không âm, limit từ 1 đến ${MAX_PULL_LIMIT}.` }, 400);
    }
    c.header('Cache-Control', 'no-store');
    const caller = c.get('caller');
    // A community team sees only its own submissions (issue 15); a desk or the province's staff, the commune's dossiers.
    const createdBy = isTeamCaller(caller) ? caller.deviceId : undefined;
    return c.json(await pullChanges(db, { communeId: caller.communeId, createdBy }, since, limit));
  });
}
