// Status changes and ratings pushed by devices, replayed through the dossier state machine on the
// gateway: a legal life cycle is applied with its log and its moved appointment; an illegal move
// is refused with the machine's reason and changes nothing.
import { describe, expect, it } from 'vitest';
import { communeWithDevice, pushEntries, type TestDevice, useTestGateway } from '../test/gateway';
import { nextMutation, receiveEntry, transitionEntry } from '../test/dossiers';
import { testDatabaseKinds } from '../test/test-db';

describe.each(testDatabaseKinds)('dossier.transition and dossier.rate on %s', (kind) => {
  const gw = useTestGateway(kind);

  const push = (device: TestDevice, entries: unknown[]) => pushEntries(gw.app, device, entries);
  const stored = async (id: string) =>
    (
      await gw.db.query<{
        status: number;
        due_at: Date;
        data: {
          status: number;
          dueAt: string;
          satisfaction?: unknown;
          data: { state: { log: { action: string; note?: string }[]; supplementRequests: number } };
        };
      }>('select status, due_at, data from dossiers where id = $1', [id])
    )[0]!;
  const rate = (dossierId: string, rating: string, reason?: string) => ({
    mutation: nextMutation(),
    kind: 'dossier.rate',
    entityId: dossierId,
    payload: { dossierId, rating, ...(reason ? { reason } : {}), at: '2026-03-10T03:00:00Z' },
  });

  it('follows a whole life cycle, moving the appointment by the time spent waiting for papers', async () => {
    const device = await communeWithDevice(gw.app);
    // Received Monday 2 March 2026 09:30 for a 3-working-day procedure.
    const entry = receiveEntry(device, { code: `TAM-${device.deviceShort}-260302-0001` });
    entry.payload.data.intake.processingDays = 3;
    const due = new Date('2026-03-05T02:30:00Z'); // Thursday 09:30
    entry.payload.dueAt = due.toISOString();
    entry.payload.data.state.appointmentAt = due.toISOString();
    const id = entry.entityId;
    const results = await push(device, [
      entry,
      transitionEntry(id, 'startProcessing', '2026-03-02T03:00:00Z'),
      // Waiting from Monday 10:00 to Tuesday 10:00 (Vietnam): 8 working hours.
      transitionEntry(id, 'requestSupplement', '2026-03-02T03:00:00Z', 'Thiếu bản sao giấy đăng ký kết hôn'),
      transitionEntry(id, 'receiveSupplement', '2026-03-03T03:00:00Z'),
      transitionEntry(id, 'markResultReady', '2026-03-05T08:00:00Z'),
      transitionEntry(id, 'returnResult', '2026-03-06T02:00:00Z'),
    ]);
    expect(results.map((r) => r.status)).toEqual(Array(6).fill('accepted'));
    const versions = results.map((r) => r.serverVersion!);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    const row = await stored(id);
    expect(row.status).toBe(10);
    expect(row.data.status).toBe(10);
    expect(new Date(row.data.dueAt).toISOString()).toBe('2026-03-06T02:30:00.000Z'); // one working day later
    expect(new Date(row.due_at).toISOString()).toBe('2026-03-06T02:30:00.000Z');
    expect(row.data.data.state.log.map((e) => e.action)).toEqual([
      'receive',
      'startProcessing',
      'requestSupplement',
      'receiveSupplement',
      'markResultReady',
      'returnResult',
    ]);
    expect(row.data.data.state.supplementRequests).toBe(1);

    expect((await push(device, [rate(id, 'bad')]))[0]).toMatchObject({
      status: 'rejected',
      reason: 'Đánh giá "Không hài lòng" cần ghi rõ lý do.',
      code: 'rating.reason_required',
    });
    expect((await push(device, [rate(id, 'bad', 'Chờ lâu')]))[0]?.status).toBe('accepted');
    expect((await stored(id)).data.satisfaction).toEqual({ rating: 'bad', reason: 'Chờ lâu', at: '2026-03-10T03:00:00Z' });
    expect((await push(device, [rate(id, 'good')]))[0]?.reason).toBe('Hồ sơ này đã được đánh giá.');
  });

  it('refuses illegal moves with the reason of the state machine, and leaves the dossier as it was', async () => {
    const device = await communeWithDevice(gw.app);
    const entry = receiveEntry(device, { code: `TAM-${device.deviceShort}-260302-0001` });
    const id = entry.entityId;
    await push(device, [entry]);
    const before = await stored(id);
    const [early] = await push(device, [transitionEntry(id, 'returnResult', '2026-03-02T04:00:00Z')]);
    // The state machine's own code travels with its reason.
    expect(early).toMatchObject({
      status: 'rejected',
      reason: 'Không thể "Trả kết quả" khi hồ sơ đang ở trạng thái "Được tiếp nhận".',
      code: 'status.illegal_transition',
    });
    expect(await stored(id)).toEqual(before);

    const [noNote] = await push(device, [
      transitionEntry(id, 'startProcessing', '2026-03-02T04:00:00Z'),
      transitionEntry(id, 'requestSupplement', '2026-03-02T05:00:00Z'),
    ]).then((r) => [r[1]]);
    expect(noNote?.reason).toMatch(/Cần ghi rõ lý do/);
    const rounds = await push(device, [
      transitionEntry(id, 'requestSupplement', '2026-03-02T05:00:00Z', 'Thiếu giấy'),
      transitionEntry(id, 'receiveSupplement', '2026-03-02T06:00:00Z'),
      transitionEntry(id, 'requestSupplement', '2026-03-02T07:00:00Z', 'Lại thiếu giấy'),
    ]);
    expect(rounds.map((r) => r.status)).toEqual(['accepted', 'accepted', 'rejected']);
    expect(rounds[2]?.reason).toMatch(/không được yêu cầu bổ sung quá 1 lần/);
    expect((await push(device, [rate(id, 'good')]))[0]?.reason).toBe('Chỉ đánh giá được hồ sơ đã trả kết quả.');
  });

  it('refuses a move on a dossier the gateway never accepted, and a malformed move', async () => {
    const device = await communeWithDevice(gw.app);
    const [missing] = await push(device, [transitionEntry('00000000-0000-4000-8000-000000000000', 'startProcessing', '2026-03-02T04:00:00Z')]);
    expect(missing).toMatchObject({ reason: expect.stringMatching(/^Không tìm thấy hồ sơ trên máy chủ/), code: 'dossier.not_on_server' });
    const [malformed] = await push(device, [
      { mutation: nextMutation(), kind: 'dossier.transition', entityId: 'x', payload: { dossierId: 'x', action: 'fly' } },
    ]);
    expect(malformed?.reason).toMatch(/^Thao tác trên hồ sơ thiếu hoặc sai thông tin: thao tác; người thực hiện; thời điểm thực hiện/);
  });
});
