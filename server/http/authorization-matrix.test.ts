// The authorization matrix, generated from the gateway's own route table (app.routes): every route
// and method is called by eight callers (anonymous, a device of another commune, a revoked device,
// staff of another commune, signed-out staff, commune A's community-team tablet and a community
// team officer's session of A (issue 15), the province administrator) and must answer the status
// written here; a route added without a case fails the test. The team's callers belong to commune
// A but may see none of its desks' dossiers, files, uploads or devices. Each call is repeated under
// other spellings of its path (trailing slash, double slash, encoded slash, query string, upper
// case): none may let a caller through where the plain path refused it. No answer to a caller of
// another commune may carry commune A's ids, files, uploads or dossiers. On PGlite and PostgreSQL.
import { createHash, randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { receiveEntry, submitEntry } from '../test/dossiers';
import { DEMO_STAFF, seedDemoAccounts } from '../seed/demo-accounts';
import { demoCommune } from '../seed/demo';
import { reservableDays } from '../code-blocks';
import {
  ADMIN_TOKEN,
  communeWithDevice,
  enrolDevice,
  json,
  pushEntries,
  startTestGateway,
  type TestDevice,
  type TestGateway,
  useTestGateway,
} from '../test/gateway';
import { OPEN_DB_TIMEOUT_MS, testDatabaseKinds } from '../test/test-db';

const CALLERS = ['anonymous', 'otherDevice', 'revokedDevice', 'otherStaff', 'signedOutStaff', 'teamDevice', 'teamStaff', 'admin'] as const;
type CallerName = (typeof CALLERS)[number];
type Statuses = Record<CallerName, number>;

/** Statuses in the order of CALLERS. */
const expect8 = (...s: [number, number, number, number, number, number, number, number]): Statuses =>
  Object.fromEntries(CALLERS.map((name, i) => [name, s[i]!])) as Statuses;
const everyone = (status: number) => expect8(status, status, status, status, status, status, status, status);
/**
 * Device routes: a device of another commune gets `own` (its own commune's answer, or 404); A's
 * team tablet `team` (by default the same), a team officer's session without its tablet 403.
 */
const deviceOnly = (own: number, team = own) => expect8(401, own, 401, 403, 401, team, 403, 401);
/** Routes for any live token, device or staff; A's team callers get `team` (by default the same). */
const anyToken = (own: number, team = own) => expect8(401, own, 401, own, 401, team, team, 401);
const adminOnly = (status: number) => expect8(401, 401, 401, 401, 401, 401, 401, status);

interface Fixture {
  a: TestDevice;
  fileSha: string;
  uploadId: string;
  dossierId: string;
  victimStaffId: string;
  victimDeviceId: string;
  signInUser: string;
  staffIdsOfA: string[];
}

interface Call {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** The call ends the caller's staff session (sign-out): it gets a fresh one of its own. */
  endsSession?: boolean;
  /** The answer may name commune A (a correct password for A's officer was given). */
  mayNameA?: boolean;
}

/** Callers of a gateway in demo mode, none of them of commune A (see the demo-mode matrix below). */
const DEMO_CALLERS = ['anonymous', 'demoDevice', 'demoStaff'] as const;
type DemoCallerName = (typeof DEMO_CALLERS)[number];

interface Case {
  call(f: Fixture): Call;
  expected: Statuses;
  /**
   * In demo mode, where it differs: by default the anonymous caller gets `expected.anonymous`,
   * a device enrolled with DEMO `expected.otherDevice`, the demo officer `expected.otherStaff`.
   */
  demo?: Partial<Record<DemoCallerName, number>>;
}

const tus = { 'tus-resumable': '1.0.0' };
/** Every caller calls the status page from the same (absent) address, under many spellings: its per-address limit is raised. */
const MATRIX_STATUS_LIMITS = { requestsPerAddressPerMinute: 100_000 };
/** The dossier and number a stranger tries to push as commune A's device (see the push case). */
const CARRIED_ID = 'c0ffee00-0000-4000-8000-00000000ca11';
const CARRIED_MUTATION = 999_999;
const b64 = (s: string) => Buffer.from(s).toString('base64');
const PASSWORD = 'mat-khau-dai-1';
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter += 1)}`;
/** A well-formed lookup code (10 Crockford base32 characters) no dossier has. */
const lookupCodeOf = (seed: string) => createHash('sha256').update(seed).digest('hex').slice(0, 10).toUpperCase();

/**
 * Every route of the app, by `METHOD path` as app.routes lists it; for ALL routes, one case per
 * method a client may send. 'middleware' marks the app-wide middleware entries, which are not routes.
 */
const MATRIX: Record<string, 'middleware' | Record<string, Case>> = {
  'ALL /*': 'middleware',
  'GET /api/health': { GET: { call: () => ({ path: '/api/health' }), expected: everyone(200) } },
  'GET /api/communes/current': { GET: { call: () => ({ path: '/api/communes/current' }), expected: anyToken(200), demo: { anonymous: 200 } } },
  // Commune A's own team callers read commune A.
  'GET /api/communes/:id': { GET: { call: (f) => ({ path: `/api/communes/${f.a.communeId}` }), expected: anyToken(404, 200), demo: { anonymous: 404 } } },
  'POST /api/devices/enrol': {
    // DEMO enrols (into the demo commune only) in demo mode, whoever asks.
    POST: {
      call: () => ({ path: '/api/devices/enrol', body: { code: 'DEMO', deviceName: 'Máy lạ' } }),
      expected: everyone(400),
      demo: { anonymous: 201, demoDevice: 201, demoStaff: 201 },
    },
  },
  'POST /api/devices/escrow-key': {
    // Only a device with an officer's fresh password sign-in on that very device (escrow-key.test.ts
    // walks those callers): a device alone or a staff token alone is refused (403), a dead token 401.
    // In demo mode the demo device and a device enrolled with DEMO have no officer either.
    POST: { call: () => ({ path: '/api/devices/escrow-key' }), expected: expect8(401, 403, 401, 403, 401, 403, 403, 401), demo: { anonymous: 403 } },
  },
  'POST /api/auth/sign-in': {
    POST: {
      // A's officer with the right password: from nowhere it signs in; from a device or token of
      // another commune, or with a dead token, it does not; on A's team tablet, a desk officer is
      // refused (403); with a token of A's staff (no device), as from nowhere.
      call: (f) => ({ path: '/api/auth/sign-in', body: { username: f.signInUser, password: PASSWORD }, mayNameA: true }),
      expected: expect8(200, 401, 401, 401, 401, 403, 200, 401),
    },
  },
  'POST /api/auth/sign-out': {
    POST: { call: () => ({ path: '/api/auth/sign-out', endsSession: true }), expected: expect8(401, 400, 401, 204, 401, 400, 204, 401) },
  },
  'GET /api/auth/me': { GET: { call: () => ({ path: '/api/auth/me' }), expected: anyToken(200) } },
  'POST /api/admin/communes': {
    POST: {
      call: () => ({
        path: '/api/admin/communes',
        body: { name: 'Xã Ma Trận', provinceCode: '15', agencyCode: `200.00.${String((counter += 1) % 100).padStart(2, '0')}.H${String(10 + (counter % 89))}` },
      }),
      expected: adminOnly(201),
    },
  },
  'POST /api/admin/staff': {
    POST: {
      call: (f) => ({
        path: '/api/admin/staff',
        body: { communeId: f.a.communeId, username: `matran.${unique()}`, fullName: 'Cán Bộ Mới', role: 'leader', password: PASSWORD },
      }),
      expected: adminOnly(201),
    },
  },
  'POST /api/admin/staff/:id/disable': { POST: { call: (f) => ({ path: `/api/admin/staff/${f.victimStaffId}/disable` }), expected: adminOnly(200) } },
  'POST /api/admin/staff/:id/revoke-sessions': {
    POST: { call: (f) => ({ path: `/api/admin/staff/${f.victimStaffId}/revoke-sessions` }), expected: adminOnly(200) },
  },
  'POST /api/admin/enrolment-codes': {
    POST: { call: (f) => ({ path: '/api/admin/enrolment-codes', body: { communeId: f.a.communeId } }), expected: adminOnly(201) },
  },
  'GET /api/admin/devices': { GET: { call: (f) => ({ path: `/api/admin/devices?communeId=${f.a.communeId}` }), expected: adminOnly(200) } },
  'POST /api/admin/devices/:id/revoke': { POST: { call: (f) => ({ path: `/api/admin/devices/${f.victimDeviceId}/revoke` }), expected: adminOnly(200) } },
  'GET /api/admin/upward': { GET: { call: () => ({ path: '/api/admin/upward' }), expected: adminOnly(200) } },
  'PUT /api/admin/catalogue': { PUT: { call: () => ({ path: '/api/admin/catalogue', body: {} }), expected: adminOnly(422) } },
  'POST /api/code-blocks': {
    POST: {
      call: (f) => ({ path: '/api/code-blocks', body: { days: reservableDays(new Date()), size: 2, communeId: f.a.communeId, deviceId: f.a.deviceId } }),
      // A community team issues no official code.
      expected: deviceOnly(200, 403),
      demo: { anonymous: 200 },
    },
  },
  'POST /api/sync/push': {
    POST: {
      // A dossier carried as if made on A's device (originDevice, issue 14): a device of another commune is answered 200 with the entry refused.
      call: (f) => ({
        path: '/api/sync/push',
        body: {
          entries: [{ ...receiveEntry(f.a, { id: CARRIED_ID, code: `TAM-${f.a.deviceShort}-260302-0009` }, CARRIED_MUTATION), originDevice: f.a.deviceId }],
        },
      }),
      expected: deviceOnly(200),
    },
  },
  'GET /api/sync/pull': { GET: { call: () => ({ path: '/api/sync/pull?since=0' }), expected: anyToken(200) } },
  'GET /api/files/by-hash/:sha256': {
    // A's desk uploaded it: A's team tablet may not know of it either.
    GET: { call: (f) => ({ path: `/api/files/by-hash/${f.fileSha}` }), expected: deviceOnly(404) },
    HEAD: { call: (f) => ({ path: `/api/files/by-hash/${f.fileSha}` }), expected: deviceOnly(404) },
  },
  'GET /api/files/by-hash/:sha256/content': {
    // A's desk uploaded it: neither another commune nor A's team tablet may read it.
    GET: { call: (f) => ({ path: `/api/files/by-hash/${f.fileSha}/content` }), expected: deviceOnly(404) },
    HEAD: { call: (f) => ({ path: `/api/files/by-hash/${f.fileSha}/content` }), expected: deviceOnly(404) },
  },
  'POST /api/files/held': { POST: { call: (f) => ({ path: '/api/files/held', body: { sha256: [f.fileSha] } }), expected: deviceOnly(200) } },
  'ALL /api/files': {
    POST: {
      call: () => ({ path: '/api/files', headers: { ...tus, 'upload-length': '10', 'upload-metadata': `sha256 ${b64(randomBytes(32).toString('hex'))}` } }),
      expected: deviceOnly(201),
    },
    OPTIONS: { call: () => ({ path: '/api/files' }), expected: deviceOnly(204) },
    GET: { call: () => ({ path: '/api/files' }), expected: deviceOnly(405) },
    DELETE: { call: () => ({ path: '/api/files', headers: tus }), expected: deviceOnly(405) },
  },
  'ALL /api/files/*': {
    HEAD: { call: (f) => ({ path: `/api/files/${f.uploadId}`, headers: tus }), expected: deviceOnly(404) },
    PATCH: {
      call: (f) => ({
        path: `/api/files/${f.uploadId}`,
        headers: { ...tus, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
        body: 'abcdefghij',
      }),
      expected: deviceOnly(404),
    },
    DELETE: { call: (f) => ({ path: `/api/files/${f.uploadId}`, headers: tus }), expected: deviceOnly(404) },
    GET: { call: (f) => ({ path: `/api/files/${f.uploadId}` }), expected: deviceOnly(405) },
    POST: { call: (f) => ({ path: `/api/files/${f.uploadId}`, headers: tus }), expected: deviceOnly(405) },
  },
  // The procedure catalogue is public (it lists public procedures), for every commune.
  'GET /api/catalogue': { GET: { call: () => ({ path: '/api/catalogue?commune=demo-ban-mau' }), expected: everyone(200) } },
  'ALL /api/*': {
    GET: { call: () => ({ path: '/api/nowhere' }), expected: everyone(404) },
    POST: { call: () => ({ path: '/api/nowhere', body: {} }), expected: everyone(404) },
  },
  // The app's shell (no build in this test gateway: 503 for everyone).
  'GET /*': { GET: { call: () => ({ path: '/ho-so' }), expected: everyone(503) } },
  // The citizen status page is public: the form for everyone, and a code no dossier has is not
  // found for everyone (a fresh code per call, so its limit of tries never answers first).
  'GET /tra-cuu-ho-so': { GET: { call: () => ({ path: '/tra-cuu-ho-so' }), expected: everyone(200) } },
  'POST /tra-cuu-ho-so': {
    POST: {
      call: () => ({
        path: '/tra-cuu-ho-so',
        body: `ma=${lookupCodeOf(unique())}&so=1234`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      expected: everyone(404),
    },
  },
};

/** Other spellings of a path: each must refuse whatever the plain path refuses. */
function variants(path: string): string[] {
  const [pathname, query] = path.split('?') as [string, string | undefined];
  const q = query === undefined ? '' : `?${query}`;
  const lastSlash = pathname.lastIndexOf('/');
  return [
    `${pathname}/${q}`,
    `${pathname.replace('/api/', '/api//')}${q}`,
    `${pathname.slice(0, lastSlash)}//${pathname.slice(lastSlash + 1)}${q}`,
    `${pathname.slice(0, lastSlash)}%2F${pathname.slice(lastSlash + 1)}${q}`,
    `${pathname.slice(0, lastSlash)}%2f${pathname.slice(lastSlash + 1)}${q}`,
    `${pathname}${q ? `${q}&` : '?'}x=1`,
    `${pathname}%20${q}`,
    `${pathname.toUpperCase()}${q}`,
    `${pathname.replace('/api/', '/API/')}${q}`,
  ];
}

async function staffIn(app: Hono, communeId: string, role = 'receptionOfficer'): Promise<{ id: string; username: string }> {
  const username = `matran.${unique()}`;
  const res = await json(app, 'POST', '/api/admin/staff', { communeId, username, fullName: 'Lò Thị Mai', role, password: PASSWORD }, ADMIN_TOKEN);
  expect(res.status).toBe(201);
  return { id: ((await res.json()) as { id: string }).id, username };
}

async function session(app: Hono, username: string, device?: TestDevice, password = PASSWORD): Promise<string> {
  const res = await json(app, 'POST', '/api/auth/sign-in', { username, password }, device?.token);
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

interface World {
  fixture: Fixture;
  /** Commune B's device, and the callers of commune A that are no longer live. */
  b: TestDevice;
  revokedToken: string;
  signedOutToken: string;
  /** Everything of commune A no answer to a stranger may carry. */
  secretsOfA: string[];
}

/** Commune A with a stored file, an upload in progress, a dossier, staff and devices; commune B with a device. */
async function buildWorld(app: Hono): Promise<World> {
  const a = await communeWithDevice(app);
  const b = await communeWithDevice(app);
  const bytes = randomBytes(1_000);
  const fileSha = createHash('sha256').update(bytes).digest('hex');
  const auth = { authorization: `Bearer ${a.token}`, ...tus };
  const created = await app.request('/api/files', {
    method: 'POST',
    headers: { ...auth, 'upload-length': String(bytes.length), 'upload-metadata': `sha256 ${b64(fileSha)}` },
  });
  const location = created.headers.get('location')!;
  const patched = await app.request(location, {
    method: 'PATCH',
    headers: { ...auth, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
    body: new Uint8Array(bytes),
  });
  expect(patched.status).toBe(204);
  const pending = await app.request('/api/files', {
    method: 'POST',
    headers: { ...auth, 'upload-length': '100', 'upload-metadata': `sha256 ${b64('e'.repeat(64))}` },
  });
  const uploadId = pending.headers.get('location')!.split('/').pop()!;
  const dossierId = crypto.randomUUID();
  const [accepted] = await pushEntries(app, a, [receiveEntry(a, { id: dossierId, code: `TAM-${a.deviceShort}-260302-0001` })]);
  expect(accepted).toMatchObject({ status: 'accepted' });

  const revoked = await enrolDevice(app, a.communeId, 'Máy bị mất');
  expect((await json(app, 'POST', `/api/admin/devices/${revoked.deviceId}/revoke`, undefined, ADMIN_TOKEN)).status).toBe(200);
  const signedOut = await staffIn(app, a.communeId);
  const signedOutToken = await session(app, signedOut.username, a);
  expect((await json(app, 'POST', '/api/auth/sign-out', undefined, signedOutToken)).status).toBe(204);
  const signInTarget = await staffIn(app, a.communeId);
  const victim = await staffIn(app, a.communeId);
  const victimDevice = await enrolDevice(app, a.communeId, 'Máy để thu hồi');
  const fixture: Fixture = {
    a,
    fileSha,
    uploadId,
    dossierId,
    victimStaffId: victim.id,
    victimDeviceId: victimDevice.deviceId,
    signInUser: signInTarget.username,
    staffIdsOfA: [signedOut.id, signInTarget.id, victim.id],
  };
  const secretsOfA = [a.communeId, a.agencyCode, a.deviceId, fileSha, uploadId, dossierId, victimDevice.deviceId, ...fixture.staffIdsOfA];
  return { fixture, b, revokedToken: revoked.token, signedOutToken, secretsOfA };
}

async function send(app: Hono, token: string | undefined, method: string, call: Call, path = call.path): Promise<{ status: number; text: string }> {
  const body = call.body === undefined ? undefined : typeof call.body === 'string' ? call.body : JSON.stringify(call.body);
  const res = await app.request(path, {
    method,
    headers: {
      ...(body !== undefined && !call.headers?.['content-type'] ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...call.headers,
    },
    ...(body !== undefined ? { body } : {}),
  });
  return { status: res.status, text: method === 'HEAD' ? [...res.headers].join('\n') : await res.text() };
}

function expectNoLeak(secretsOfA: string[], what: string, answer: { status: number; text: string }, call: Call) {
  if (answer.status >= 300 || call.mayNameA) return;
  for (const secret of secretsOfA) expect(answer.text.includes(secret), `${what} leaks ${secret}: ${answer.text.slice(0, 200)}`).toBe(false);
}

/** The days open for dossier numbers now, as SQL placeholders and their values. */
function openDays(): { sql: string; days: string[] } {
  const days = reservableDays(new Date());
  return { sql: days.map((_, i) => `$${i + 1}`).join(', '), days };
}

/** Nothing of commune A changed under strangers' calls: its upload, staff, device, dossier, numbers. */
async function expectAUntouched(gw: { app: Hono; db: Database }, fixture: Fixture) {
  const a = { authorization: `Bearer ${fixture.a.token}`, ...tus };
  const head = await gw.app.request(`/api/files/${fixture.uploadId}`, { method: 'HEAD', headers: a });
  expect(head.status).toBe(200);
  expect(head.headers.get('upload-offset')).toBe('0');
  const [victim] = await gw.db.query<{ disabled: boolean }>('select disabled_at is not null as disabled from staff where id = $1', [fixture.victimStaffId]);
  expect(victim?.disabled).toBe(false);
  const [device] = await gw.db.query<{ revoked: boolean }>('select revoked_at is not null as revoked from devices where id = $1', [fixture.victimDeviceId]);
  expect(device?.revoked).toBe(false);
  const [dossier] = await gw.db.query<{ version: unknown; commune_id: string }>('select version, commune_id from dossiers where id = $1', [fixture.dossierId]);
  expect(dossier?.commune_id).toBe(fixture.a.communeId);
  // No stranger pushed as one of A's devices: nothing carried in, nothing recorded under A's numbers.
  expect(await gw.db.query('select id from dossiers where id = $1', [CARRIED_ID])).toEqual([]);
  expect(await gw.db.query('select mutation from sync_mutations where mutation = $1', [CARRIED_MUTATION])).toEqual([]);
  // The code-block case names A's commune and device in its body: numbers went to the caller only.
  const blocks = await gw.db.query<{ device_id: string; agency_code: string }>(
    `select device_id, agency_code from code_blocks where day in (${openDays().sql})`,
    openDays().days,
  );
  expect(blocks.filter((b) => b.device_id === fixture.a.deviceId || b.agency_code === fixture.a.agencyCode)).toEqual([]);
}

const cases = () =>
  Object.entries(MATRIX).flatMap(([route, spec]) => (spec === 'middleware' ? [] : Object.entries(spec).map(([method, c]) => ({ route, method, ...c }))));

describe.each(testDatabaseKinds)('authorization matrix on %s', (kind) => {
  const gw = useTestGateway(kind, { statusPageLimits: MATRIX_STATUS_LIMITS });
  let fixture: Fixture;
  const tokens: Partial<Record<CallerName, string>> = {};
  let secretsOfA: string[] = [];
  let otherStaffUser = '';
  let teamStaffUser = '';
  let b: TestDevice;
  /** What A's team callers may not see: A's desks' dossier, files, uploads, devices and staff (A itself they may). */
  let secretsFromTeam: string[] = [];
  let teamSubmissionId = '';

  beforeAll(async () => {
    const world = await buildWorld(gw.app);
    ({ fixture, secretsOfA, b } = world);
    const other = await staffIn(gw.app, b.communeId);
    otherStaffUser = other.username;
    tokens.otherDevice = b.token;
    tokens.revokedDevice = world.revokedToken;
    tokens.otherStaff = await session(gw.app, other.username, b);
    tokens.signedOutStaff = world.signedOutToken;
    tokens.admin = ADMIN_TOKEN;
    // Commune A's community team: a tablet with a submission of its own, and an officer's session without the tablet.
    const team = await enrolDevice(gw.app, fixture.a.communeId, 'Máy tính bảng tổ', 'team');
    const submission = submitEntry(team);
    teamSubmissionId = submission.entityId;
    expect((await pushEntries(gw.app, team, [submission]))[0]).toMatchObject({ status: 'accepted' });
    tokens.teamDevice = team.token;
    teamStaffUser = (await staffIn(gw.app, fixture.a.communeId, 'communityTeam')).username;
    tokens.teamStaff = await session(gw.app, teamStaffUser);
    const f = fixture;
    secretsFromTeam = [f.dossierId, f.fileSha, f.uploadId, f.a.deviceId, f.victimDeviceId, ...f.staffIdsOfA];
  }, OPEN_DB_TIMEOUT_MS);

  async function callAs(caller: CallerName, method: string, call: Call, path = call.path) {
    // Signing out ends the session it is sent with: the staff signs out a fresh one of its own.
    const fresh = call.endsSession && caller === 'otherStaff' ? otherStaffUser : call.endsSession && caller === 'teamStaff' ? teamStaffUser : null;
    const token = fresh ? await session(gw.app, fresh) : tokens[caller];
    return send(gw.app, token, method, call, path);
  }

  /** What a caller may not see: all of commune A for strangers, A's desks' work for A's team. */
  const secretsFor = (caller: CallerName) => (caller === 'teamDevice' || caller === 'teamStaff' ? secretsFromTeam : secretsOfA);

  it('has a case for every route in the route table, and no case for a route that is gone', () => {
    const table = new Set(gw.app.routes.map((r) => `${r.method} ${r.path}`));
    expect(
      [...table].filter((route) => !(route in MATRIX)),
      'routes without a case',
    ).toEqual([]);
    expect(
      Object.keys(MATRIX).filter((route) => !table.has(route)),
      'cases without a route',
    ).toEqual([]);
  });

  it('answers every caller of every route as written, under every spelling of its path, and leaks nothing of commune A', async () => {
    // The administrator last: its calls change things (a staff member disabled, a device revoked).
    const strangers = CALLERS.filter((c) => c !== 'admin');
    // Sign-out last of all: the others keep their sessions until then.
    const ordered = cases().sort((x, y) => Number(x.call(fixture).endsSession ?? false) - Number(y.call(fixture).endsSession ?? false));
    const failures: string[] = [];
    for (const caller of strangers) {
      for (const c of ordered) {
        const call = c.call(fixture);
        const what = `${caller} ${c.method} ${call.path}`;
        const answer = await callAs(caller, c.method, call);
        if (answer.status !== c.expected[caller]) failures.push(`${what}: ${answer.status}, expected ${c.expected[caller]} (${answer.text.slice(0, 120)})`);
        expectNoLeak(secretsFor(caller), what, answer, call);
        for (const spelling of variants(call.path)) {
          const other = await callAs(caller, c.method, call, spelling);
          if (answer.status >= 400 && other.status < 400)
            failures.push(`${caller} ${c.method} ${spelling}: ${other.status} where ${call.path} answered ${answer.status}`);
          expectNoLeak(secretsFor(caller), `${caller} ${c.method} ${spelling}`, other, call);
        }
      }
    }
    expect(failures).toEqual([]);

    // Nothing of A's changed under the strangers' calls.
    await expectAUntouched(gw, fixture);
    expect(b.communeId).not.toBe(fixture.a.communeId);
    // A's team tablet pulls its own submission, and (as the leak check holds) nothing of A's desks.
    expect((await callAs('teamDevice', 'GET', { path: '/api/sync/pull?since=0' })).text).toContain(teamSubmissionId);

    // Bodies are bounded on every route that takes one, before the caller is even looked at.
    for (const c of ordered.filter((x) => !['GET', 'HEAD', 'OPTIONS'].includes(x.method))) {
      const call = c.call(fixture);
      for (const caller of ['anonymous', 'admin'] as const) {
        const res = await gw.app.request(call.path, {
          method: c.method,
          headers: { ...call.headers, ...(caller === 'admin' ? { authorization: `Bearer ${ADMIN_TOKEN}` } : {}), 'content-length': String(1 << 30) },
          body: '{}',
        });
        if (res.status !== 413) failures.push(`${caller} ${c.method} ${call.path} with a 1 GB body: ${res.status}, expected 413`);
      }
    }

    for (const c of ordered) {
      const call = c.call(fixture);
      const answer = await callAs('admin', c.method, call);
      if (answer.status !== c.expected.admin)
        failures.push(`admin ${c.method} ${call.path}: ${answer.status}, expected ${c.expected.admin} (${answer.text.slice(0, 120)})`);
    }
    expect(failures).toEqual([]);
  }, 600_000);
});

// In demo mode, the callers a stranger can be without any secret: anonymous (the demo device),
// a device enrolled with the public code DEMO, the demo officer with the public password. With
// commune A present, every route under every spelling gives them the demo commune or nothing.
describe.each(testDatabaseKinds)('authorization matrix in demo mode on %s', (kind) => {
  const gw = useTestGateway(kind, { demoMode: true, statusPageLimits: MATRIX_STATUS_LIMITS });
  let world: World;
  const tokens: Partial<Record<DemoCallerName, string>> = {};
  const demoSession = () => session(gw.app, DEMO_STAFF.username, undefined, DEMO_STAFF.password);

  beforeAll(async () => {
    await seedDemoAccounts(gw.db);
    world = await buildWorld(gw.app);
    const enrolled = await json(gw.app, 'POST', '/api/devices/enrol', { code: 'DEMO', deviceName: 'Máy dùng thử' });
    expect(enrolled.status).toBe(201);
    const device = (await enrolled.json()) as { deviceToken: string; commune: { id: string } };
    expect(device.commune.id).toBe(demoCommune.id);
    tokens.demoDevice = device.deviceToken;
    tokens.demoStaff = await demoSession();
  }, OPEN_DB_TIMEOUT_MS);

  const expectedFor = (c: Case, caller: DemoCallerName) =>
    c.demo?.[caller] ?? (caller === 'anonymous' ? c.expected.anonymous : caller === 'demoDevice' ? c.expected.otherDevice : c.expected.otherStaff);

  it('answers the demo callers of every route as written, under every spelling, and reaches nothing of commune A', async () => {
    const { fixture, secretsOfA } = world;
    const ordered = cases().sort((x, y) => Number(x.call(fixture).endsSession ?? false) - Number(y.call(fixture).endsSession ?? false));
    const failures: string[] = [];
    for (const caller of DEMO_CALLERS) {
      for (const c of ordered) {
        const call = c.call(fixture);
        const token = call.endsSession && caller === 'demoStaff' ? await demoSession() : tokens[caller];
        const what = `${caller} ${c.method} ${call.path}`;
        const answer = await send(gw.app, token, c.method, call);
        if (answer.status !== expectedFor(c, caller))
          failures.push(`${what}: ${answer.status}, expected ${expectedFor(c, caller)} (${answer.text.slice(0, 120)})`);
        expectNoLeak(secretsOfA, what, answer, call);
        for (const spelling of variants(call.path)) {
          const other = await send(gw.app, call.endsSession && caller === 'demoStaff' ? await demoSession() : token, c.method, call, spelling);
          if (answer.status >= 400 && other.status < 400)
            failures.push(`${caller} ${c.method} ${spelling}: ${other.status} where ${call.path} answered ${answer.status}`);
          expectNoLeak(secretsOfA, `${caller} ${c.method} ${spelling}`, other, call);
        }
      }
    }
    expect(failures).toEqual([]);
    await expectAUntouched(gw, fixture);
    // What the demo callers were given is the demo commune's: its numbers, its devices.
    const blocks = await gw.db.query<{ agency_code: string }>(`select distinct agency_code from code_blocks where day in (${openDays().sql})`, openDays().days);
    expect(blocks.map((b) => b.agency_code)).toEqual([demoCommune.agencyCode]);
    const devices = await gw.db.query<{ commune_id: string }>("select distinct commune_id from devices where name in ('Máy lạ', 'Máy dùng thử')");
    expect(devices.map((d) => d.commune_id)).toEqual([demoCommune.id]);
  }, 600_000);
});

describe('demo mode stays inside the demo commune', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway('pglite', { demoMode: true });
    await seedDemoAccounts(gw.db);
  }, OPEN_DB_TIMEOUT_MS);
  afterAll(async () => gw?.cleanup());

  it('gives anonymous callers, the code DEMO and the demo officer the demo commune and nothing else', async () => {
    const a = await communeWithDevice(gw.app);
    expect(await (await json(gw.app, 'GET', '/api/communes/current')).json()).toMatchObject({ id: demoCommune.id });
    expect((await json(gw.app, 'GET', `/api/communes/${a.communeId}`)).status).toBe(404);
    const blocks = (await (
      await json(gw.app, 'POST', '/api/code-blocks', { communeId: a.communeId, days: reservableDays(new Date()).slice(0, 1), size: 2 })
    ).json()) as { blocks: { agency: string }[] };
    expect(blocks.blocks.map((b) => b.agency)).toEqual([demoCommune.agencyCode]);
    // Sync, files and the rest still need an enrolled device; DEMO enrols only into the demo commune.
    for (const [method, url] of [
      ['GET', '/api/sync/pull?since=0'],
      ['POST', '/api/files/held'],
      ['GET', '/api/auth/me'],
      ['GET', '/api/admin/upward'],
    ] as const) {
      expect((await json(gw.app, method, url, method === 'POST' ? { sha256: ['a'.repeat(64)] } : undefined)).status, url).toBe(401);
    }
    const enrolled = (await (await json(gw.app, 'POST', '/api/devices/enrol', { code: 'DEMO', deviceName: 'Máy thử' })).json()) as {
      commune: { id: string };
      deviceToken: string;
    };
    expect(enrolled.commune.id).toBe(demoCommune.id);
    // The demo officer's public password signs in on no device of a real commune.
    expect((await json(gw.app, 'POST', '/api/auth/sign-in', { username: DEMO_STAFF.username, password: DEMO_STAFF.password }, a.token)).status).toBe(401);
    const demoSession = await json(gw.app, 'POST', '/api/auth/sign-in', { username: DEMO_STAFF.username, password: DEMO_STAFF.password });
    const { token } = (await demoSession.json()) as { token: string };
    expect((await json(gw.app, 'GET', '/api/sync/pull?since=0', undefined, a.token, { 'X-Staff-Token': token })).status).toBe(401);
    const pulled = await (await json(gw.app, 'GET', '/api/sync/pull?since=0', undefined, token)).text();
    expect(pulled).not.toContain(a.communeId);
  });
});
