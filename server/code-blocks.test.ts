// Dossier-number blocks on real databases: never the same number twice, the commune and device
// taken from the device's token (never from the body), and a hostile body changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCommune } from './seed/demo';
import { createCommune, enrolDevice, json, startTestGateway, type TestDevice, type TestGateway } from './test/gateway';
import { OPEN_DB_TIMEOUT_MS, testDatabaseKinds } from './test/test-db';

describe.each(testDatabaseKinds)('POST /api/code-blocks on %s', (kind) => {
  let gw: TestGateway;
  let a: TestDevice;
  let b: TestDevice;
  beforeAll(async () => {
    gw = await startTestGateway(kind);
    a = await enrolDevice(gw.app, demoCommune.id, 'Máy A');
    b = await enrolDevice(gw.app, demoCommune.id, 'Máy B');
  }, OPEN_DB_TIMEOUT_MS);
  afterAll(async () => gw?.cleanup());

  const ask = (body: unknown, device?: TestDevice) => json(gw.app, 'POST', '/api/code-blocks', body, device?.token);

  it('hands two devices disjoint blocks for the same day, in order, recorded against each device', async () => {
    const first = await (await ask({ days: ['261123'], size: 20 }, a)).json();
    const second = await (await ask({ days: ['261123', '261124'], size: 5 }, b)).json();
    expect(first.blocks).toEqual([{ agency: demoCommune.agencyCode, day: '261123', from: 1, to: 20 }]);
    expect(second.blocks).toEqual([
      { agency: demoCommune.agencyCode, day: '261123', from: 21, to: 25 },
      { agency: demoCommune.agencyCode, day: '261124', from: 1, to: 5 },
    ]);
    const owners = await gw.db.query<{ device_id: string }>(`select device_id from code_blocks where day = '261123' order by first_sequence`);
    expect(owners.map((o) => o.device_id)).toEqual([a.deviceId, b.deviceId]);
  });

  it('never passes 9999 in a day, and says nothing is left', async () => {
    await gw.db.query(`insert into code_counters values ($1, '261130', 9990)`, [demoCommune.agencyCode]);
    const first = await (await ask({ days: ['261130'], size: 50 }, a)).json();
    expect(first.blocks).toEqual([{ agency: demoCommune.agencyCode, day: '261130', from: 9990, to: 9999 }]);
    const second = await (await ask({ days: ['261130'], size: 50 }, a)).json();
    expect(second.blocks).toEqual([]);
  });

  it('takes the commune and device from the token, whatever the body claims', async () => {
    const other = await createCommune(gw.app);
    const res = await ask({ communeId: other.id, deviceId: 'device-forged', days: ['261201'], size: 2 }, a);
    expect((await res.json()).blocks).toEqual([{ agency: demoCommune.agencyCode, day: '261201', from: 1, to: 2 }]);
    const [row] = await gw.db.query<{ device_id: string }>(`select device_id from code_blocks where day = '261201'`);
    expect(row?.device_id).toBe(a.deviceId);
  });

  it('refuses malformed and hostile bodies with 400 and writes nothing', async () => {
    const before = await gw.db.query<{ n: number }>('select count(*)::int as n from code_blocks');
    for (const body of [null, 'x', {}, { days: ["261123'; drop table communes;--"], size: 1 }, { days: ['261123'], size: 100000 }, { days: [], size: 1 }]) {
      const res = await ask(body, a);
      expect(res.status).toBe(400);
      expect((await res.json()).message).toMatch(/không hợp lệ/);
    }
    const raw = await gw.app.request('/api/code-blocks', { method: 'POST', body: '{"not json', headers: { authorization: `Bearer ${a.token}` } });
    expect(raw.status).toBe(400);
    const after = await gw.db.query<{ n: number }>('select count(*)::int as n from code_blocks');
    expect(after).toEqual(before);
  });

  it('answers 401 without a token (demo mode off) or with a revoked one', async () => {
    expect((await ask({ days: ['261123'], size: 1 })).status).toBe(401);
    const revoked = await enrolDevice(gw.app, demoCommune.id, 'Máy bị thu hồi');
    await json(gw.app, 'POST', `/api/admin/devices/${revoked.deviceId}/revoke`, undefined, 'test-admin-token-0123456789');
    expect((await ask({ days: ['261123'], size: 1 }, revoked)).status).toBe(401);
  });
});
