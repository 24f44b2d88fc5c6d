// Ending staff sessions on real databases: revoking a device ends the sessions of staff who signed
// in on it; the province administrator can end all of a staff member's sessions (the account
// stays) or disable the account (no sign-in from then on, every session ended).
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, communeWithDevice, json, type TestDevice, useTestGateway } from '../test/gateway';
import { testDatabaseKinds } from '../test/test-db';

const PASSWORD = 'mat-khau-dai-1';

describe.each(testDatabaseKinds)('staff sessions on %s', (kind) => {
  const gw = useTestGateway(kind);

  const admin = (method: string, url: string, body?: unknown, token = ADMIN_TOKEN) => json(gw.app, method, url, body, token);
  async function staffIn(device: TestDevice) {
    const username = `canbo.${device.deviceShort.toLowerCase()}`;
    const res = await admin('POST', '/api/admin/staff', {
      communeId: device.communeId,
      username,
      fullName: 'Lò Thị Mai',
      role: 'receptionOfficer',
      password: PASSWORD,
    });
    expect(res.status).toBe(201);
    return { ...((await res.json()) as { id: string }), username };
  }
  const signIn = async (username: string, device?: TestDevice) => {
    const res = await json(gw.app, 'POST', '/api/auth/sign-in', { username, password: PASSWORD }, device?.token);
    return { status: res.status, token: res.status === 200 ? ((await res.json()) as { token: string }).token : '' };
  };
  const me = async (token: string) => (await json(gw.app, 'GET', '/api/auth/me', undefined, token)).status;
  const withOfficer = async (device: TestDevice, staffToken: string) =>
    (await json(gw.app, 'GET', '/api/auth/me', undefined, device.token, { 'X-Staff-Token': staffToken })).status;

  it('ends the sessions signed in on a device when the device is revoked, and only those', async () => {
    const device = await communeWithDevice(gw.app);
    const staff = await staffIn(device);
    const onDevice = await signIn(staff.username, device);
    const elsewhere = await signIn(staff.username);
    expect(await me(onDevice.token)).toBe(200);
    expect(await withOfficer(device, onDevice.token)).toBe(200);
    expect((await admin('POST', `/api/admin/devices/${device.deviceId}/revoke`)).status).toBe(200);
    expect(await me(onDevice.token)).toBe(401);
    // The session opened on another machine was not on the lost device.
    expect(await me(elsewhere.token)).toBe(200);
  });

  it('ends every session of a staff member on request, and the account still signs in afterwards', async () => {
    const device = await communeWithDevice(gw.app);
    const staff = await staffIn(device);
    const sessions = [await signIn(staff.username, device), await signIn(staff.username)];
    const neighbour = await staffIn(await communeWithDevice(gw.app));
    const other = await signIn(neighbour.username);
    const res = await admin('POST', `/api/admin/staff/${staff.id}/revoke-sessions`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: staff.id, revoked: 2 });
    for (const s of sessions) expect(await me(s.token)).toBe(401);
    expect(await withOfficer(device, sessions[0]!.token)).toBe(401);
    expect(await me(other.token)).toBe(200);
    const again = await signIn(staff.username, device);
    expect(again.status).toBe(200);
    expect(await me(again.token)).toBe(200);
  });

  it('disables a staff member: sessions end and sign-in is refused from then on', async () => {
    const device = await communeWithDevice(gw.app);
    const staff = await staffIn(device);
    const session = await signIn(staff.username, device);
    const res = await admin('POST', `/api/admin/staff/${staff.id}/disable`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: staff.id, disabled: true });
    expect(await me(session.token)).toBe(401);
    expect((await signIn(staff.username, device)).status).toBe(401);
    expect((await signIn(staff.username)).status).toBe(401);
    // Disabling twice is no error; the date of the first stays.
    expect((await admin('POST', `/api/admin/staff/${staff.id}/disable`)).status).toBe(200);
  });

  it('keeps these routes for the administrator, and answers 404 for a staff member who does not exist', async () => {
    const device = await communeWithDevice(gw.app);
    const staff = await staffIn(device);
    const session = await signIn(staff.username, device);
    for (const action of ['disable', 'revoke-sessions']) {
      expect((await admin('POST', `/api/admin/staff/no-such-staff/${action}`)).status).toBe(404);
      for (const token of [undefined, device.token, session.token, 'wrong']) {
        expect((await json(gw.app, 'POST', `/api/admin/staff/${staff.id}/${action}`, undefined, token)).status).toBe(401);
      }
    }
    expect(await me(session.token)).toBe(200);
  });
});
