// Entries carried on a USB stick (issue 14): device B pushes what device A of the same commune made,
// naming A as their origin. The gateway records them under (A, mutation), so whichever of the two
// sends them first, the other gets the recorded answer and each dossier is held once. An entry
// naming a device of another commune, an unknown one or a malformed id is refused alone, recorded
// nowhere, and the rest of the push goes on.
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, enrolDevice, communeWithDevice, json, pushEntries, signedInStaff, type TestDevice, useTestGateway } from '../test/gateway';
import { nextMutation, receiveEntry, transitionEntry } from '../test/dossiers';
import { testDatabaseKinds } from '../test/test-db';

describe.each(testDatabaseKinds)('carried entries (originDevice) on %s', (kind) => {
  const gw = useTestGateway(kind, { now: () => new Date('2026-03-02T03:00:00Z') });

  const push = (device: TestDevice, entries: unknown[]) => pushEntries(gw.app, device, entries);
  const carried = (origin: TestDevice, entries: object[]) => entries.map((e) => ({ ...e, originDevice: origin.deviceId }));
  const recordedUnder = async (device: TestDevice) =>
    (await gw.db.query<{ mutation: string }>('select mutation from sync_mutations where device_id = $1 order by mutation', [device.deviceId])).map((r) =>
      Number(r.mutation),
    );
  const dossierRows = async (id: string) =>
    gw.db.query<{ code: string; created_by_device: string; changed_by_device: string; changed_by_staff: string | null }>(
      'select code, created_by_device, changed_by_device, changed_by_staff from dossiers where id = $1',
      [id],
    );

  /** Two devices of one commune, and A's offline work: two receipts and a move of the first. */
  async function communeOfTwo() {
    const a = await communeWithDevice(gw.app);
    const b = await enrolDevice(gw.app, a.communeId, 'Máy B');
    const first = receiveEntry(a, { code: `TAM-${a.deviceShort}-260302-0001` });
    const work: { mutation: number; entityId: string }[] = [
      first,
      receiveEntry(a, { code: `TAM-${a.deviceShort}-260302-0002` }),
      transitionEntry(first.entityId, 'startProcessing', '2026-03-02T02:50:00Z'),
    ];
    return { a, b, work };
  }

  it('records what B carries under A, so A sending it later is a replay and each dossier is held once', async () => {
    const { a, b, work } = await communeOfTwo();
    const viaB = await push(b, carried(a, work));
    expect(viaB.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(viaB.map((r) => r.mutation)).toEqual(work.map((e) => e.mutation));
    expect(await recordedUnder(a)).toEqual(work.map((e) => e.mutation));
    expect(await recordedUnder(b)).toEqual([]);
    const [row] = await dossierRows(work[0]!.entityId);
    // A made it: the dossier is A's, whoever carried it.
    expect(row).toMatchObject({ created_by_device: a.deviceId, changed_by_device: a.deviceId, changed_by_staff: null });

    const fromA = await push(a, work);
    expect(fromA).toEqual(viaB);
    expect(await push(b, carried(a, work))).toEqual(viaB);
    const [{ n }] = (await gw.db.query<{ n: number }>('select count(*)::int as n from dossiers where commune_id = $1', [a.communeId])) as [{ n: number }];
    expect(n).toBe(2);
  });

  it('answers B from the record when A sent the entries first', async () => {
    const { a, b, work } = await communeOfTwo();
    const fromA = await push(a, work);
    expect(await push(b, carried(a, work))).toEqual(fromA);
    expect(await recordedUnder(b)).toEqual([]);
  });

  it("keeps B's own numbers apart from A's, even the same numbers in one push", async () => {
    const { a, b, work } = await communeOfTwo();
    const own = receiveEntry(b, { code: `TAM-${b.deviceShort}-260302-0001` }, work[0]!.mutation);
    const answers = await push(b, [
      own,
      ...carried(a, work.slice(0, 1)),
      { ...transitionEntry(own.entityId, 'startProcessing', '2026-03-02T02:55:00Z'), originDevice: b.deviceId },
    ]);
    expect(answers.map((r) => [r.mutation, r.status])).toEqual([
      [work[0]!.mutation, 'accepted'],
      [work[0]!.mutation, 'accepted'],
      [expect.any(Number), 'accepted'],
    ]);
    expect((await dossierRows(own.entityId))[0]?.created_by_device).toBe(b.deviceId);
    expect((await dossierRows(work[0]!.entityId))[0]?.created_by_device).toBe(a.deviceId);
    // Naming itself as origin is the device's own numbering.
    expect(await recordedUnder(b)).toEqual([work[0]!.mutation, answers[2]!.mutation].sort((x, y) => x - y));
  });

  it('refuses a different change carried under a number A already used, and keeps the first', async () => {
    const { a, b, work } = await communeOfTwo();
    const [first] = await push(a, work.slice(0, 1));
    const forged = receiveEntry(a, { code: `TAM-${a.deviceShort}-260302-0009` }, work[0]!.mutation);
    const [answer] = await push(b, carried(a, [forged]));
    expect(answer).toMatchObject({ status: 'rejected', code: 'entry.reused_number' });
    expect(await dossierRows(forged.entityId)).toEqual([]);
    expect(await push(a, work.slice(0, 1))).toEqual([first]);
  });

  it("refuses, alone and unrecorded, an entry naming another commune's device, an unknown one or a malformed id", async () => {
    const { a, b, work } = await communeOfTwo();
    const stranger = await communeWithDevice(gw.app);
    const strangers = receiveEntry(stranger, { code: `TAM-${stranger.deviceShort}-260302-0001` });
    const answers = await push(b, [
      { ...strangers, originDevice: stranger.deviceId },
      { ...receiveEntry(a, { code: `TAM-${a.deviceShort}-260302-0005` }), originDevice: '00000000-0000-4000-8000-000000000000' },
      { ...receiveEntry(a, { code: `TAM-${a.deviceShort}-260302-0006` }), originDevice: 42 },
      { ...receiveEntry(a, { code: `TAM-${a.deviceShort}-260302-0007` }), originDevice: 'x'.repeat(200) },
      { ...receiveEntry(a, { code: `TAM-${a.deviceShort}-260302-0008` }), originDevice: "a' or 1=1 --" },
      ...carried(a, work.slice(0, 1)),
    ]);
    expect(answers.map((r) => r.code ?? r.status)).toEqual([
      'entry.origin_other_commune',
      'entry.origin_other_commune',
      'entry.origin_invalid',
      'entry.origin_invalid',
      'entry.origin_invalid',
      'accepted',
    ]);
    expect(answers[0]!.reason).toMatch(/không thuộc xã/);
    expect(await dossierRows(strangers.entityId)).toEqual([]);
    expect(await recordedUnder(stranger)).toEqual([]);
    expect(await recordedUnder(b)).toEqual([]);
    // The stranger's own entry under that number is untouched: it applies when the stranger sends it.
    expect((await push(stranger, [strangers]))[0]?.status).toBe('accepted');
  });

  it("takes a revoked device's work from a device of its commune: the laptop that died is what a backup is for", async () => {
    const { a, b, work } = await communeOfTwo();
    expect((await json(gw.app, 'POST', `/api/admin/devices/${a.deviceId}/revoke`, undefined, ADMIN_TOKEN)).status).toBe(200);
    expect((await json(gw.app, 'POST', '/api/sync/push', { entries: work }, a.token)).status).toBe(401);
    expect((await push(b, carried(a, work))).map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(await recordedUnder(a)).toEqual(work.map((e) => e.mutation));
  });

  it('does not lend the carrying officer’s name to a change the origin device made', async () => {
    const { a, b, work } = await communeOfTwo();
    await push(a, work.slice(0, 1));
    // An officer is signed in on B, the carrying device.
    const session = await signedInStaff(gw.app, b, { fullName: 'Đặng Thị Mang', role: 'processingOfficer' });
    const move = transitionEntry(work[0]!.entityId, 'startProcessing', '2026-03-02T02:50:00Z', undefined, nextMutation());
    const res = await json(gw.app, 'POST', '/api/sync/push', { entries: carried(a, [move]) }, b.token, { 'X-Staff-Token': session.token });
    expect(((await res.json()) as { results: { status: string }[] }).results[0]?.status).toBe('accepted');
    expect((await dossierRows(work[0]!.entityId))[0]).toMatchObject({ changed_by_device: a.deviceId, changed_by_staff: null });
  });
});
