// The caller's commune: /api/communes/current answers with the commune of the token (in demo
// mode, the demo commune for a request without one); /api/communes/:id only for one's own commune,
// and 404 for any other, so ids of other communes tell nothing.
import type { Hono } from 'hono';
import { communeById } from '../db/communes';
import type { Database } from '../db/database';
import { authenticate } from './auth-middleware';
import { notFound } from './json-body';

export function mountCommuneRoutes(app: Hono, { db, demoMode }: { db: Database; demoMode: boolean }): void {
  const caller = authenticate({ db, demoMode }, { allowDemo: true });

  app.get('/api/communes/current', caller, async (c) => {
    const commune = await communeById(db, c.get('caller').communeId);
    c.header('Cache-Control', 'no-store');
    return commune ? c.json(commune) : notFound(c, 'Không tìm thấy xã.');
  });

  app.get('/api/communes/:id', caller, async (c) => {
    const id = c.req.param('id');
    if (id !== c.get('caller').communeId) return notFound(c, 'Không tìm thấy xã.');
    const commune = await communeById(db, id);
    return commune ? c.json(commune) : notFound(c, 'Không tìm thấy xã.');
  });
}
