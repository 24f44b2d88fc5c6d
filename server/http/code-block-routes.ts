// POST /api/code-blocks: a device asks for dossier numbers for today and tomorrow (Vietnam), so
// it can issue official codes while offline. The commune and the device come from its token (in
// demo mode, a request without a token is the demo device); identifiers in the body are ignored.
// Each device has a daily quota, and the answer says how many numbers it may still ask for per
// day. Hostile or malformed bodies (and days that do not exist) are refused before anything is written.
import type { Hono } from 'hono';
import { z } from 'zod';
import { isTeamCaller } from '../auth/caller';
import { isDayKey, reservableDays, reserveWithinQuota, type ReservedBlock } from '../code-blocks';
import type { Database } from '../db/database';
import { authenticate } from './auth-middleware';
import { refuseBadText } from './body-text';
import { issueList, notFound } from './json-body';

const requestSchema = z.strictObject({
  days: z
    .array(z.string().refine(isDayKey, { error: 'ngày phải là YYMMDD có thật' }))
    .min(1)
    .max(7),
  size: z.number().int().min(1).max(200),
  // Apps before the quota named these; they were never believed, and are still ignored.
  communeId: z.string().max(128).optional(),
  deviceId: z.string().max(128).optional(),
});

export interface CodeBlockRouteDeps {
  db: Database;
  demoMode: boolean;
  now?: () => Date;
}

export function mountCodeBlockRoutes(app: Hono, { db, demoMode, now = () => new Date() }: CodeBlockRouteDeps): void {
  app.post('/api/code-blocks', authenticate({ db, demoMode }, { device: true, allowDemo: true }), async (c) => {
    // A community team issues no official code (issue 15): its submissions get one when a desk receives them.
    if (isTeamCaller(c.get('caller'))) {
      return c.json(
        { error: 'team_device', message: 'Máy tính bảng của tổ công nghệ số không được cấp số hồ sơ: hồ sơ nhận mã chính thức khi bộ phận một cửa tiếp nhận.' },
        403,
      );
    }
    const badText = await refuseBadText(c);
    if (badText) return badText;
    const body: unknown = await c.req.json().catch(() => undefined);
    const parsed = requestSchema.safeParse(body);
    if (!parsed.success) {
      return c.json({ error: 'bad_request', message: 'Yêu cầu cấp số hồ sơ không hợp lệ.', issues: issueList(parsed.error.issues) }, 400);
    }
    const { communeId, deviceId } = c.get('caller');
    const { size } = parsed.data;
    const [commune] = await db.query<{ agency_code: string }>('select agency_code from communes where id = $1', [communeId]);
    if (!commune || !deviceId) return notFound(c, 'Không tìm thấy xã.');
    // Numbers only for today and tomorrow: other days are answered with none (an older app asks
    // for three days; it gets the third one tomorrow).
    const open = reservableDays(now());
    const days = [...new Set(parsed.data.days)].filter((day) => open.includes(day));
    const answer = await db.transaction(async (tx) => {
      const blocks: ReservedBlock[] = [];
      const remaining: Record<string, number> = {};
      for (const day of days) {
        const reserved = await reserveWithinQuota(tx, commune.agency_code, day, deviceId, size);
        if (reserved.block) blocks.push(reserved.block);
        remaining[day] = reserved.remaining;
      }
      return { blocks, remaining };
    });
    return c.json({ ...answer, days: open });
  });
}
