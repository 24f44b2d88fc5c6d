// Accounts and scope on real databases: the province administrator's bootstrap token, one-time
// enrolment codes, staff sign-in with scrypt and slowed guessing, revocation, and a device of one
// commune never reaching another commune's data (404, so ids tell nothing).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STAFF } from '../seed/demo-accounts';
import {
  ADMIN_TOKEN,
  communeWithDevice,
  createCommune,
  enrolDevice,
  json,
  type TestDevice,
  startTestGateway,
  type TestGateway,
  useTestGateway,
} from '../test/gateway';
import { receiveEntry, transitionEntry } from '../test/dossiers';
import { OPEN_DB_TIMEOUT_MS, testDatabaseKinds } from '../test/test-db';

describe.each(testDatabaseKinds)('accounts and scope on %s', (kind) => {
  const gw = useTestGateway(kind);

  const admin = (method: string, url: string, body?: unknown, token = ADMIN_TOKEN) => json(gw.app, method, url, body, token);

  async function staffIn(communeId: string, username: string, role = 'processingOfficer') {
    const res = await admin('POST', '/api/admin/staff', { communeId, username, fullName: 'Đặng Thị Xử Lý', role, password: 'mat-khau-dai-1' });
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string };
  }
  const signIn = (username: string, password: string, device?: TestDevice) => json(gw.app, 'POST', '/api/auth/sign-in', { username, password }, device?.token);

  it('guards the admin API with the bootstrap token', async () => {
    expect((await admin('POST', '/api/admin/communes', { name: 'X', provinceCode: '15', agencyCode: '000.00.99.H38' }, 'wrong')).status).toBe(401);
    expect((await json(gw.app, 'POST', '/api/admin/enrolment-codes', { communeId: 'demo-ban-mau' })).status).toBe(401);
    const created = await admin('POST', '/api/admin/communes', { id: 'xa-hoa-binh', name: 'Xã Hòa Bình', provinceCode: '15', agencyCode: '000.00.99.H38' });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ id: 'xa-hoa-binh', agencyCode: '000.00.99.H38', officeHours: { hoursPerWorkingDay: 8 } });
    expect((await admin('POST', '/api/admin/communes', { name: 'Trùng', provinceCode: '15', agencyCode: '000.00.99.H38' })).status).toBe(409);
    const bad = await admin('POST', '/api/admin/communes', { name: 'X', provinceCode: '15', agencyCode: 'H38' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toMatch(/mã đơn vị/);
  });

  it('enrols a device once per code, with a short tag unique in its commune', async () => {
    const commune = await createCommune(gw.app);
    const codeRes = await admin('POST', '/api/admin/enrolment-codes', { communeId: commune.id });
    const { code } = (await codeRes.json()) as { code: string };
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const first = await json(gw.app, 'POST', '/api/devices/enrol', { code: code.toLowerCase().replace('-', ' '), deviceName: 'Máy bàn 1' });
    expect(first.status).toBe(201);
    const body = await first.json();
    expect(body).toMatchObject({ deviceId: expect.any(String), deviceToken: expect.stringMatching(/^mcd_/), commune: { id: commune.id } });
    expect(body.deviceShort).toMatch(/^[A-Z0-9]{4,8}$/);
    const again = await json(gw.app, 'POST', '/api/devices/enrol', { code, deviceName: 'Máy bàn 2' });
    expect(again.status).toBe(400);
    expect((await again.json()).message).toMatch(/đã được dùng hoặc đã hết hạn/);
    // Tokens are stored only as hashes.
    const [stored] = await gw.db.query<{ n: number }>('select count(*)::int as n from auth_tokens where token_hash = $1', [body.deviceToken]);
    expect(stored?.n).toBe(0);

    const expired = (await (await admin('POST', '/api/admin/enrolment-codes', { communeId: commune.id })).json()) as { code: string };
    await gw.db.query(`update enrolment_codes set expires_at = now() - interval '1 minute' where used_at is null`);
    expect((await json(gw.app, 'POST', '/api/devices/enrol', { code: expired.code, deviceName: 'Muộn' })).status).toBe(400);
    expect((await json(gw.app, 'POST', '/api/devices/enrol', { code: 'DEMO', deviceName: 'Demo' })).status).toBe(400);

    const shorts = await Promise.all(Array.from({ length: 6 }, () => enrolDevice(gw.app, commune.id)));
    const all = [body.deviceShort, ...shorts.map((d) => d.deviceShort)];
    expect(new Set(all).size).toBe(all.length);
    const listed = await (await admin('GET', `/api/admin/devices?communeId=${commune.id}`)).json();
    expect(listed.devices).toHaveLength(7);
  });

  it('signs staff in with their password, slows guessing, and signs out', async () => {
    const device = await communeWithDevice(gw.app);
    const staff = await staffIn(device.communeId, `xuly.${device.deviceShort.toLowerCase()}`);
    const username = `xuly.${device.deviceShort.toLowerCase()}`;
    const ok = await signIn(username, 'mat-khau-dai-1', device);
    expect(ok.status).toBe(200);
    const session = await ok.json();
    expect(session).toMatchObject({ token: expect.stringMatching(/^mcs_/), staff: { id: staff.id, communeId: device.communeId, role: 'processingOfficer' } });
    const [hash] = await gw.db.query<{ password_hash: string }>('select password_hash from staff where id = $1', [staff.id]);
    expect(hash?.password_hash).toMatch(/^scrypt\$15\$8\$1\$/);

    const me = await json(gw.app, 'GET', '/api/auth/me', undefined, session.token);
    expect(await me.json()).toMatchObject({ communeId: device.communeId, deviceId: null, staff: { id: staff.id } });

    const wrong = await signIn(username, 'sai-mat-khau');
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect((await signIn('khong.co.ai', 'sai-mat-khau')).status).toBe(401);
    // Guesses slow down rather than lock (server/http/sign-in-throttle.test.ts); the officer's own device still signs in.
    for (let i = 0; i < 5; i++) await signIn(username, 'sai-mat-khau');
    expect((await signIn(username, 'mat-khau-dai-1')).status).toBe(429);
    expect((await signIn(username, 'mat-khau-dai-1', device)).status).toBe(200);

    expect((await json(gw.app, 'POST', '/api/auth/sign-out', undefined, session.token)).status).toBe(204);
    expect((await json(gw.app, 'GET', '/api/auth/me', undefined, session.token)).status).toBe(401);
  }, 60_000); // ten scrypt hashes on purpose (each costly by design): ~2.5 s quiet, far more on a busy machine

  it("does not let a device of one commune sign in another commune's staff", async () => {
    const home = await communeWithDevice(gw.app);
    const away = await communeWithDevice(gw.app);
    const username = `nhan.${home.deviceShort.toLowerCase()}`;
    await staffIn(home.communeId, username, 'receptionOfficer');
    expect((await signIn(username, 'mat-khau-dai-1', away)).status).toBe(401);
    expect((await signIn(username, 'mat-khau-dai-1', home)).status).toBe(200);
  });

  it("answers 404 for another commune's dossiers and communes, whatever ids are forged", async () => {
    const a = await communeWithDevice(gw.app);
    const b = await communeWithDevice(gw.app);
    const entry = receiveEntry(a, { code: `TAM-${a.deviceShort}-260302-0001` });
    await json(gw.app, 'POST', '/api/sync/push', { entries: [entry] }, a.token);

    const [attempt] = (
      (await (
        await json(gw.app, 'POST', '/api/sync/push', { entries: [transitionEntry(entry.entityId, 'startProcessing', '2026-03-02T03:00:00Z')] }, b.token)
      ).json()) as {
        results: { status: string; reason: string }[];
      }
    ).results;
    expect(attempt).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^Không tìm thấy hồ sơ/) });
    const [row] = await gw.db.query<{ status: number }>('select status from dossiers where id = $1', [entry.entityId]);
    expect(row?.status).toBe(2);
    // The same id pushed as b's own dossier is refused too, and a's stays a's.
    const clash = { ...receiveEntry(b, { id: entry.entityId, code: `TAM-${b.deviceShort}-260302-0001` }) };
    const [clashed] = ((await (await json(gw.app, 'POST', '/api/sync/push', { entries: [clash] }, b.token)).json()) as { results: { status: string }[] })
      .results;
    expect(clashed?.status).toBe('rejected');

    expect((await json(gw.app, 'GET', `/api/communes/${a.communeId}`, undefined, b.token)).status).toBe(404);
    expect((await json(gw.app, 'GET', `/api/communes/${b.communeId}`, undefined, b.token)).status).toBe(200);
    expect(await (await json(gw.app, 'GET', '/api/communes/current', undefined, b.token)).json()).toMatchObject({ id: b.communeId });
  });

  it('shuts a revoked device out at once, and refuses garbage tokens', async () => {
    const device = await communeWithDevice(gw.app);
    expect((await json(gw.app, 'GET', '/api/sync/pull?since=0', undefined, device.token)).status).toBe(200);
    const revoke = await admin('POST', `/api/admin/devices/${device.deviceId}/revoke`);
    expect(revoke.status).toBe(200);
    for (const [method, url] of [
      ['GET', '/api/sync/pull?since=0'],
      ['POST', '/api/sync/push'],
      ['GET', '/api/communes/current'],
      ['POST', '/api/code-blocks'],
    ] as const) {
      const res = await json(gw.app, method, url, method === 'POST' ? { entries: [] } : undefined, device.token);
      expect(res.status).toBe(401);
    }
    expect((await admin('POST', '/api/admin/devices/no-such-device/revoke')).status).toBe(404);
    for (const token of ['mcd_forged', 'x', `${device.token}x`]) {
      expect((await json(gw.app, 'GET', '/api/communes/current', undefined, token)).status).toBe(401);
    }
  });

  it('records the signed-in officer (X-Staff-Token) as who acted, and refuses a foreign one', async () => {
    const device = await communeWithDevice(gw.app);
    const foreign = await communeWithDevice(gw.app);
    const username = `canbo.${device.deviceShort.toLowerCase()}`;
    const staff = await staffIn(device.communeId, username);
    const session = await (await signIn(username, 'mat-khau-dai-1', device)).json();
    const entry = receiveEntry(device, { code: `TAM-${device.deviceShort}-260302-0001` });
    await json(gw.app, 'POST', '/api/sync/push', { entries: [entry] }, device.token);
    const move = transitionEntry(entry.entityId, 'startProcessing', '2026-03-02T03:00:00Z');
    move.payload.actor.id = staff.id;
    const res = await json(gw.app, 'POST', '/api/sync/push', { entries: [move] }, device.token, { 'X-Staff-Token': session.token });
    expect((await res.json()).results[0].status).toBe('accepted');
    const [row] = await gw.db.query<{
      changed_by_staff: string;
      changed_by_name: string;
      data: { data: { state: { log: { who: string; whoId: string }[] } } };
    }>('select changed_by_staff, changed_by_name, data from dossiers where id = $1', [entry.entityId]);
    expect(row).toMatchObject({ changed_by_staff: staff.id, changed_by_name: 'Đặng Thị Xử Lý' });
    expect(row?.data.data.state.log.at(-1)).toMatchObject({ who: 'Đặng Thị Xử Lý', whoId: staff.id });

    const otherUser = `canbo.${foreign.deviceShort.toLowerCase()}`;
    await staffIn(foreign.communeId, otherUser);
    const otherSession = await (await signIn(otherUser, 'mat-khau-dai-1', foreign)).json();
    const refused = await json(gw.app, 'POST', '/api/sync/push', { entries: [] }, device.token, { 'X-Staff-Token': otherSession.token });
    expect(refused.status).toBe(401);
    // A staff token alone may read, but only a device pushes.
    expect((await json(gw.app, 'GET', '/api/sync/pull?since=0', undefined, session.token)).status).toBe(200);
    expect((await json(gw.app, 'POST', '/api/sync/push', { entries: [] }, session.token)).status).toBe(403);
  });
});

describe('demo mode', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway('pglite', { demoMode: true, now: () => new Date('2026-11-23T03:00:00Z') });
    const { seedDemoAccounts } = await import('../seed/demo-accounts');
    await seedDemoAccounts(gw.db);
  }, OPEN_DB_TIMEOUT_MS);
  afterAll(async () => gw?.cleanup());

  it('serves the demo commune and code blocks to requests without a token, as the demo device', async () => {
    const commune = await (await json(gw.app, 'GET', '/api/communes/current')).json();
    expect(commune).toMatchObject({ id: 'demo-ban-mau', agencyCode: '000.00.12.H38' });
    const blocks = await (
      await json(gw.app, 'POST', '/api/code-blocks', { communeId: 'ignored', deviceId: 'ignored-device', days: ['261123'], size: 3 })
    ).json();
    expect(blocks.blocks).toEqual([{ agency: '000.00.12.H38', day: '261123', from: 1, to: 3 }]);
    const [row] = await gw.db.query<{ device_id: string }>(`select device_id from code_blocks where day = '261123'`);
    expect(row?.device_id).toBe('demo-device');
  });

  it('still needs a real device for sync, enrols with the demo code, and has a demo staff account', async () => {
    expect((await json(gw.app, 'POST', '/api/sync/push', { entries: [] })).status).toBe(401);
    expect((await json(gw.app, 'GET', '/api/sync/pull?since=0')).status).toBe(401);
    const enrolled = await json(gw.app, 'POST', '/api/devices/enrol', { code: 'demo', deviceName: 'Máy thử' });
    expect(enrolled.status).toBe(201);
    const device = await enrolled.json();
    expect(device.commune.id).toBe('demo-ban-mau');
    expect((await json(gw.app, 'POST', '/api/devices/enrol', { code: 'DEMO', deviceName: 'Máy thử 2' })).status).toBe(201);
    const signedIn = await json(gw.app, 'POST', '/api/auth/sign-in', { username: DEMO_STAFF.username, password: DEMO_STAFF.password }, device.deviceToken);
    expect(signedIn.status).toBe(200);
    // A bad token is still refused: demo mode only covers requests with no Authorization at all.
    expect((await json(gw.app, 'GET', '/api/communes/current', undefined, 'mcd_bad')).status).toBe(401);
  });
});
