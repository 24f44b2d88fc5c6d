// The procedure catalogue over HTTP. Devices fetch their commune's catalogue in force, with a
// version ETag so an unchanged catalogue costs one short 304; the province publishes a new
// version through an admin endpoint guarded by a bearer token (MOTCUA_ADMIN_TOKEN).
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { parseCatalogue } from '../../src/domain/catalogue';
import { currentCatalogue, publishCatalogue } from '../db/catalogues';
import type { Database } from '../db/database';
import type { Logger } from '../log';
import { demoCommune } from '../seed/demo';
import { requireAdmin } from './auth-middleware';

export interface CatalogueRouteDeps {
  db: Database;
  log: Logger;
  /** MOTCUA_ADMIN_TOKEN (read by createApp); empty or absent turns publishing off (403). */
  adminToken: string | undefined;
}

// A province catalogue of ~2,000 procedures is a few MB of JSON; this leaves room without
// letting a stray upload fill the gateway's memory.
export const MAX_CATALOGUE_BYTES = 32 * 1024 * 1024;

// Until devices authenticate (a later issue), the commune comes from the query string.
function communeOf(c: Context): string {
  return c.req.query('commune')?.trim() || demoCommune.id;
}

/**
 * A weak ETag (the body is re-encoded by gzip on the way out) naming only the version: the URL
 * already names the commune, and devices send it back as `W/"catalogue-<version they have>"`.
 */
export function catalogueEtag(version: number): string {
  return `W/"catalogue-${version}"`;
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

export function mountCatalogueRoutes(app: Hono, { db, log, adminToken }: CatalogueRouteDeps): void {
  app.get('/api/catalogue', async (c) => {
    const communeId = communeOf(c);
    const stored = await currentCatalogue(db, communeId);
    c.header('Cache-Control', 'no-cache');
    if (!stored) {
      const [commune] = await db.query('select id from communes where id = $1', [communeId]);
      return commune
        ? c.json({ error: 'no_catalogue', message: 'Xã này chưa có danh mục thủ tục.' }, 404)
        : c.json({ error: 'not_found', message: 'Không tìm thấy xã.' }, 404);
    }
    const etag = catalogueEtag(stored.version);
    c.header('ETag', etag);
    c.header('X-Catalogue-Version', String(stored.version));
    if (matchesEtag(c.req.header('If-None-Match'), etag)) return c.body(null, 304);
    c.header('Content-Type', 'application/json; charset=utf-8');
    return c.body(stored.body, 200);
  });

  app.put(
    '/api/admin/catalogue',
    // The token first: a stranger's upload is refused before a byte of it is read.
    requireAdmin(adminToken),
    bodyLimit({
      maxSize: MAX_CATALOGUE_BYTES,
      onError: (c) => c.json({ error: 'too_large', message: 'Danh mục gửi lên quá lớn (tối đa 32 MB).' }, 413),
    }),
    async (c) => {
      let json: unknown;
      try {
        json = JSON.parse(await c.req.text());
      } catch {
        return c.json({ error: 'bad_json', message: 'Nội dung gửi lên không phải JSON hợp lệ.' }, 400);
      }
      const parsed = parseCatalogue(json);
      if (!parsed.ok) {
        return c.json({ error: 'invalid_catalogue', message: parsed.message, problems: parsed.problems }, 422);
      }
      const catalogue = parsed.value;
      const communeId = communeOf(c);
      const outcome = await db.transaction((tx) => publishCatalogue(tx, communeId, catalogue));
      switch (outcome.kind) {
        case 'unknown-commune':
          return c.json({ error: 'not_found', message: 'Không tìm thấy xã.' }, 404);
        case 'not-newer':
          return c.json(
            {
              error: 'not_newer',
              message: `Phiên bản ${outcome.version} không mới hơn phiên bản đang dùng (${outcome.currentVersion}). Hãy tăng số phiên bản.`,
              currentVersion: outcome.currentVersion,
            },
            409,
          );
        case 'published':
          log.info({ communeId, version: outcome.version, procedures: catalogue.procedures.length }, 'catalogue published');
          c.header('ETag', catalogueEtag(outcome.version));
          return c.json({ communeId, version: catalogue.version, issuedAt: catalogue.issuedAt, procedures: catalogue.procedures.length }, 201);
      }
    },
  );
}
