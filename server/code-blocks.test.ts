// Dossier-number blocks on real databases: never the same number twice, the commune and device
// taken from the device's token (never from the body), only today and tomorrow (Vietnam) and real
// dates, a daily quota per device that the answer counts down, and a hostile body changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAILY_QUOTA_PER_DEVICE, isDayKey, reservableDays } from './code-blocks';
import { demoCommune } from './seed/demo';
import { createCommune, enrolDevice, json, startTestGateway, type TestDevice, type TestGateway } from './test/gateway';
import { OPEN_DB_TIMEOUT_MS, testDatabaseKinds } from './test/test-db';

describe('the days a device may ask numbers for', () => {
  it('are today and tomorrow on the Vietnamese calendar, whatever the UTC date', () => {
    expect(reservableDays(new Date('2026-11-23T03:00:00Z'))).toEqual(['261123', '261124']);
    // 23:30 UTC on the 23rd is already 06:30 on the 24th in Vietnam.
    expect(reservableDays(new Date('2026-11-23T23:30:00Z'))).toEqual(['261124', '261125']);
    expect(reservableDays(new Date('2026-12-31T16:59:00Z'))).toEqual(['261231', '270101']);
    expect(reservableDays(new Date('2028-02-28T17:00:00Z'))).toEqual(['280229', '280301']);
  });

  it('must be real dates', () => {
    expect(['261123', '280229', '991231'].every(isDayKey)).toBe(true);
    expect(['999999', '260230', '270229', '261301', '261100', '26112', '2611234', '26112a', '２６１１２３'].some(isDayKey)).toBe(false);
  });
});

interface Answer {
  blocks: { agency: string; day: string; from: number; to: number }[];
  remaining: Record<string, number>;
  days: string[];
}
const numbersIn = (answers: Answer[]) => answers.flatMap((x) => x.blocks).reduce((n, x) => n + x.to - x.from + 1, 0);

describe.each(testDatabaseKinds)('POST /api/code-blocks on %s', (kind) => {
  let gw: TestGateway;
  let a: TestDevice;
  let b: TestDevice;
  // The gateway's clock: Monday 23 November 2026, 10:00 in Vietnam.
  let clock = new Date('2026-11-23T03:00:00Z');
  beforeAll(async () => {
    gw = await startTestGateway(kind, { now: () => clock });
    a = await enrolDevice(gw.app, demoCommune.id, 'Máy A');
    b = await enrolDevice(gw.app, demoCommune.id, 'Máy B');
  }, OPEN_DB_TIMEOUT_MS);
  afterAll(async () => gw?.cleanup());

  const ask = (body: unknown, device?: TestDevice) => json(gw.app, 'POST', '/api/code-blocks', body, device?.token);
  const count = async () => (await gw.db.query<{ n: number }>('select count(*)::int as n from code_blocks'))[0]?.n;

  it('hands two devices disjoint blocks for the same day, in order, recorded against each device', async () => {
    const first = await (await ask({ days: ['261123'], size: 20 }, a)).json();
    const second = await (await ask({ days: ['261123', '261124'], size: 5 }, b)).json();
    expect(first).toEqual({
      blocks: [{ agency: demoCommune.agencyCode, day: '261123', from: 1, to: 20 }],
      remaining: { '261123': DAILY_QUOTA_PER_DEVICE - 20 },
      days: ['261123', '261124'],
    });
    expect(second.blocks).toEqual([
      { agency: demoCommune.agencyCode, day: '261123', from: 21, to: 25 },
      { agency: demoCommune.agencyCode, day: '261124', from: 1, to: 5 },
    ]);
    expect(second.remaining).toEqual({ '261123': DAILY_QUOTA_PER_DEVICE - 5, '261124': DAILY_QUOTA_PER_DEVICE - 5 });
    const owners = await gw.db.query<{ device_id: string }>(`select device_id from code_blocks where day = '261123' order by first_sequence`);
    expect(owners.map((o) => o.device_id)).toEqual([a.deviceId, b.deviceId]);
  });

  it('answers only for today and tomorrow: other real days get no numbers (an older app asks three days)', async () => {
    const res = await (await ask({ days: ['261122', '261123', '261124', '261125', '271123'], size: 1 }, b)).json();
    expect(res.blocks.map((x: { day: string }) => x.day)).toEqual(['261123', '261124']);
    expect(Object.keys(res.remaining)).toEqual(['261123', '261124']);
    expect(await gw.db.query(`select 1 from code_blocks where day in ('261122', '261125', '271123')`)).toEqual([]);
  });

  it('keeps each device within its daily quota, however it asks, and says none remain', async () => {
    const c = await enrolDevice(gw.app, demoCommune.id, 'Máy C');
    const other = await enrolDevice(gw.app, demoCommune.id, 'Máy D');
    // Eight requests of 200 (the size cap) at once used to take 1,600 numbers; now the quota holds.
    const answers = await Promise.all(Array.from({ length: 8 }, async () => (await (await ask({ days: ['261124'], size: 200 }, c)).json()) as Answer));
    expect(numbersIn(answers)).toBe(DAILY_QUOTA_PER_DEVICE);
    expect(Math.min(...answers.map((x) => x.remaining['261124'] ?? -1))).toBe(0);
    const more = await (await ask({ days: ['261124'], size: 1 }, c)).json();
    expect(more).toMatchObject({ blocks: [], remaining: { '261124': 0 } });
    // Another device of the same commune is not held back by it.
    expect((await (await ask({ days: ['261124'], size: 10 }, other)).json()).blocks).toHaveLength(1);
    // The next day (on the gateway's clock) brings a new allowance.
    clock = new Date('2026-11-24T03:00:00Z');
    try {
      expect((await (await ask({ days: ['261125'], size: 10 }, c)).json()).remaining).toEqual({ '261125': DAILY_QUOTA_PER_DEVICE - 10 });
    } finally {
      clock = new Date('2026-11-23T03:00:00Z');
    }
  });

  it('never passes 9999 in a day, and says nothing is left', async () => {
    await gw.db.query(`insert into code_counters values ($1, '261124', 9990) on conflict (agency_code, day) do update set next_sequence = 9990`, [
      demoCommune.agencyCode,
    ]);
    const first = await (await ask({ days: ['261124'], size: 50 }, a)).json();
    expect(first.blocks).toEqual([{ agency: demoCommune.agencyCode, day: '261124', from: 9990, to: 9999 }]);
    expect(first.remaining).toEqual({ '261124': 0 });
    const second = await (await ask({ days: ['261124'], size: 50 }, a)).json();
    expect(second).toMatchObject({ blocks: [], remaining: { '261124': 0 } });
  });

  it('takes the commune and device from the token, whatever the body claims', async () => {
    const other = await createCommune(gw.app);
    const d = await enrolDevice(gw.app, demoCommune.id, 'Máy E');
    const res = await ask({ communeId: other.id, deviceId: 'device-forged', days: ['261123'], size: 2 }, d);
    const body = await res.json();
    expect(body.blocks).toHaveLength(1);
    expect(body.blocks[0].agency).toBe(demoCommune.agencyCode);
    const [row] = await gw.db.query<{ device_id: string }>(`select device_id from code_blocks where first_sequence = $1 and day = '261123'`, [
      body.blocks[0].from,
    ]);
    expect(row?.device_id).toBe(d.deviceId);
  });

  it('refuses malformed and hostile bodies (and days that do not exist) with 400 and writes nothing', async () => {
    const before = await count();
    const bodies = [
      null,
      'x',
      {},
      { days: ["261123'; drop table communes;--"], size: 1 },
      { days: ['261123'], size: 100000 },
      { days: [], size: 1 },
      { days: ['999999'], size: 1 },
      { days: ['260230'], size: 1 },
      { days: ['261123', '261131'], size: 1 },
      { days: ['261123'], size: 1, extra: 'x'.repeat(1000) },
      { days: ['261123'], size: 1.5 },
      { days: ['261123'], size: Number.MAX_VALUE },
      { days: [261123], size: 1 },
    ];
    for (const body of bodies) {
      const res = await ask(body, a);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await res.json()).message).toMatch(/không hợp lệ/);
    }
    for (const text of [
      '{"not json',
      '{"days":["261123"],"size":1e999}',
      '{"days":["2611\\u00003"],"size":1}',
      '{"days":["261123"],"size":1,"deviceId":"\\ud800"}',
    ]) {
      const raw = await gw.app.request('/api/code-blocks', { method: 'POST', body: text, headers: { authorization: `Bearer ${a.token}` } });
      expect(raw.status, text).toBe(400);
    }
    expect(await count()).toBe(before);
  });

  it('answers 401 without a token (demo mode off) or with a revoked one', async () => {
    expect((await ask({ days: ['261123'], size: 1 })).status).toBe(401);
    const revoked = await enrolDevice(gw.app, demoCommune.id, 'Máy bị thu hồi');
    await json(gw.app, 'POST', `/api/admin/devices/${revoked.deviceId}/revoke`, undefined, 'test-admin-token-0123456789');
    expect((await ask({ days: ['261123'], size: 1 }, revoked)).status).toBe(401);
  });
});

describe('POST /api/code-blocks in demo mode', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway('pglite', { demoMode: true, now: () => new Date('2026-11-23T03:00:00Z') });
  }, OPEN_DB_TIMEOUT_MS);
  afterAll(async () => gw?.cleanup());

  it('lets anonymous callers (the demo device) take no more than one quota a day between them', async () => {
    const answers: Answer[] = [];
    for (let i = 0; i < 8; i++) answers.push((await (await json(gw.app, 'POST', '/api/code-blocks', { days: ['261123'], size: 200 })).json()) as Answer);
    expect(numbersIn(answers)).toBe(DAILY_QUOTA_PER_DEVICE);
    expect(answers.at(-1)).toMatchObject({ blocks: [], remaining: { '261123': 0 } });
  });
});
