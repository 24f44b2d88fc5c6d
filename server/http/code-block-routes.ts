// POST /api/code-blocks: a device asks for dossier numbers for the coming days, so it can issue
// official codes while offline. The commune and the device come from its token (in demo mode, a
// request without a token is the demo device); identifiers in the body are ignored. Hostile or
// malformed bodies are refused before anything is written.
import type { Hono } from 'hono';
import { z } from 'zod';
import { reserveBlock, type ReservedBlock } from '../code-blocks';
import type { Database } from '../db/database';
import { authenticate } from './auth-middleware';
import { notFound } from './json-body';

const requestSchema = z.object({
  days: z.array(z.string().regex(/^\d{6}$/)).min(1).max(7),
  size: z.number().int().min(1).max(200),
});

export interface CodeBlockRouteDeps {
  db: Database;
  demoMode: boolean;
}

export function mountCodeBlockRoutes(app: Hono, { db, demoMode }: CodeBlockRouteDeps): void {
  app.post('/api/code-blocks', authenticate({ db, demoMode }, { device: true, allowDemo: true }), async (c) => {
    const body: unknown = await c.req.json().catch(() => undefined);
    const parsed = requestSchema.safeParse(body);
    if (!parsed.success) {
      return c.json({ error: 'bad_request', message: 'Yêu cầu cấp số hồ sơ không hợp lệ.', issues: parsed.error.issues.map((i) => i.path.join('.')) }, 400);
    }
    const { communeId, deviceId } = c.get('caller');
    const { days, size } = parsed.data;
    const [commune] = await db.query<{ agency_code: string }>('select agency_code from communes where id = $1', [communeId]);
    if (!commune || !deviceId) return notFound(c, 'Không tìm thấy xã.');
    const blocks = await db.transaction(async (tx) => {
      const reserved: ReservedBlock[] = [];
      for (const day of days) {
        const block = await reserveBlock(tx, commune.agency_code, day, deviceId, size);
        if (block) reserved.push(block);
      }
      return reserved;
    });
    return c.json({ blocks });
  });
}
