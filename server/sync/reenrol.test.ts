// A desk that received dossiers under one identity and pushes them under another: numbers taken
// from the demo device's blocks (trying the app before enrolling) or from a revoked device's
// blocks (enrolled again) are accepted once; numbers of a live device still belong to it alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, json, pushEntries, startTestGateway, type TestDevice, type TestGateway } from '../test/gateway';
import { receiveEntry } from '../test/dossiers';
import { OPEN_DB_TIMEOUT_MS, testDatabaseKinds } from '../test/test-db';
import { seedDemoAccounts } from '../seed/demo-accounts';

describe.each(testDatabaseKinds)('official codes across enrolments on %s', (kind) => {
  let gw: TestGateway;
  beforeAll(async () => {
    // Numbers are handed out for today and tomorrow only: 2 and 3 March 2026 here.
    gw = await startTestGateway(kind, { demoMode: true, now: () => new Date('2026-03-02T03:00:00Z') });
    await seedDemoAccounts(gw.db);
  }, OPEN_DB_TIMEOUT_MS);
  afterAll(async () => gw?.cleanup());

  const push = (device: TestDevice, entries: unknown[]) => pushEntries(gw.app, device, entries);
  const enrolDemo = async (name: string): Promise<TestDevice> => {
    const body = (await (await json(gw.app, 'POST', '/api/devices/enrol', { code: 'DEMO', deviceName: name })).json()) as {
      deviceId: string;
      deviceToken: string;
      deviceShort: string;
      commune: { id: string; agencyCode: string };
    };
    return { communeId: body.commune.id, agencyCode: body.commune.agencyCode, deviceId: body.deviceId, deviceShort: body.deviceShort, token: body.deviceToken };
  };
  const reserve = async (token: string | undefined, day: string) =>
    ((await (await json(gw.app, 'POST', '/api/code-blocks', { days: [day], size: 2 }, token)).json()) as { blocks: { from: number }[] }).blocks[0]!.from;
  const code = (device: TestDevice, day: string, n: number) => `${device.agencyCode}-${day}-${String(n).padStart(4, '0')}`;

  it('takes a number the demo device reserved before the desk enrolled, once', async () => {
    const first = await reserve(undefined, '260302'); // no token: the demo device
    const desk = await enrolDemo('Máy bàn 1');
    const [accepted] = await push(desk, [receiveEntry(desk, { code: code(desk, '260302', first) })]);
    expect(accepted).toMatchObject({ status: 'accepted' });
    const [again] = await push(desk, [receiveEntry(desk, { code: code(desk, '260302', first) })]);
    expect(again).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/trùng/) });
  });

  it("takes a revoked identity's numbers from the desk enrolled again, never a live device's", async () => {
    const old = await enrolDemo('Máy bàn 2');
    const oldFirst = await reserve(old.token, '260303');
    const neighbour = await enrolDemo('Máy bàn 3');
    const neighbourFirst = await reserve(neighbour.token, '260303');
    expect((await json(gw.app, 'POST', `/api/admin/devices/${old.deviceId}/revoke`, {}, ADMIN_TOKEN)).status).toBe(200);
    const renewed = await enrolDemo('Máy bàn 2 (kích hoạt lại)');
    const results = await push(renewed, [
      receiveEntry(renewed, { code: code(renewed, '260303', oldFirst), receivedAt: new Date('2026-03-03T02:30:00Z') }),
      receiveEntry(renewed, { code: code(renewed, '260303', neighbourFirst), receivedAt: new Date('2026-03-03T02:30:00Z') }),
    ]);
    expect(results[0]).toMatchObject({ status: 'accepted' });
    expect(results[1]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/không thuộc dải số/) });
  });
});
