// Sign-in throttling on real databases: guesses slow down per account and per address with
// growing waits (429 and Retry-After), never a lock a stranger can set on an officer: the
// officer's own enrolled device still signs in. Unknown and known account names answer alike.
import { describe, expect, it } from 'vitest';
import { FIRST_WAIT_SECONDS, waitAfter } from '../auth/sign-in-throttle';
import { ADMIN_TOKEN, communeWithDevice, json, type TestDevice, useTestGateway } from '../test/gateway';
import { testDatabaseKinds } from '../test/test-db';

describe('the wait after each failure', () => {
  it('is none for the free failures, then doubles up to the cap', () => {
    const key = { free: 5, maxWaitSeconds: 300 };
    expect([1, 5, 6, 7, 8, 9, 10, 50, 10_000].map((n) => waitAfter(n, key))).toEqual([0, 0, 30, 60, 120, 240, 300, 300, 300]);
    expect(FIRST_WAIT_SECONDS).toBe(30);
  });
});

describe.each(testDatabaseKinds)('sign-in throttling on %s', (kind) => {
  const gw = useTestGateway(kind);
  const PASSWORD = 'mat-khau-dai-1';
  /** Every try runs scrypt (about 0.1 s, more on a busy machine): tests of many tries need time. */
  const SLOW = 180_000;

  /** A sign-in from a network address (the socket's, as @hono/node-server gives it), optionally on an enrolled device. */
  const signIn = (username: string, password: string, from: { address?: string; device?: TestDevice } = {}) =>
    gw.app.request(
      '/api/auth/sign-in',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(from.device ? { authorization: `Bearer ${from.device.token}` } : {}) },
        body: JSON.stringify({ username, password }),
      },
      { incoming: { socket: { remoteAddress: from.address ?? '203.0.113.1' } } },
    );
  /** The answer with its seconds left out: they tick while a busy test runs. */
  const answer = async (res: Response) => ({
    status: res.status,
    waits: res.headers.has('retry-after'),
    body: JSON.parse((await res.text()).replace(/\d+ giây/g, 'N giây').replace(/"retryAfterSeconds":\d+/, '"retryAfterSeconds":"N"')) as unknown,
  });

  let serial = 0;
  async function officer(device: TestDevice) {
    serial += 1;
    const username = `canbo.${serial}.${device.deviceShort.toLowerCase()}`;
    const res = await json(
      gw.app,
      'POST',
      '/api/admin/staff',
      { communeId: device.communeId, username, fullName: 'Vi Thị Cán Bộ', role: 'receptionOfficer', password: PASSWORD },
      ADMIN_TOKEN,
    );
    expect(res.status).toBe(201);
    return username;
  }
  /** As if the wait had passed: the throttle's clock is the database's. */
  const waitPassed = () => gw.db.query(`update sign_in_throttle set blocked_until = now() - interval '1 second'`);

  it(
    'answers a known and an unknown account alike, failure after failure, and never with 423',
    async () => {
      const device = await communeWithDevice(gw.app);
      const known = await officer(device);
      const unknown = `khong.co.${serial}`;
      const seen: { known: unknown[]; unknown: unknown[] } = { known: [], unknown: [] };
      for (let i = 0; i < 7; i++) {
        seen.known.push(await answer(await signIn(known, 'sai-mat-khau', { address: '198.51.100.1' })));
        seen.unknown.push(await answer(await signIn(unknown, 'sai-mat-khau', { address: '198.51.100.2' })));
      }
      expect(seen.known).toEqual(seen.unknown);
      // Five free failures, a sixth that sets the first wait, then waiting.
      expect(seen.known.map((a) => (a as { status: number }).status)).toEqual([401, 401, 401, 401, 401, 401, 429]);
      expect(seen.known[0]).toEqual({ status: 401, waits: false, body: { error: 'unauthorized', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' } });
      expect(seen.known[6]).toEqual({
        status: 429,
        waits: true,
        body: {
          error: 'throttled',
          message: 'Đăng nhập sai nhiều lần. Vui lòng thử lại sau N giây, hoặc đăng nhập trên thiết bị đã kích hoạt của xã.',
          retryAfterSeconds: 'N',
        },
      });
      // While the account waits, even the right password is not checked: the answer tells nothing.
      expect(await answer(await signIn(known, PASSWORD, { address: '198.51.100.3' }))).toMatchObject({ status: 429 });
    },
    SLOW,
  );

  it(
    'lets the officer sign in on their own enrolled device while a stranger guesses from elsewhere',
    async () => {
      const device = await communeWithDevice(gw.app);
      const username = await officer(device);
      for (let i = 0; i < 12; i++) await signIn(username, `doan-${i}`, { address: `192.0.2.${i}` });
      expect((await signIn(username, PASSWORD, { address: '192.0.2.200' })).status).toBe(429);
      const own = await signIn(username, PASSWORD, { device, address: '192.0.2.1' });
      expect(own.status).toBe(200);
      expect(await own.json()).toMatchObject({ token: expect.stringMatching(/^mcs_/) });
    },
    SLOW,
  );

  it(
    'makes each further failure wait longer, and a success clears the account',
    async () => {
      const device = await communeWithDevice(gw.app);
      const username = await officer(device);
      const statuses: number[] = [];
      const waits: number[] = [];
      for (let i = 0; i < 9; i++) {
        const res = await signIn(username, 'sai', { address: `100.64.0.${i}` });
        statuses.push(res.status);
        if (res.status === 429) {
          waits.push(Number(res.headers.get('retry-after')));
          await waitPassed();
        }
      }
      // Five free failures, the sixth sets 30 s; once it is over, the next failure sets 60 s.
      expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429, 401, 429]);
      expect(waits[0]).toBeGreaterThan(FIRST_WAIT_SECONDS - 5);
      expect(waits[0]).toBeLessThanOrEqual(FIRST_WAIT_SECONDS);
      expect(waits[1]).toBeGreaterThan(2 * FIRST_WAIT_SECONDS - 5);
      expect(waits[1]).toBeLessThanOrEqual(2 * FIRST_WAIT_SECONDS);
      await waitPassed();
      expect((await signIn(username, PASSWORD, { address: '100.64.1.1' })).status).toBe(200);
      // A fresh start: five typos allowed again.
      for (let i = 0; i < 5; i++) expect((await signIn(username, 'sai', { address: '100.64.1.1' })).status).toBe(401);
    },
    SLOW,
  );

  it(
    'slows one address guessing many accounts, and only that address',
    async () => {
      const device = await communeWithDevice(gw.app);
      const target = await officer(device);
      for (let i = 0; i < 20; i++) expect((await signIn(`thu.${serial}.${i}`, 'sai', { address: '233.252.0.9' })).status).toBe(401);
      const blocked = await signIn(`thu.${serial}.21`, 'sai', { address: '233.252.0.9' });
      expect(blocked.status).toBe(401); // the 21st failure sets the wait
      expect((await signIn(target, PASSWORD, { address: '233.252.0.9' })).status).toBe(429);
      expect((await signIn(target, PASSWORD, { address: '233.252.0.10' })).status).toBe(200);
    },
    SLOW,
  );

  it(
    'slows guessing from an enrolled device too (a stolen device token), per account',
    async () => {
      const device = await communeWithDevice(gw.app);
      const username = await officer(device);
      for (let i = 0; i < 5; i++) expect((await signIn(username, 'sai', { device })).status).toBe(401);
      expect((await signIn(username, 'sai', { device })).status).toBe(401);
      expect((await signIn(username, PASSWORD, { device })).status).toBe(429);
    },
    SLOW,
  );
});
