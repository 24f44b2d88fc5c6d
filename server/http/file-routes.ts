// File routes: HEAD/GET /api/files/by-hash/:sha256 (does the gateway already hold this file?),
// GET /api/files/by-hash/:sha256/content (its bytes: a desk opening the papers of a dossier another
// device made, e.g. a community team's submission, issue 15),
// POST /api/files/held (which of these files does it hold? one round trip for a whole batch)
// and the tus endpoint under /api/files for resumable uploads. Devices only; a device can touch
// only uploads it created (another device's upload id answers 404, like a missing one), and sees
// only its commune's files. An upload is reached by one spelling only, /api/files/<32 hex>: tus
// reads the id from the URL itself (dropping a trailing slash, decoding %2F...), so any other
// spelling would slip past the owner check and act on the real upload. A community team's tablet
// (issue 15) learns only of files it uploaded or its own submissions name, never of the commune's others.
import type { Context, Hono } from 'hono';
import { isTeamCaller, type Caller } from '../auth/caller';
import { z } from 'zod';
import type { Database, Queryable } from '../db/database';
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

/** Whether a team tablet may know of this file of its commune: one it uploaded, or one its own submissions name. */
async function teamMayKnow(db: Queryable, caller: Caller, sha256: string): Promise<boolean> {
  const rows = await db.query(
    `select 1 from commune_files where commune_id = $1 and sha256 = $2 and first_device_id = $3
     union all
     select 1 from dossiers where commune_id = $1 and created_by_device = $3 and data -> 'attachments' @> jsonb_build_array(jsonb_build_object('sha256', $2::text))
     limit 1`,
    [caller.communeId, sha256, caller.deviceId],
  );
  return rows.length > 0;
}

export function mountFileRoutes(app: Hono, { db, demoMode, uploads }: FileRouteDeps): void {
  const device = authenticate({ db, demoMode }, { device: true });
  /** The size of the commune's copy of a file, as far as the caller may know of it. */
  const sizeFor = async (caller: Caller, sha256: string): Promise<number | null> => {
    const size = await uploads.storedSize(sha256, caller.communeId);
    if (size === null || !isTeamCaller(caller)) return size;
    return (await teamMayKnow(db, caller, sha256)) ? size : null;
  };

  // Hono answers HEAD with this GET handler, without the body.
  app.get(`${FILES_PATH}/by-hash/:sha256`, device, async (c) => {
    const sha256 = c.req.param('sha256');
    const size = await sizeFor(c.get('caller'), sha256);
    c.header('Cache-Control', 'no-store');
    if (size === null) return notFound(c, 'Máy chủ chưa có tệp này.');
    c.header('X-File-Size', String(size));
    return c.json({ sha256, size });
  });

  // The bytes, to the callers that may know of the file (sizeFor's rule), as an opaque download.
  app.get(`${FILES_PATH}/by-hash/:sha256/content`, device, async (c) => {
    const sha256 = c.req.param('sha256');
    const caller = c.get('caller');
    c.header('Cache-Control', 'no-store');
    if ((await sizeFor(caller, sha256)) === null) return notFound(c, 'Máy chủ chưa có tệp này.');
    const stored = await uploads.readStored(sha256, caller.communeId);
    if (!stored) return notFound(c, 'Máy chủ chưa có tệp này.');
    return new Response(stored.body, {
      status: 200,
      headers: {
        'content-type': 'application/octet-stream',
        'content-length': String(stored.size),
        'content-disposition': 'attachment',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  });

  // Registered before the tus routes, which would otherwise take this path for an upload id.
  app.post(`${FILES_PATH}/held`, device, async (c) => {
    const body = await readJsonBody(c, heldQuerySchema, `Cần danh sách mã SHA-256 (1 đến ${MAX_HELD_QUERY} mã, 64 chữ số hex thường).`);
    if (!body.ok) return body.response;
    const unique = [...new Set(body.data.sha256)];
    const caller = c.get('caller');
    const sizes = await Promise.all(unique.map((sha256) => sizeFor(caller, sha256)));
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
