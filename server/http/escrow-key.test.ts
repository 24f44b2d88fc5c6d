// The escrow key route on real databases (issue 13): a device with an officer's fresh password
// sign-in on it gets its own key, 32 bytes, the same every time and another for each device;
// every other caller (no device, no officer, an officer signed in elsewhere or too long ago, a
// revoked device, the administrator) is refused with a reason and gets no key made. Demo mode
// too: the demo device with a demo session signed in without a device.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../auth/tokens';
import { createLogger } from '../log';
import { createApp } from './app';
import { DEMO_STAFF, seedDemoAccounts } from '../seed/demo-accounts';
import { ADMIN_TOKEN, communeWithDevice, enrolDevice, json, signedInStaff, type TestDevice, useTestGateway } from '../test/gateway';
import { OPEN_DB_TIMEOUT_MS, testDatabaseKinds } from '../test/test-db';

const URL = '/api/devices/escrow-key';
const PASSWORD = 'mat-khau-dai-1';
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter += 1)}`;

interface Answer {
  status: number;
  body: { key?: string; error?: string; message?: string };
  cacheControl: string | null;
}

describe.each(testDatabaseKinds)('the escrow key on %s', (kind) => {
  const gw = useTestGateway(kind);

  async function ask(token: string | undefined, staffToken?: string, body?: unknown): Promise<Answer> {
    const res = await json(gw.app, 'POST', URL, body, token, staffToken === undefined ? {} : { 'X-Staff-Token': staffToken });
    return { status: res.status, body: (await res.json()) as Answer['body'], cacheControl: res.headers.get('cache-control') };
  }
  /** A new officer of the device's commune, signed in on `on` (a device), or without any device. */
  async function officer(device: TestDevice, on: TestDevice | null = device): Promise<string> {
    if (on) return (await signedInStaff(gw.app, on, { fullName: 'Lò Thị Mai', role: 'receptionOfficer', username: `ky.${unique()}` })).token;
    const username = `ky.${unique()}`;
    const made = await json(
      gw.app,
      'POST',
      '/api/admin/staff',
      { communeId: device.communeId, username, fullName: 'Vi Văn Xa', role: 'leader', password: PASSWORD },
      ADMIN_TOKEN,
    );
    expect(made.status).toBe(201);
    return ((await (await json(gw.app, 'POST', '/api/auth/sign-in', { username, password: PASSWORD })).json()) as { token: string }).token;
  }
  const keysOf = async (deviceId: string) =>
    (await gw.db.query<{ n: number }>('select count(*)::int as n from device_escrow where device_id = $1', [deviceId]))[0]?.n;
  /** The session as if the password had been given `minutes` ago. */
  const signedInAgo = (token: string, minutes: number) =>
    gw.db.query(`update auth_tokens set created_at = now() - make_interval(mins => $2::int) where token_hash = $1`, [hashSecret(token), minutes]);

  it('answers plainly, and loses no key, when the gateway runs with another escrow secret', async () => {
    const a = await communeWithDevice(gw.app);
    const onA = await officer(a);
    const first = await ask(a.token, onA);
    expect(first.status).toBe(200);
    const other = createApp({ db: gw.db, log: createLogger('silent'), staticDir: '/nonexistent', dataDir: gw.dataDir, escrowSecret: randomBytes(32) });
    const res = await json(other, 'POST', URL, undefined, a.token, { 'X-Staff-Token': onA });
    expect(res.status).toBe(500);
    const body = (await res.json()) as Answer['body'];
    expect(body.error).toBe('escrow_secret_mismatch');
    expect(body.key).toBeUndefined();
    // Back on the gateway's own secret: the same key as before.
    expect((await ask(a.token, onA)).body.key).toBe(first.body.key);
  });

  it('hands the device its own key with a fresh sign-in on it: 32 bytes, the same every time, another for each device', async () => {
    const a = await communeWithDevice(gw.app);
    const b = await enrolDevice(gw.app, a.communeId, 'Máy quầy 2');
    const onA = await officer(a);
    const first = await ask(a.token, onA);
    expect(first.status).toBe(200);
    expect(first.cacheControl).toBe('no-store');
    expect(Object.keys(first.body)).toEqual(['key']);
    expect(first.body.key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(first.body.key!, 'base64url')).toHaveLength(32);
    // Again, with `{}` as body, by another officer signed in on A: the same key.
    expect((await ask(a.token, onA, {})).body.key).toBe(first.body.key);
    expect((await ask(a.token, await officer(a), {})).body.key).toBe(first.body.key);
    expect(await keysOf(a.deviceId)).toBe(1);
    const ofB = await ask(b.token, await officer(b));
    expect(ofB.status).toBe(200);
    expect(Buffer.from(ofB.body.key!, 'base64url')).toHaveLength(32);
    expect(ofB.body.key).not.toBe(first.body.key);
    // Nine minutes after the password it still answers.
    await signedInAgo(onA, 9);
    expect((await ask(a.token, onA)).body.key).toBe(first.body.key);
  });

  it('refuses every other caller with a reason, and makes no key for them', async () => {
    const a = await communeWithDevice(gw.app);
    const sibling = await enrolDevice(gw.app, a.communeId, 'Máy bên cạnh');
    const stranger = await communeWithDevice(gw.app);
    const revoked = await enrolDevice(gw.app, a.communeId, 'Máy bị mất');
    const onA = await officer(a);
    const onSibling = await officer(a, sibling);
    const onNoDevice = await officer(a, null);
    const onStranger = await officer(stranger);
    const stale = await officer(a);
    await signedInAgo(stale, 11);
    const signedOut = await officer(a);
    expect((await json(gw.app, 'POST', '/api/auth/sign-out', undefined, signedOut)).status).toBe(204);
    const onRevoked = await officer(revoked);
    expect((await json(gw.app, 'POST', `/api/admin/devices/${revoked.deviceId}/revoke`, undefined, ADMIN_TOKEN)).status).toBe(200);

    const cases: [string, () => Promise<Answer>, number, string][] = [
      ['anonymous', () => ask(undefined), 401, 'unauthorized'],
      ['a device with no officer', () => ask(a.token), 403, 'staff_sign_in_required'],
      ['a staff token alone', () => ask(onA), 403, 'device_required'],
      ['a staff token alone, naming itself as officer too', () => ask(onA, onA), 403, 'device_required'],
      ['an officer signed in on another device of the commune', () => ask(a.token, onSibling), 401, 'unauthorized'],
      ['an officer signed in without a device', () => ask(a.token, onNoDevice), 401, 'unauthorized'],
      ["another commune's officer", () => ask(a.token, onStranger), 401, 'unauthorized'],
      ['a session signed in eleven minutes ago', () => ask(a.token, stale), 403, 'fresh_sign_in_required'],
      ['a signed-out session', () => ask(a.token, signedOut), 401, 'unauthorized'],
      ['a made-up session', () => ask(a.token, 'mcs_made-up'), 401, 'unauthorized'],
      ['a revoked device with its officer', () => ask(revoked.token, onRevoked), 401, 'unauthorized'],
      ['the administrator', () => ask(ADMIN_TOKEN), 401, 'unauthorized'],
      ['the administrator with an officer of A', () => ask(ADMIN_TOKEN, onA), 401, 'unauthorized'],
      ['a body with a field', () => ask(a.token, onA, { deviceId: sibling.deviceId }), 400, 'bad_request'],
      ['a body that is not JSON', () => ask(a.token, onA, 'key please'), 400, 'bad_json'],
      ['a body that is not an object', () => ask(a.token, onA, [1]), 400, 'bad_request'],
    ];
    for (const [who, answer, status, error] of cases) {
      const { status: got, body } = await answer();
      expect({ who, status: got, error: body.error }).toEqual({ who, status, error });
      expect(body.message, who).toMatch(/[à-ỹ]/);
      expect(body.key, who).toBeUndefined();
    }
    expect((await ask(a.token, stale)).body.message).toMatch(/quá 10 phút.*đăng nhập lại bằng mật khẩu/);
    for (const device of [a, sibling, stranger, revoked]) expect(await keysOf(device.deviceId)).toBe(0);
    // The refusals used nothing up: A's officer, fresh, gets the key.
    expect((await ask(a.token, onA)).status).toBe(200);
  });
});

describe.each(testDatabaseKinds)('the escrow key in demo mode on %s', (kind) => {
  const gw = useTestGateway(kind, { demoMode: true });
  beforeAll(async () => {
    await seedDemoAccounts(gw.db);
  }, OPEN_DB_TIMEOUT_MS);

  const signIn = async (deviceToken?: string) =>
    (
      (await (await json(gw.app, 'POST', '/api/auth/sign-in', { username: DEMO_STAFF.username, password: DEMO_STAFF.password }, deviceToken)).json()) as {
        token: string;
      }
    ).token;
  const ask = async (token: string | undefined, staffToken?: string) => {
    const res = await json(gw.app, 'POST', URL, undefined, token, staffToken === undefined ? {} : { 'X-Staff-Token': staffToken });
    return { status: res.status, body: (await res.json()) as { key?: string; error?: string } };
  };

  it('gives the demo device its key with a fresh demo sign-in made without a device, and an enrolled device its own', async () => {
    const deviceless = await signIn();
    const demo = await ask(undefined, deviceless);
    expect(demo.status).toBe(200);
    expect(Buffer.from(demo.body.key!, 'base64url')).toHaveLength(32);
    expect((await ask(undefined, deviceless)).body.key).toBe(demo.body.key);
    expect((await gw.db.query('select device_id from device_escrow')).map((r) => (r as { device_id: string }).device_id)).toEqual(['demo-device']);

    const enrolled = (await (await json(gw.app, 'POST', '/api/devices/enrol', { code: 'DEMO', deviceName: 'Máy dùng thử' })).json()) as {
      deviceToken: string;
    };
    const onEnrolled = await signIn(enrolled.deviceToken);
    const own = await ask(enrolled.deviceToken, onEnrolled);
    expect(own.status).toBe(200);
    expect(own.body.key).not.toBe(demo.body.key);

    // The demo device alone, with a session of an enrolled device, or with an old one: refused.
    expect(await ask(undefined)).toMatchObject({ status: 403, body: { error: 'staff_sign_in_required' } });
    expect(await ask(undefined, onEnrolled)).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
    expect(await ask(enrolled.deviceToken, deviceless)).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
    expect(await ask(deviceless)).toMatchObject({ status: 403, body: { error: 'device_required' } });
    await gw.db.query(`update auth_tokens set created_at = now() - interval '11 minutes' where token_hash = $1`, [hashSecret(deviceless)]);
    expect(await ask(undefined, deviceless)).toMatchObject({ status: 403, body: { error: 'fresh_sign_in_required' } });
  });
});
