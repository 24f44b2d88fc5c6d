// The catalogue endpoints on the real embedded database: devices get the commune's catalogue in
// force (or a 304), and only a valid, newer catalogue with the right token is ever published.
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCatalogue, parseCatalogue, type Catalogue } from '../../src/domain/catalogue';
import type { Database } from '../db/database';
import { createLogger } from '../log';
import { demoCommune, seedDemoCatalogue, seedDemoCommune } from '../seed/demo';
import { openTestDatabase } from '../test/test-db';
import { createApp } from './app';
import { mountCatalogueRoutes } from './catalogue-routes';

const TOKEN = 'province-secret-7f3a';
const log = createLogger('silent');
let db: Database;
let cleanup: () => Promise<void>;
let app: Hono;

beforeAll(async () => {
  ({ db, cleanup } = await openTestDatabase());
  await seedDemoCommune(db);
  app = new Hono();
  mountCatalogueRoutes(app, { db, log, adminToken: TOKEN });
}, 60_000); // a fresh embedded PostgreSQL takes seconds to start on a busy 2-core machine
afterAll(async () => cleanup());

const demo = demoCatalogue();

function publish(body: unknown, { token = TOKEN, commune }: { token?: string; commune?: string } = {}) {
  return app.request(`/api/admin/catalogue${commune ? `?commune=${commune}` : ''}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const versionNow = async () => Number((await app.request('/api/catalogue')).headers.get('X-Catalogue-Version'));

describe('GET /api/catalogue', () => {
  it('serves the seeded demo catalogue to the demo commune, whole and valid, with its version as ETag', async () => {
    const res = await app.request(`/api/catalogue?commune=${demoCommune.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('etag')).toBe('W/"catalogue-1"');
    const parsed = parseCatalogue(await res.json());
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.value.version).toBe(1);
      expect(parsed.value.procedures).toHaveLength(demo.procedures.length);
      expect(parsed.value.procedures[0]?.code).toBe('1.001193');
    }
  });

  it('answers 304 with no body when the device already has that version', async () => {
    const first = await app.request('/api/catalogue');
    const etag = first.headers.get('etag')!;
    const again = await app.request('/api/catalogue', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const stale = await app.request('/api/catalogue', { headers: { 'If-None-Match': 'W/"catalogue-0"' } });
    expect(stale.status).toBe(200);
  });

  it('says plainly when the commune is unknown or has no catalogue yet', async () => {
    const unknown = await app.request('/api/catalogue?commune=khong-co');
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).message).toBe('Không tìm thấy xã.');
    await db.query(`insert into communes (id, name, province_code, agency_code, office_hours) values ('xa-moi', 'Xã Mới', '15', '000.00.13.H38', '{}')`);
    const empty = await app.request('/api/catalogue?commune=xa-moi');
    expect(empty.status).toBe(404);
    expect((await empty.json()).error).toBe('no_catalogue');
  });

  it('is mounted by createApp, behind compression, with the ETag still usable', async () => {
    const full = createApp({ db, log, staticDir: '/nonexistent' });
    const res = await full.request('/api/catalogue', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"catalogue-\d+"$/);
    expect((await full.request('/api/catalogue', { headers: { 'If-None-Match': etag } })).status).toBe(304);
  });
});

describe('PUT /api/admin/catalogue', () => {
  const next = (version: number, extra: Partial<Catalogue> = {}): Catalogue => ({
    ...demo,
    version,
    issuedAt: '2026-12-01T00:00:00+07:00',
    ...extra,
  });

  it('is off (403) when no admin token is configured, and refuses a missing or wrong token (401)', async () => {
    const closed = new Hono();
    mountCatalogueRoutes(closed, { db, log, adminToken: '' });
    const off = await closed.request('/api/admin/catalogue', { method: 'PUT', body: JSON.stringify(next(50)) });
    expect(off.status).toBe(403);
    expect((await off.json()).message).toContain('MOTCUA_ADMIN_TOKEN');

    const wrong = await publish(next(50), { token: 'guessed-token' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toContain('Bearer');
    const none = await app.request('/api/admin/catalogue', { method: 'PUT', body: JSON.stringify(next(50)) });
    expect(none.status).toBe(401);
    expect(await versionNow()).toBe(1);
  });

  it('refuses broken JSON and an invalid catalogue with the reason, changing nothing', async () => {
    const cut = JSON.stringify(next(60)).slice(0, 500);
    const broken = await publish(cut);
    expect(broken.status).toBe(400);
    expect((await broken.json()).error).toBe('bad_json');

    const noName = next(60, { procedures: [{ ...demo.procedures[0]!, name: '' }] });
    const invalid = await publish(noName);
    expect(invalid.status).toBe(422);
    const body = await invalid.json();
    expect(body.message).toBe('Danh mục không hợp lệ: thủ tục thứ 1 (1.001193) tên để trống');
    expect(await versionNow()).toBe(1);
  });

  it('refuses a catalogue with a field the format does not know, naming it, and stores nothing of it', async () => {
    // Spelt out of the literal: the type, rightly, has no such field.
    const stranger = { ...demo.procedures[0]!, payload: 'x'.repeat(100_000) };
    const withStranger = next(61, { procedures: [stranger, ...demo.procedures.slice(1)] });
    const refused = await publish(withStranger);
    expect(refused.status).toBe(422);
    const body = await refused.json();
    expect(body.error).toBe('invalid_catalogue');
    expect(body.message).toContain('trường lạ "payload"');
    expect(await versionNow()).toBe(1);
    const stored = await db.query<{ body: string }>('select body::text as body from catalogues');
    expect(stored.some((row) => row.body.includes('payload'))).toBe(false);
  });

  it('publishes a newer version, which devices then receive; an equal or older one is refused (409)', async () => {
    const two = next(2, { procedures: [...demo.procedures, { ...demo.procedures[0]!, code: '1.999999', name: 'Thủ tục thử nghiệm' }] });
    const ok = await publish(two);
    expect(ok.status).toBe(201);
    expect(await ok.json()).toEqual({
      communeId: demoCommune.id,
      version: 2,
      issuedAt: '2026-12-01T00:00:00+07:00',
      procedures: demo.procedures.length + 1,
    });
    const served = await (await app.request('/api/catalogue')).json();
    expect(served.version).toBe(2);
    expect(served.procedures.at(-1).name).toBe('Thủ tục thử nghiệm');

    for (const version of [2, 1]) {
      const refused = await publish(next(version));
      expect(refused.status).toBe(409);
      expect((await refused.json()).message).toBe(`Phiên bản ${version} không mới hơn phiên bản đang dùng (2). Hãy tăng số phiên bản.`);
    }
    expect(await versionNow()).toBe(2);
  });

  it('publishes per commune, and 404s an unknown commune', async () => {
    expect((await publish(next(1), { commune: 'khong-co' })).status).toBe(404);
    expect((await publish(next(1), { commune: 'xa-moi' })).status).toBe(201);
    expect((await app.request('/api/catalogue?commune=xa-moi')).headers.get('X-Catalogue-Version')).toBe('1');
    // The demo commune is untouched by another commune's publication.
    expect(await versionNow()).toBe(2);
  });

  it('seeding again leaves an existing catalogue alone', async () => {
    expect(await seedDemoCatalogue(db)).toBe(false);
    expect(await versionNow()).toBe(2);
  });
});
