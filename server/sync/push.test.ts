// Pushing changes through POST /api/sync/push on real databases: each entry applied exactly once
// whatever is replayed, a refused entry never blocks the next, official codes never collide, and
// a malformed or oversized body changes nothing.
import { describe, expect, it } from 'vitest';
import { communeWithDevice, enrolDevice, holdFile, json, pushEntries, type TestDevice, useTestGateway } from '../test/gateway';
import { dossierPayload, nextMutation, receiveEntry } from '../test/dossiers';
import { testDatabaseKinds } from '../test/test-db';

describe.each(testDatabaseKinds)('POST /api/sync/push on %s', (kind) => {
  // Dossier numbers are handed out for today and tomorrow only: the sample receipts' day is today.
  const gw = useTestGateway(kind, { now: () => new Date('2026-03-02T03:00:00Z') });

  const push = (device: TestDevice, entries: unknown[]) => pushEntries(gw.app, device, entries);
  const count = async (table: string) => (await gw.db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]?.n;

  it('stores a dossier received with a provisional code and answers with its official code', async () => {
    const device = await communeWithDevice(gw.app);
    const entry = receiveEntry(device, { code: `TAM-${device.deviceShort}-260302-0001` });
    const [result] = await push(device, [entry]);
    expect(result).toEqual({
      mutation: entry.mutation,
      status: 'accepted',
      serverVersion: expect.any(Number),
      officialCode: `${device.agencyCode}-260302-0001`,
    });
    const [row] = await gw.db.query<{
      code: string;
      provisional_code: string;
      status: number;
      commune_id: string;
      data: { code: string; provisionalCode: string; syncState?: string };
    }>('select code, provisional_code, status, commune_id, data from dossiers where id = $1', [entry.entityId]);
    expect(row).toMatchObject({
      code: `${device.agencyCode}-260302-0001`,
      provisional_code: `TAM-${device.deviceShort}-260302-0001`,
      status: 2,
      commune_id: device.communeId,
    });
    expect(row?.data.code).toBe(row?.code);
    expect(row?.data.provisionalCode).toBe(`TAM-${device.deviceShort}-260302-0001`);
    expect(row?.data.syncState).toBeUndefined();
  });

  it('applies a replayed batch and a duplicate inside one batch exactly once, with the recorded answers', async () => {
    const device = await communeWithDevice(gw.app);
    const a = receiveEntry(device, { code: `TAM-${device.deviceShort}-260302-0001` });
    const b = receiveEntry(device, { code: `TAM-${device.deviceShort}-260302-0002` });
    const first = await push(device, [a, b]);
    const dossiersBefore = await count('dossiers');
    const again = await push(device, [a, b, a]);
    expect(again).toEqual([...first, first[0]]);
    expect(await count('dossiers')).toBe(dossiersBefore);
    expect(first.map((r) => r.officialCode)).toEqual([`${device.agencyCode}-260302-0001`, `${device.agencyCode}-260302-0002`]);
    // The day's counter moved by exactly two.
    const [counter] = await gw.db.query<{ next_sequence: number }>(`select next_sequence from code_counters where agency_code = $1 and day = '260302'`, [
      device.agencyCode,
    ]);
    expect(counter?.next_sequence).toBe(3);
    const [recorded] = await gw.db.query<{ n: number }>('select count(*)::int as n from sync_mutations where device_id = $1', [device.deviceId]);
    expect(recorded?.n).toBe(2);
  });

  it('refuses a different change sent under a number already used, and keeps the first', async () => {
    const device = await communeWithDevice(gw.app);
    const a = receiveEntry(device, { code: `TAM-${device.deviceShort}-260302-0001` });
    const [first] = await push(device, [a]);
    const other = receiveEntry(device, { code: `TAM-${device.deviceShort}-260302-0002` }, a.mutation);
    const [second] = await push(device, [other]);
    expect(first?.status).toBe('accepted');
    expect(second).toEqual({
      mutation: a.mutation,
      status: 'rejected',
      reason: expect.stringMatching(/đã được dùng cho một thay đổi khác/),
      code: 'entry.reused_number',
    });
    expect(await gw.db.query('select id from dossiers where id = $1', [other.entityId])).toEqual([]);
    // The original answer still stands for the original entry.
    expect(await push(device, [a])).toEqual([first]);
  });

  it('records a refused entry with a readable reason and goes on with the next ones', async () => {
    const device = await communeWithDevice(gw.app);
    const broken = receiveEntry(device, { code: `TAM-${device.deviceShort}-260302-0001` });
    delete (broken.payload as { applicantName?: string }).applicantName;
    const unknown = { mutation: nextMutation(), kind: 'dossier.teleport', entityId: 'x', payload: {} };
    const good = receiveEntry(device, { code: `TAM-${device.deviceShort}-260302-0002` });
    const results = await push(device, [broken, unknown, good]);
    expect(results[0]).toEqual({
      mutation: broken.mutation,
      status: 'rejected',
      reason: 'Hồ sơ gửi lên thiếu hoặc sai thông tin: họ tên chủ hồ sơ.',
      code: 'entry.invalid_fields',
    });
    expect(results[1]).toEqual({
      mutation: unknown.mutation,
      status: 'rejected',
      reason: expect.stringContaining('"dossier.teleport"'),
      code: 'entry.unsupported_kind',
    });
    expect(results[2]).toMatchObject({ mutation: good.mutation, status: 'accepted', officialCode: `${device.agencyCode}-260302-0001` });
    // The refused dossier took no number: the good one got 0001.
    expect(await push(device, [broken])).toEqual([results[0]]);
    expect(await gw.db.query('select id from dossiers where id = $1', [broken.entityId])).toEqual([]);
  });

  it('refuses on its own an entry with a sound number but no usable kind or entityId', async () => {
    const device = await communeWithDevice(gw.app);
    const odd = { mutation: nextMutation(), kind: 42, payload: {} };
    const good = receiveEntry(device, { code: `TAM-${device.deviceShort}-260302-0001` });
    const results = await push(device, [odd, good]);
    expect(results[0]).toEqual({ mutation: odd.mutation, status: 'rejected', reason: expect.stringMatching(/kind.*entityId/), code: 'entry.malformed' });
    expect(results[1]?.status).toBe('accepted');
    expect(await push(device, [odd])).toEqual([results[0]]);
  });

  it('refuses a prototype key as a kind without crashing', async () => {
    const device = await communeWithDevice(gw.app);
    const [result] = await push(device, [{ mutation: nextMutation(), kind: 'constructor', entityId: 'x', payload: {} }]);
    expect(result?.status).toBe('rejected');
  });

  it('accepts an official code only from a block reserved for this device', async () => {
    const device = await communeWithDevice(gw.app);
    const other = await enrolDevice(gw.app, device.communeId, 'Máy thứ hai');
    const blocks = await json(gw.app, 'POST', '/api/code-blocks', { days: ['260302'], size: 3 }, device.token);
    expect((await blocks.json()).blocks).toEqual([{ agency: device.agencyCode, day: '260302', from: 1, to: 3 }]);
    const own = receiveEntry(device, { code: `${device.agencyCode}-260302-0002` });
    const [accepted] = await push(device, [own]);
    expect(accepted).toEqual({ mutation: own.mutation, status: 'accepted', serverVersion: expect.any(Number) });
    const stolen = receiveEntry(other, { code: `${device.agencyCode}-260302-0003` });
    const [refused] = await push(other, [stolen]);
    expect(refused).toEqual({
      mutation: stolen.mutation,
      status: 'rejected',
      reason: expect.stringMatching(/không thuộc dải số/),
      code: 'dossier.code_out_of_range',
    });
    const wrongDay = receiveEntry(device, { code: `${device.agencyCode}-260303-0001`, receivedAt: new Date('2026-03-02T03:00:00Z') });
    expect((await push(device, [wrongDay]))[0]).toMatchObject({ reason: expect.stringMatching(/không khớp với ngày tiếp nhận/), code: 'dossier.code_invalid' });
    const wrongAgency = receiveEntry(device, { code: '999.99.99.H99-260302-0001' });
    expect((await push(device, [wrongAgency]))[0]?.reason).toMatch(/không mang mã đơn vị/);
    // The same number twice (a device bug): the second is refused by the database rule, not crashed on.
    const twice = receiveEntry(device, { code: `${device.agencyCode}-260302-0002` });
    expect((await push(device, [twice]))[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/trùng/) });
  });

  it('hands out unique, gap-free official codes to devices pushing at the same time', async () => {
    const first = await communeWithDevice(gw.app);
    const devices = [first, ...(await Promise.all([1, 2, 3].map((i) => enrolDevice(gw.app, first.communeId, `Máy ${i}`))))];
    const batches = devices.map((d) =>
      Array.from({ length: 5 }, (_, i) => receiveEntry(d, { code: `TAM-${d.deviceShort}-260302-${String(i + 1).padStart(4, '0')}` })),
    );
    const blockAsk = json(gw.app, 'POST', '/api/code-blocks', { days: ['260302'], size: 10 }, first.token);
    const [answers, blockRes] = await Promise.all([Promise.all(devices.map((d, i) => push(d, batches[i]!))), blockAsk]);
    const codes = answers.flat().map((r) => r.officialCode);
    const block = ((await blockRes.json()) as { blocks: { from: number; to: number }[] }).blocks[0]!;
    const sequences = [...codes.map((c) => Number(c?.slice(-4))), ...Array.from({ length: block.to - block.from + 1 }, (_, i) => block.from + i)];
    expect(new Set(codes).size).toBe(20);
    expect(sequences.sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it('refuses a dossier naming a file the gateway does not hold (or holds at another size), and accepts it once the file is there', async () => {
    const device = await communeWithDevice(gw.app);
    const sha256 = crypto.randomUUID().replace(/-/g, '').repeat(2);
    const paper = { componentIndex: 0, sha256, name: 'to-khai.jpg', type: 'image/jpeg', size: 1234 };
    const id = crypto.randomUUID();
    const options = { id, code: `TAM-${device.deviceShort}-260302-0001`, attachments: [paper] };
    const [missing] = await push(device, [receiveEntry(device, options)]);
    expect(missing).toMatchObject({
      status: 'rejected',
      reason: expect.stringContaining('Máy chủ chưa nhận được tệp "to-khai.jpg"'),
      code: 'file.not_uploaded',
    });
    await holdFile(gw.db, device.communeId, sha256, 999);
    const [otherSize] = await push(device, [receiveEntry(device, options)]);
    expect(otherSize).toMatchObject({ status: 'rejected', reason: 'Tệp "to-khai.jpg" trên máy chủ khác kích thước đã khai báo.' });
    expect(await gw.db.query('select 1 from dossiers where id = $1', [id])).toHaveLength(0);
    await gw.db.query('update files set size = $2 where sha256 = $1', [sha256, paper.size]);
    const [held] = await push(device, [receiveEntry(device, options)]);
    expect(held).toMatchObject({ status: 'accepted' });
    // A refusal names its files too, under the same rule.
    const refused = receiveEntry(device, { code: `TUCHOI-${device.deviceShort}-260302093000`, status: 3, attachments: [{ ...paper, sha256: 'b'.repeat(64) }] });
    const [refusal] = await push(device, [refused]);
    expect(refusal).toMatchObject({ status: 'rejected', reason: expect.stringContaining('Máy chủ chưa nhận được tệp') });
  });

  it('records a refusal (status 3) without a dossier number, and insists on its reason', async () => {
    const device = await communeWithDevice(gw.app);
    const refusal = receiveEntry(device, { code: `TUCHOI-${device.deviceShort}-260302093000`, status: 3, refusalReason: 'Không đủ giấy tờ' });
    const [ok] = await push(device, [refusal]);
    expect(ok).toEqual({ mutation: refusal.mutation, status: 'accepted', serverVersion: expect.any(Number) });
    const silent = receiveEntry(device, { code: `TUCHOI-${device.deviceShort}-260302093500`, status: 3, refusalReason: ' ' });
    expect((await push(device, [silent]))[0]?.reason).toBe('Hồ sơ từ chối tiếp nhận phải ghi rõ lý do từ chối.');
    const [row] = await gw.db.query<{ status: number; due_at: unknown }>('select status, due_at from dossiers where id = $1', [refusal.entityId]);
    expect(row).toEqual({ status: 3, due_at: null });
  });

  it('refuses dossiers dated in the future or made out for another commune', async () => {
    const device = await communeWithDevice(gw.app);
    const future = receiveEntry(device, { code: `TAM-${device.deviceShort}-400101-0001`, receivedAt: new Date('2040-01-01T02:00:00Z') });
    expect((await push(device, [future]))[0]?.reason).toMatch(/ở tương lai/);
    const elsewhere = receiveEntry({ ...device, communeId: 'demo-ban-mau' }, { code: `TAM-${device.deviceShort}-260302-0001` });
    expect((await push(device, [elsewhere]))[0]?.reason).toMatch(/xã khác/);
  });

  it('turns away malformed and oversized bodies with a reason, and changes nothing', async () => {
    const device = await communeWithDevice(gw.app);
    const before = [await count('dossiers'), await count('sync_mutations')];
    const good = receiveEntry(device, { code: `TAM-${device.deviceShort}-260302-0001` });
    const cases: [unknown, number][] = [
      ['{"entries": [', 400],
      [{}, 400],
      [{ entries: 'x' }, 400],
      [{ entries: [good, { ...good, mutation: 'seven' }] }, 400],
      [{ entries: [{ ...good, mutation: -1 }] }, 400],
      [{ entries: Array.from({ length: 101 }, () => good) }, 413],
      [{ entries: [{ ...good, payload: { ...good.payload, pad: 'x'.repeat(5 * 1024 * 1024) } }] }, 413],
    ];
    for (const [body, status] of cases) {
      const res = await json(gw.app, 'POST', '/api/sync/push', body, device.token);
      expect(res.status).toBe(status);
      expect((await res.json()).message).toMatch(/không thay đổi nào được ghi|quá lớn/);
    }
    expect([await count('dossiers'), await count('sync_mutations')]).toEqual(before);
  });

  it('refuses fields it does not know, anywhere in an entry, naming them, and stores nothing of them', async () => {
    const device = await communeWithDevice(gw.app);
    const payload = { ...dossierPayload(device, { code: `TAM-${device.deviceShort}-260302-0001` }), futureField: { a: 1 } };
    const [result] = await push(device, [{ mutation: nextMutation(), kind: 'dossier.receive', entityId: payload.id, payload }]);
    expect(result).toMatchObject({ status: 'rejected', reason: 'Hồ sơ gửi lên thiếu hoặc sai thông tin: trường lạ "futureField".' });
    const deep = dossierPayload(device, { code: `TAM-${device.deviceShort}-260302-0002` });
    (deep.data.intake.applicant as unknown as Record<string, unknown>).pad = 'x'.repeat(100_000);
    const [nested] = await push(device, [{ mutation: nextMutation(), kind: 'dossier.receive', entityId: deep.id, payload: deep }]);
    expect(nested?.reason).toMatch(/trường lạ "pad" trong thông tin tiếp nhận \(applicant\)/);
    const good = receiveEntry(device, { code: `TAM-${device.deviceShort}-260302-0003` });
    const [extraOnEntry] = await push(device, [{ ...good, mutation: nextMutation(), note: 'x' }]);
    expect(extraOnEntry?.reason).toMatch(/trường lạ/);
    expect(await gw.db.query('select id from dossiers where id in ($1, $2, $3)', [payload.id, deep.id, good.entityId])).toEqual([]);
    // The same dossier without the stranger goes through.
    expect((await push(device, [good]))[0]?.status).toBe('accepted');
  });
});
