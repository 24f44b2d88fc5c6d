// The gateway's HTTP surface: the API under /api and the built app on the same origin.
import path from 'node:path';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import type { Database } from '../db/database';
import { createUploadService, FILES_PATH, type UploadService } from '../files/uploads';
import { MAX_PUSH_BYTES } from '../sync/schemas';
import type { StatusPageLimits } from '../status/throttle';
import { STATUS_PAGE_PATH } from '../../src/domain/dossier';
import type { Logger } from '../log';
import { mountAdminRoutes } from './admin-routes';
import { mountAuthRoutes } from './auth-routes';
import { MAX_CATALOGUE_BYTES, mountCatalogueRoutes } from './catalogue-routes';
import { mountCodeBlockRoutes } from './code-block-routes';
import { mountCommuneRoutes } from './commune-routes';
import { loadEscrowSecret } from '../auth/escrow-secret';
import { mountEscrowRoutes } from './escrow-routes';
import { mountFileRoutes } from './file-routes';
import { boundBodies, DEFAULT_MAX_BODY_BYTES, type BodyBound } from './json-body';
import { securityHeaders } from './security-headers';
import { mountStatic } from './static';
import { mountStatusRoutes, STATUS_FORM_MAX_BYTES, statusPageTooLarge } from './status-routes';
import { mountSyncRoutes } from './sync-routes';

export interface AppDeps {
  db: Database;
  log: Logger;
  staticDir: string;
  startedAt?: Date;
  /** MOTCUA_ADMIN_TOKEN by default; admin routes are off without one. */
  adminToken?: string | undefined;
  /** Off unless asked for (see GatewayConfig.demoMode). */
  demoMode?: boolean;
  /** Where uploaded files go (MOTCUA_DATA_DIR by default). */
  dataDir?: string;
  maxFileBytes?: number;
  uploads?: UploadService;
  /** The gateway's clock where the calendar day decides (which days' dossier numbers are open); tests fix it. */
  now?: () => Date;
  /** The citizen status page's limits; tests that call it many times from one address raise them. */
  statusPageLimits?: Partial<StatusPageLimits>;
  /** Under which the devices' escrow keys are kept; MOTCUA_ESCROW_SECRET or the data folder's by default, read when first needed. */
  escrowSecret?: Buffer;
}

export function createApp({
  db,
  log,
  staticDir,
  startedAt = new Date(),
  adminToken = process.env.MOTCUA_ADMIN_TOKEN || undefined,
  demoMode = false,
  dataDir = path.resolve(process.env.MOTCUA_DATA_DIR ?? '.data'),
  maxFileBytes = 50 * 1024 * 1024,
  uploads = createUploadService({ db, log, dataDir, maxFileBytes }),
  now = () => new Date(),
  statusPageLimits = {},
  escrowSecret,
}: AppDeps): Hono {
  const app = new Hono();
  let secret = escrowSecret;
  const escrowSecretOf = () => (secret ??= loadEscrowSecret(process.env.MOTCUA_ESCROW_SECRET || undefined, dataDir));

  app.use('*', async (c, next) => {
    const t0 = performance.now();
    await next();
    if (c.req.path.startsWith('/api/')) {
      log.info({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - t0) }, 'request');
    }
  });
  app.use('*', securityHeaders());
  app.use('*', compress());
  // Before any route, its authentication included: nobody gets a large body read by asking.
  const fileQuestions = new Set([`${FILES_PATH}/held`]);
  app.use(
    '*',
    boundBodies((c): BodyBound => {
      const p = c.req.path;
      if (p === '/api/sync/push') return { bytes: MAX_PUSH_BYTES };
      if (p === '/api/admin/catalogue') return { bytes: MAX_CATALOGUE_BYTES };
      if (p === STATUS_PAGE_PATH) return { bytes: STATUS_FORM_MAX_BYTES, answer: statusPageTooLarge };
      if ((p === FILES_PATH || p.startsWith(`${FILES_PATH}/`)) && !fileQuestions.has(p)) return { bytes: maxFileBytes, counted: false };
      return { bytes: DEFAULT_MAX_BODY_BYTES };
    }),
  );

  app.get('/api/health', async (c) => {
    // The app's connection indicator trusts this answer, so it proves the database answers too.
    const [row] = await db.query<{ now: string }>('select now()::text as now');
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'ok', database: db.kind, time: row?.now, startedAt: startedAt.toISOString() });
  });

  mountCommuneRoutes(app, { db, demoMode });
  mountAuthRoutes(app, { db, log, demoMode });
  mountEscrowRoutes(app, { db, log, demoMode, escrowSecret: escrowSecretOf });
  mountAdminRoutes(app, { db, log, adminToken });
  mountCodeBlockRoutes(app, { db, demoMode, now });
  mountSyncRoutes(app, { db, log, demoMode });
  mountFileRoutes(app, { db, demoMode, uploads });

  mountCatalogueRoutes(app, { db, log, adminToken });
  // Public, for citizens: server-rendered, before the app's shell would answer the path.
  mountStatusRoutes(app, { db, log, limits: statusPageLimits });

  app.all('/api/*', (c) => c.json({ error: 'not_found', message: 'Không có địa chỉ API này.' }, 404));

  app.onError((err, c) => {
    if (err instanceof HTTPException) return err.getResponse();
    log.error({ err, path: c.req.path }, 'unhandled error');
    return c.json({ error: 'internal', message: 'Máy chủ gặp lỗi, vui lòng thử lại sau.' }, 500);
  });

  mountStatic(app, staticDir);
  return app;
}
