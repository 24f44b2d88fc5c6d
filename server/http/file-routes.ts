// File routes: HEAD/GET /api/files/by-hash/:sha256 (does the gateway already hold this file?)
// and the tus endpoint under /api/files for resumable uploads. Devices only; a device can touch
// only uploads it created (another device's upload id answers 404, like a missing one).
import type { Context, Hono } from 'hono';
import type { Database } from '../db/database';
import type { UploadService } from '../files/uploads';
import { FILES_PATH } from '../files/uploads';
import { authenticate } from './auth-middleware';
import { notFound } from './json-body';

export interface FileRouteDeps {
  db: Database;
  demoMode: boolean;
  uploads: UploadService;
}

const TUS_METHODS = new Set(['POST', 'HEAD', 'PATCH', 'DELETE', 'OPTIONS']);

export function mountFileRoutes(app: Hono, { db, demoMode, uploads }: FileRouteDeps): void {
  const device = authenticate({ db, demoMode }, { device: true });

  // Hono answers HEAD with this GET handler, without the body.
  app.get(`${FILES_PATH}/by-hash/:sha256`, device, async (c) => {
    const sha256 = c.req.param('sha256');
    const size = await uploads.storedSize(sha256);
    c.header('Cache-Control', 'no-store');
    if (size === null) return notFound(c, 'Máy chủ chưa có tệp này.');
    c.header('X-File-Size', String(size));
    return c.json({ sha256, size });
  });

  const tus = async (c: Context) => {
    if (!TUS_METHODS.has(c.req.method)) return c.json({ error: 'method_not_allowed', message: 'Không hỗ trợ thao tác này với tệp.' }, 405);
    const caller = c.get('caller');
    const deviceId = caller.deviceId;
    if (!deviceId) return c.json({ error: 'device_required', message: 'Cần mã truy cập của thiết bị.' }, 403);
    const uploadId = c.req.path.slice(FILES_PATH.length + 1);
    if (uploadId !== '' && c.req.method !== 'OPTIONS') {
      const owner = await uploads.ownerOf(uploadId);
      if (owner !== null && owner !== deviceId) return notFound(c, 'Không tìm thấy tệp đang tải lên.');
    }
    return uploads.handle(c.req.raw, { ...caller, deviceId });
  };
  app.all(FILES_PATH, device, tus);
  app.all(`${FILES_PATH}/*`, device, tus);
}
