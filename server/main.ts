// Starts the Motcua gateway: database (embedded PGlite unless DATABASE_URL), migrations, the demo
// commune (and, in demo mode only, its demo accounts), then the API and the built app on one
// origin, and the upward sender when MOTCUA_UPSTREAM_URL is set. Demo mode is asked for (`npm
// start` passes --demo; MOTCUA_DEMO=1); started any other way the gateway refuses anonymous
// callers. Stops cleanly on SIGTERM and SIGINT.
import { serve } from '@hono/node-server';
import { readConfig } from './config';
import { openDatabase } from './db/open';
import { createUploadService } from './files/uploads';
import { createApp } from './http/app';
import { createLogger } from './log';
import { demoCommune, seedDemoCommune } from './seed/demo';
import { DEMO_DEVICE, DEMO_STAFF, DEMO_TEAM_STAFF, retireDemoAccounts, seedDemoAccounts } from './seed/demo-accounts';
import { DEMO_ENROLMENT_CODE, DEMO_TEAM_ENROLMENT_CODE } from './auth/enrolment';
import { startUpwardSender } from './upward/sender';
import { loadEscrowSecret } from './auth/escrow-secret';
import { wrapClearEscrowKeys } from './auth/escrow';

const config = readConfig();
const log = createLogger(config.logLevel);

const db = await openDatabase(config);
if (await seedDemoCommune(db)) log.info('demo commune created');
if (config.demoMode) {
  if (await seedDemoAccounts(db)) log.info('demo accounts created');
  log.warn(
    {
      demoStaff: DEMO_STAFF.username,
      demoTeamStaff: DEMO_TEAM_STAFF.username,
      demoEnrolmentCode: DEMO_ENROLMENT_CODE,
      demoTeamEnrolmentCode: DEMO_TEAM_ENROLMENT_CODE,
      demoDevice: DEMO_DEVICE.id,
    },
    'DEMO MODE: requests without a token act as the demo device, the code DEMO enrols desk devices and DEMO-TEAM community-team tablets into the demo commune, and demo staff accounts with a public password exist, all in the demo commune only. Never for a real province: start with `npm run gateway` (demo off).',
  );
} else if (await retireDemoAccounts(db)) {
  log.warn({ demoStaff: [DEMO_STAFF.username, DEMO_TEAM_STAFF.username] }, 'demo mode is off: the demo staff accounts are disabled and their sessions ended');
}
if (!config.adminToken) log.warn('MOTCUA_ADMIN_TOKEN is not set: the province administration API (/api/admin/*) is off');

// The devices' escrow keys are kept wrapped under this secret; any still kept in clear (a gateway from before) are wrapped now.
const escrowSecret = loadEscrowSecret(config.escrowSecret, config.dataDir);
const wrapped = await wrapClearEscrowKeys(db, escrowSecret);
if (wrapped > 0) log.info({ wrapped }, 'escrow keys kept in clear are now wrapped under the escrow secret');
if (!config.escrowSecret && config.databaseUrl) {
  log.warn(
    `MOTCUA_ESCROW_SECRET is not set: the escrow secret is kept in ${config.dataDir}; keep a copy apart from the database, the devices' recovery needs it`,
  );
}

const uploads = createUploadService({ db, log, dataDir: config.dataDir, maxFileBytes: config.maxFileBytes });
const app = createApp({
  db,
  log,
  staticDir: config.staticDir,
  adminToken: config.adminToken,
  demoMode: config.demoMode,
  dataDir: config.dataDir,
  maxFileBytes: config.maxFileBytes,
  uploads,
  escrowSecret,
});
const upward = config.upstreamUrl ? startUpwardSender({ db, log, url: config.upstreamUrl }) : undefined;
if (!upward) log.info('MOTCUA_UPSTREAM_URL is not set: dossiers are queued but not sent upward');
const cleanup = setInterval(
  () => {
    uploads.cleanUpExpired().catch((err: unknown) => log.warn({ err }, 'expired upload cleanup failed'));
  },
  60 * 60 * 1000,
);
cleanup.unref();

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  const url = `http://localhost:${info.port}`;
  log.info({ url, database: db.kind, dataDir: config.dataDir }, 'gateway listening');
  // The one line a newcomer looks for, printed plainly as well as in the log.
  console.log(`\nMotcua đang chạy tại ${url}  (Ctrl+C để dừng)\n`);
  if (config.demoMode) {
    console.log(
      `CHẾ ĐỘ DÙNG THỬ (demo): xã "${demoCommune.name}", mã kích hoạt thiết bị ${DEMO_ENROLMENT_CODE}, ` +
        `cán bộ ${DEMO_STAFF.username} / ${DEMO_STAFF.password}; ` +
        `máy tính bảng tổ công nghệ số: mã kích hoạt ${DEMO_TEAM_ENROLMENT_CODE}, tài khoản ${DEMO_TEAM_STAFF.username} / ${DEMO_TEAM_STAFF.password}. ` +
        `Không dùng cho xã thật: chạy "npm run gateway".\n`,
    );
  }
});

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down');
  clearInterval(cleanup);
  server.close();
  await upward?.stop();
  await db.close();
  log.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
