// When and by whom a pushed change says it was made: a time before the dossier's receipt (year
// 0001) or beyond the gateway's clock plus a small skew is refused; the officer comes from the
// staff session when one is sent (and must be the one the change names), and a device alone
// cannot act as a leader.
import { describe, expect, it } from 'vitest';
import { communeWithDevice, json, pushEntries, signedInStaff, type TestDevice, useTestGateway } from '../test/gateway';
import { nextMutation, receiveEntry, transitionEntry } from '../test/dossiers';
import { testDatabaseKinds } from '../test/test-db';

describe.each(testDatabaseKinds)('times and actors of pushed changes on %s', (kind) => {
  const gw = useTestGateway(kind);
  async function push(device: TestDevice, entries: unknown[], headers?: Record<string, string>) {
    if (!headers) return pushEntries(gw.app, device, entries);
    const res = await json(gw.app, 'POST', '/api/sync/push', { entries }, device.token, headers);
    return ((await res.json()) as { results: { status: string; reason?: string; code?: string }[] }).results;
  }
  const log = async (id: string) =>
    (
      await gw.db.query<{ data: { data: { state: { log: { who: string; whoId: string; role: string; at: string }[] } } } }>(
        'select data from dossiers where id = $1',
        [id],
      )
    )[0]!.data.data.state.log;

  async function received(device: TestDevice, at = new Date('2026-03-02T02:30:00Z')) {
    const entry = receiveEntry(device, { code: `TAM-${device.deviceShort}-${at.toISOString().slice(2, 10).replace(/-/g, '')}-0001`, receivedAt: at });
    expect((await push(device, [entry]))[0]?.status).toBe('accepted');
    return entry.entityId;
  }

  it('refuses a move dated before the receipt or ahead of the gateway clock, and takes one inside', async () => {
    const device = await communeWithDevice(gw.app);
    const id = await received(device);
    const now = Date.now();
    const cases: [string, RegExp | 'accepted'][] = [
      ['0001-01-01T00:00:00Z', /sớm hơn lúc tiếp nhận/],
      ['2026-03-02T02:00:00Z', /sớm hơn lúc tiếp nhận/],
      [new Date(now + 60 * 60_000).toISOString(), /ở tương lai/],
      [new Date(now + 11 * 60_000).toISOString(), /ở tương lai/],
      ['2026-03-02T02:25:00Z', 'accepted'], // another desk's clock five minutes behind
    ];
    for (const [at, expected] of cases) {
      const [result] = await push(device, [transitionEntry(id, 'startProcessing', at)]);
      if (expected === 'accepted') expect(result?.status, at).toBe('accepted');
      else expect(result?.reason, at).toMatch(expected);
    }
    expect((await log(id)).map((e) => e.at)).toEqual(['2026-03-02T02:30:00.000Z', '2026-03-02T02:25:00.000Z']);
  });

  it('refuses a result paper or a rating dated before the receipt or in the future', async () => {
    const device = await communeWithDevice(gw.app);
    const id = await received(device);
    const rate = (at: string) => ({ mutation: nextMutation(), kind: 'dossier.rate', entityId: id, payload: { dossierId: id, rating: 'good', at } });
    const paper = (at: string) => ({
      mutation: nextMutation(),
      kind: 'dossier.result',
      entityId: id,
      payload: { dossierId: id, sha256: 'c'.repeat(64), name: 'kq.pdf', type: 'application/pdf', size: 10, at },
    });
    await push(device, [
      transitionEntry(id, 'startProcessing', '2026-03-02T03:00:00Z'),
      transitionEntry(id, 'markResultReady', '2026-03-02T04:00:00Z'),
      transitionEntry(id, 'returnResult', '2026-03-02T05:00:00Z'),
    ]);
    const future = new Date(Date.now() + 2 * 60 * 60_000).toISOString();
    const results = await push(device, [paper('1999-01-01T00:00:00Z'), paper(future), rate('0001-01-01T00:00:00Z'), rate(future)]);
    expect(results.map((r) => r.reason)).toEqual([
      expect.stringMatching(/^Thời điểm đính kèm sớm hơn lúc tiếp nhận/),
      expect.stringMatching(/^Thời điểm đính kèm ở tương lai/),
      expect.stringMatching(/^Thời điểm đánh giá sớm hơn lúc tiếp nhận/),
      expect.stringMatching(/^Thời điểm đánh giá ở tương lai/),
    ]);
    expect((await push(device, [rate('2026-03-02T05:10:00Z')]))[0]?.status).toBe('accepted');
  });

  it('refuses a receipt dated long before the app existed', async () => {
    const device = await communeWithDevice(gw.app);
    const old = receiveEntry(device, { code: `TAM-${device.deviceShort}-191231-0001`, receivedAt: new Date('2019-12-31T02:00:00Z') });
    expect((await push(device, [old]))[0]?.reason).toMatch(/quá xa trong quá khứ/);
  });

  it('takes the actor from the staff session, and never lets a device alone claim a leader', async () => {
    const device = await communeWithDevice(gw.app);
    const id = await received(device);
    const claim = (role: string, at: string, action = 'startProcessing') => {
      const entry = transitionEntry(id, action, at);
      entry.payload.actor = { id: 'leader-1', name: 'Chủ tịch Giả', role: role as 'processingOfficer' };
      return entry;
    };
    const [leader] = await push(device, [claim('leader', '2026-03-02T03:00:00Z')]);
    expect(leader?.reason).toMatch(/vai trò lãnh đạo cần cán bộ đó đăng nhập/);
    const [system] = await push(device, [claim('system', '2026-03-02T03:00:00Z')]);
    expect(system?.status).toBe('rejected');
    // A desk's own word: its officer's name, under the device's identity.
    expect((await push(device, [claim('processingOfficer', '2026-03-02T03:00:00Z')]))[0]?.status).toBe('accepted');
    expect((await log(id)).at(-1)).toMatchObject({ who: 'Chủ tịch Giả', whoId: device.deviceId, role: 'processingOfficer' });

    // With a leader's own session, a move naming that leader is the leader's, under the role and
    // name the session gives; one naming anyone else is refused (actor-check.ts).
    const staff = await signedInStaff(gw.app, device, { fullName: 'Lê Văn Lãnh Đạo', role: 'leader', username: `lanhdao.${device.deviceShort.toLowerCase()}` });
    const [other] = await push(device, [claim('leader', '2026-03-02T04:00:00Z', 'markResultReady')], { 'X-Staff-Token': staff.token });
    expect(other).toMatchObject({ status: 'rejected', code: 'entry.actor_mismatch' });
    const mine = claim('citizen', '2026-03-02T04:00:00Z', 'markResultReady');
    mine.payload.actor.id = staff.id;
    const [signed] = await push(device, [mine], { 'X-Staff-Token': staff.token });
    expect(signed?.status).toBe('accepted');
    expect((await log(id)).at(-1)).toMatchObject({ who: 'Lê Văn Lãnh Đạo', whoId: staff.id, role: 'leader' });
  });
});
