// A gateway for tests: a real database (PGlite or PostgreSQL), the demo commune, the whole Hono app
// with an admin token and a temporary data folder, and helpers that go through the public API the
// way a province administrator and a device would.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Hono } from 'hono';
import type { Database } from '../db/database';
import { createApp } from '../http/app';
import { createLogger } from '../log';
import type { StatusPageLimits } from '../status/throttle';
import { seedDemoCommune } from '../seed/demo';
import { afterAll, beforeAll } from 'vitest';
import { OPEN_DB_TIMEOUT_MS, openTestDatabase, type TestDatabaseKind } from './test-db';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface TestGateway {
  db: Database;
  app: Hono;
  dataDir: string;
  cleanup(): Promise<void>;
}

export interface TestGatewayOptions {
  demoMode?: boolean;
  maxFileBytes?: number;
  /** The gateway's clock for calendar days (open dossier-number days); the real one by default. */
  now?: () => Date;
  /** A built app to serve (a folder with index.html); none by default, so pages answer 503. */
  staticDir?: string;
  /** The citizen status page's limits (server/status/throttle.ts); the gateway's own by default. */
  statusPageLimits?: Partial<StatusPageLimits>;
}

export async function startTestGateway(kind: TestDatabaseKind, options: TestGatewayOptions = {}): Promise<TestGateway> {
  const { db, cleanup } = await openTestDatabase(kind);
  await seedDemoCommune(db);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'motcua-test-data-'));
  const app = createApp({
    db,
    log: createLogger('silent'),
    staticDir: options.staticDir ?? '/nonexistent',
    adminToken: ADMIN_TOKEN,
    demoMode: options.demoMode ?? false,
    dataDir,
    maxFileBytes: options.maxFileBytes ?? 10 * 1024 * 1024,
    ...(options.now ? { now: options.now } : {}),
    ...(options.statusPageLimits ? { statusPageLimits: options.statusPageLimits } : {}),
  });
  return {
    db,
    app,
    dataDir,
    async cleanup() {
      await cleanup();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * One gateway for the tests of a describe block: started before them on the given database,
 * cleaned up after. Its parts are read through the returned object once the tests run.
 */
export function useTestGateway(kind: TestDatabaseKind, options: TestGatewayOptions = {}): Omit<TestGateway, 'cleanup'> {
  let gw: TestGateway | undefined;
  beforeAll(async () => {
    gw = await startTestGateway(kind, options);
  }, OPEN_DB_TIMEOUT_MS);
  afterAll(async () => gw?.cleanup());
  const started = () => {
    if (!gw) throw new Error('The test gateway is not started yet: use it inside a test or hook.');
    return gw;
  };
  return {
    get db() {
      return started().db;
    },
    get app() {
      return started().app;
    },
    get dataDir() {
      return started().dataDir;
    },
  };
}

export function json(app: Hono, method: string, url: string, body?: unknown, token?: string, headers: Record<string, string> = {}) {
  return app.request(url, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

/**
 * A staff account of the device's commune, made by the admin and signed in on that device: its id
 * and session token (sent as X-Staff-Token). Throws if either step is refused.
 */
export async function signedInStaff(
  app: Hono,
  device: Pick<TestDevice, 'communeId' | 'deviceShort' | 'token'>,
  staff: { fullName: string; role: string; username?: string },
): Promise<{ id: string; username: string; token: string }> {
  const username = staff.username ?? `canbo.${device.deviceShort.toLowerCase()}`;
  const password = 'mat-khau-dai-1';
  const made = await json(
    app,
    'POST',
    '/api/admin/staff',
    { communeId: device.communeId, username, fullName: staff.fullName, role: staff.role, password },
    ADMIN_TOKEN,
  );
  if (made.status !== 201) throw new Error(`staff not created: ${made.status} ${await made.text()}`);
  const signedIn = await json(app, 'POST', '/api/auth/sign-in', { username, password }, device.token);
  if (signedIn.status !== 200) throw new Error(`staff not signed in: ${signedIn.status} ${await signedIn.text()}`);
  return { id: ((await made.json()) as { id: string }).id, username, token: ((await signedIn.json()) as { token: string }).token };
}

/** One entry's answer to a push, as the gateway writes it. */
export interface PushAnswer {
  mutation: number;
  status: 'accepted' | 'rejected';
  serverVersion?: number;
  officialCode?: string;
  reason?: string;
  code?: string;
}

/** Pushes entries as `device` and returns the per-entry answers; a non-200 answer fails loudly. */
export async function pushEntries(app: Hono, device: { token: string }, entries: unknown[]): Promise<PushAnswer[]> {
  const res = await json(app, 'POST', '/api/sync/push', { entries }, device.token);
  if (res.status !== 200) throw new Error(`push answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { results: PushAnswer[] }).results;
}

/** The tus upload a device makes: create with the file's hash in the metadata, then send the bytes; anything else fails loudly. */
export async function uploadFile(app: Hono, device: { token: string }, bytes: Buffer, filename: string): Promise<void> {
  const b64 = (text: string) => Buffer.from(text).toString('base64');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const auth = { authorization: `Bearer ${device.token}`, 'tus-resumable': '1.0.0' };
  const created = await app.request('/api/files', {
    method: 'POST',
    headers: { ...auth, 'upload-length': String(bytes.length), 'upload-metadata': `sha256 ${b64(sha256)},filename ${b64(filename)}` },
  });
  if (created.status !== 201) throw new Error(`upload create answered ${created.status}: ${await created.text()}`);
  const sent = await app.request(created.headers.get('location')!, {
    method: 'PATCH',
    headers: { ...auth, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
    body: new Uint8Array(bytes),
  });
  if (sent.status !== 204) throw new Error(`upload patch answered ${sent.status}: ${await sent.text()}`);
}

export interface TestDevice {
  communeId: string;
  agencyCode: string;
  deviceId: string;
  deviceShort: string;
  token: string;
}

let communeCounter = 0;

/** A fresh commune (unique agency code) through the admin API. */
export async function createCommune(app: Hono): Promise<{ id: string; agencyCode: string }> {
  communeCounter += 1;
  const pad = (n: number) => String(n).padStart(2, '0');
  const agencyCode = `100.${pad(Math.floor(communeCounter / 100))}.${pad(communeCounter % 100)}.H38`;
  const res = await json(app, 'POST', '/api/admin/communes', { name: `Xã Thử ${communeCounter}`, provinceCode: '15', agencyCode }, ADMIN_TOKEN);
  if (res.status !== 201) throw new Error(`commune: ${res.status} ${await res.text()}`);
  const commune = (await res.json()) as { id: string; agencyCode: string };
  return { id: commune.id, agencyCode: commune.agencyCode };
}

/** A device of the commune enrolled through the admin's one-time code: a desk, or a community team's tablet. */
export async function enrolDevice(app: Hono, communeId: string, name = 'Máy tính bảng', role: 'desk' | 'team' = 'desk'): Promise<TestDevice> {
  const codeRes = await json(app, 'POST', '/api/admin/enrolment-codes', { communeId, ...(role === 'team' ? { role } : {}) }, ADMIN_TOKEN);
  if (codeRes.status !== 201) throw new Error(`code: ${codeRes.status} ${await codeRes.text()}`);
  const { code } = (await codeRes.json()) as { code: string };
  const res = await json(app, 'POST', '/api/devices/enrol', { code, deviceName: name });
  if (res.status !== 201) throw new Error(`enrol: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { deviceId: string; deviceToken: string; deviceShort: string; commune: { id: string; agencyCode: string } };
  return { communeId: body.commune.id, agencyCode: body.commune.agencyCode, deviceId: body.deviceId, deviceShort: body.deviceShort, token: body.deviceToken };
}

/** A new commune with one enrolled device. */
export async function communeWithDevice(app: Hono): Promise<TestDevice> {
  const commune = await createCommune(app);
  return enrolDevice(app, commune.id);
}

/** Records a file as held by a commune, as a finished upload from one of its devices would. */
export async function holdFile(db: Database, communeId: string, sha256: string, size: number): Promise<void> {
  await db.query('insert into files (sha256, size) values ($1, $2) on conflict (sha256) do nothing', [sha256, size]);
  await db.query('insert into commune_files (commune_id, sha256) values ($1, $2) on conflict do nothing', [communeId, sha256]);
}
