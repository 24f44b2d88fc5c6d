// File routes: HEAD/GET /api/files/by-hash/:sha256 (does the gateway already hold this file?),
// POST /api/files/held (which of these files does it hold? one round trip for a whole batch)
// and the tus endpoint under /api/files for resumable uploads. Devices only; a device can touch
// only uploads it created (another device's upload id answers 404, like a missing one), and sees
// only its commune's files. An upload is reached by one spelling only, /api/files/<32 hex>: tus
// reads the id from the URL itself (dropping a trailing slash, decoding %2F...), so any other
// spelling would slip past the owner check and act on the real upload.
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { Database } from '../db/database';
import type { UploadService } from '../files/uploads';
import { FILES_PATH, SHA256_PATTERN, UPLOAD_ID_PATTERN } from '../files/uploads';
import { authenticate } from './auth-middleware';
import { notFound, readJsonBody } from './json-body';

export interface FileRouteDeps {
  db: Database;
  demoMode: boolean;
  uploads: UploadService;
}

/** As many as a push batch can name, with room to spare; more is a malformed request. */
export const MAX_HELD_QUERY = 500;
const heldQuerySchema = z.object({ sha256: z.array(z.string().regex(SHA256_PATTERN)).min(1).max(MAX_HELD_QUERY) }).strict();

const TUS_METHODS = new Set(['POST', 'HEAD', 'PATCH', 'DELETE', 'OPTIONS']);
/** Methods on the collection (create) and on one upload (resume, ask, cancel). */
const COLLECTION_METHODS = new Set(['POST', 'OPTIONS']);
const UPLOAD_METHODS = new Set(['HEAD', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * The upload id a request names, '' for the collection, or null for any path that is not exactly
 * one of those two. Read from the raw URL, before any decoding: /api/files/<id>/, //<id>,
 * /x%2F<id> or /<ID> are not another way to name <id>.
 */
export function tusTarget(url: string): string | null {
  const pathname = new URL(url).pathname;
  if (pathname === FILES_PATH) return '';
  const id = pathname.startsWith(`${FILES_PATH}/`) ? pathname.slice(FILES_PATH.length + 1) : '';
  return UPLOAD_ID_PATTERN.test(id) ? id : null;
}

export function mountFileRoutes(app: Hono, { db, demoMode, uploads }: FileRouteDeps): void {
  const device = authenticate({ db, demoMode }, { device: true });

  // Hono answers HEAD with this GET handler, without the body.
  app.get(`${FILES_PATH}/by-hash/:sha256`, device, async (c) => {
    const sha256 = c.req.param('sha256');
    const size = await uploads.storedSize(sha256, c.get('caller').communeId);
    c.header('Cache-Control', 'no-store');
    if (size === null) return notFound(c, 'Máy chủ chưa có tệp này.');
    c.header('X-File-Size', String(size));
    return c.json({ sha256, size });
  });

  // Registered before the tus routes, which would otherwise take this path for an upload id.
  app.post(`${FILES_PATH}/held`, device, async (c) => {
    const body = await readJsonBody(c, heldQuerySchema, `Cần danh sách mã SHA-256 (1 đến ${MAX_HELD_QUERY} mã, 64 chữ số hex thường).`);
    if (!body.ok) return body.response;
    const unique = [...new Set(body.data.sha256)];
    const communeId = c.get('caller').communeId;
    const sizes = await Promise.all(unique.map((sha256) => uploads.storedSize(sha256, communeId)));
    c.header('Cache-Control', 'no-store');
    return c.json({ held: unique.filter((_, i) => sizes[i] !== null) });
  });

  const tus = async (c: Context) => {
    if (!TUS_METHODS.has(c.req.method)) return c.json({ error: 'method_not_allowed', message: 'Không hỗ trợ thao tác này với tệp.' }, 405);
    const caller = c.get('caller');
    const deviceId = caller.deviceId;
    if (!deviceId) return c.json({ error: 'device_required', message: 'Cần mã truy cập của thiết bị.' }, 403);
    const uploadId = tusTarget(c.req.url);
    const missing = () => notFound(c, 'Không tìm thấy tệp đang tải lên.');
    if (uploadId === null) return missing();
    if (!(uploadId === '' ? COLLECTION_METHODS : UPLOAD_METHODS).has(c.req.method)) {
      return c.json({ error: 'method_not_allowed', message: 'Không hỗ trợ thao tác này với tệp.' }, 405);
    }
    if (uploadId !== '' && c.req.method !== 'OPTIONS' && (await uploads.ownerOf(uploadId)) !== deviceId) return missing();
    // tus sees the canonical URL (no query, nothing to decode): the id it acts on is the one checked.
    const raw = c.req.raw;
    const canonical = new Request(new URL(uploadId === '' ? FILES_PATH : `${FILES_PATH}/${uploadId}`, raw.url), {
      method: raw.method,
      headers: raw.headers,
      body: raw.body,
      signal: raw.signal,
      ...(raw.body ? { duplex: 'half' } : {}),
    } as RequestInit);
    return uploads.handle(canonical, { ...caller, deviceId });
  };
  app.all(FILES_PATH, device, tus);
  app.all(`${FILES_PATH}/*`, device, tus);
}
