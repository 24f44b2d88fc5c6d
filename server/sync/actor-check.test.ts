// Who a pushed change names, held against the staff session of the push, on real databases (issue
// 13): with an officer signed in on the device, an entry naming anyone else (another officer, or
// the device as today's apps do) is refused alone with entry.actor_mismatch and not recorded, so
// it goes through when sent again under its own officer or with no session; a replay of an entry
// already applied keeps its answer under any session; and a session opened on another device, or
// on none, is refused like a bad staff token.
import { describe, expect, it } from 'vitest';
import { communeWithDevice, enrolDevice, json, type PushAnswer, signedInStaff, type TestDevice, useTestGateway } from '../test/gateway';
import { nextMutation, receiveEntry, transitionEntry } from '../test/dossiers';
import { testDatabaseKinds } from '../test/test-db';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter += 1)}`;

/** A receipt (or refusal) whose processing log names `actorId`, as an app with staff sign-in writes it. */
function receiptBy(device: TestDevice, actorId: string, sequence: number, status?: 3) {
  const entry = receiveEntry(device, { code: `TAM-${device.deviceShort}-260302-${String(sequence).padStart(4, '0')}`, ...(status ? { status } : {}) });
  for (const line of entry.payload.data.state.log) line.whoId = actorId;
  return entry;
}

function moveBy(dossierId: string, actorId: string, action: string, at: string, mutation = nextMutation()) {
  const entry = transitionEntry(dossierId, action, at, undefined, mutation);
  entry.payload.actor.id = actorId;
  return entry;
}

describe.each(testDatabaseKinds)('actors checked against the staff session on %s', (kind) => {
  const gw = useTestGateway(kind);

  async function push(device: TestDevice, entries: unknown[], staffToken?: string): Promise<PushAnswer[]> {
    const res = await json(gw.app, 'POST', '/api/sync/push', { entries }, device.token, staffToken ? { 'X-Staff-Token': staffToken } : {});
    expect(res.status, await res.clone().text()).toBe(200);
    return ((await res.json()) as { results: PushAnswer[] }).results;
  }
  const recorded = async (device: TestDevice) =>
    (await gw.db.query<{ mutation: unknown }>('select mutation from sync_mutations where device_id = $1 order by mutation', [device.deviceId])).map((r) =>
      Number(r.mutation),
    );
  const staffOn = (device: TestDevice, fullName = 'Lò Thị Mai') =>
    signedInStaff(gw.app, device, { fullName, role: 'processingOfficer', username: `tt.${unique()}` });

  it('refuses, alone and unrecorded, each entry naming another actor than the signed-in officer, and applies the rest', async () => {
    const device = await communeWithDevice(gw.app);
    const mai = await staffOn(device);
    const other = await staffOn(device, 'Hà Văn Khác');
    const mine = receiptBy(device, mai.id, 1);
    const entries = [
      receiptBy(device, device.deviceId, 2), // today's apps: the device as actor
      mine,
      receiptBy(device, other.id, 3),
      receiptBy(device, other.id, 4, 3),
      moveBy(mine.entityId, other.id, 'startProcessing', '2026-03-02T03:00:00Z'),
      moveBy(mine.entityId, mai.id, 'startProcessing', '2026-03-02T03:00:00Z'),
      // Kinds that name nobody are not held against the session.
      { mutation: nextMutation(), kind: 'dossier.rate', entityId: mine.entityId, payload: { dossierId: mine.entityId, rating: 'good' } },
    ];
    const answers = await push(device, entries, mai.token);
    expect(answers.map((r) => r.code ?? r.status)).toEqual([
      'entry.actor_mismatch',
      'accepted',
      'entry.actor_mismatch',
      'entry.actor_mismatch',
      'entry.actor_mismatch',
      'accepted',
      'rating.not_returned',
    ]);
    expect(answers[0]!.reason).toMatch(/^Thao tác được ghi cho cán bộ khác với cán bộ đang đăng nhập/);
    const [row] = await gw.db.query<{ changed_by_staff: string; changed_by_name: string; data: { data: { state: { log: { whoId: string }[] } } } }>(
      'select changed_by_staff, changed_by_name, data from dossiers where id = $1',
      [mine.entityId],
    );
    expect(row).toMatchObject({ changed_by_staff: mai.id, changed_by_name: 'Lò Thị Mai' });
    expect(row?.data.data.state.log.map((l) => l.whoId)).toEqual([mai.id, mai.id]);
    for (const refused of [entries[0]!, entries[2]!, entries[3]!]) {
      expect(await gw.db.query('select id from dossiers where id = $1', [refused.entityId])).toEqual([]);
    }
    // Only what was applied or refused for its own sake is recorded.
    expect(await recorded(device)).toEqual([entries[1]!.mutation, entries[5]!.mutation, entries[6]!.mutation]);

    // Sent again as they were: the other officer's under that officer's session, the device's own under none.
    expect((await push(device, [entries[2]!, entries[3]!], other.token)).map((r) => r.status)).toEqual(['accepted', 'accepted']);
    expect((await push(device, [entries[0]!])).map((r) => r.status)).toEqual(['accepted']);
    // The same numbers under the refusing session now answer from the record, as any replay does.
    expect((await push(device, [entries[0]!, entries[2]!], mai.token)).map((r) => r.status)).toEqual(['accepted', 'accepted']);
  });

  it("answers a replay of an applied entry from its record, whatever officer's session comes with it", async () => {
    const device = await communeWithDevice(gw.app);
    const mai = await staffOn(device);
    const other = await staffOn(device, 'Hà Văn Khác');
    const mine = receiptBy(device, mai.id, 1);
    const [first] = await push(device, [mine], mai.token);
    expect(first?.status).toBe('accepted');
    expect(await push(device, [mine], other.token)).toEqual([first]);
    expect(await push(device, [mine])).toEqual([first]);
  });

  it("takes the device's own word when no session comes with the push, as before sign-in existed", async () => {
    const device = await communeWithDevice(gw.app);
    const received = receiptBy(device, device.deviceId, 1);
    const answers = await push(device, [received, moveBy(received.entityId, device.deviceId, 'startProcessing', '2026-03-02T03:00:00Z')]);
    expect(answers.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    const [row] = await gw.db.query<{ changed_by_staff: string | null; changed_by_device: string }>(
      'select changed_by_staff, changed_by_device from dossiers where id = $1',
      [received.entityId],
    );
    expect(row).toEqual({ changed_by_staff: null, changed_by_device: device.deviceId });
  });

  it('refuses a push whose session was opened on another device of the commune, or on none, like a bad staff token', async () => {
    const device = await communeWithDevice(gw.app);
    const sibling = await enrolDevice(gw.app, device.communeId, 'Máy bên cạnh');
    const onSibling = await staffOn(sibling);
    const username = `tt.${unique()}`;
    // The same account signed in with no device token: a session of no device.
    const onNone = await signedInStaff(gw.app, { ...device, token: '' }, { fullName: 'Vi Văn Xa', role: 'leader', username });
    const entry = receiptBy(device, onSibling.id, 1);
    for (const session of [onSibling.token, onNone.token]) {
      const res = await json(gw.app, 'POST', '/api/sync/push', { entries: [entry] }, device.token, { 'X-Staff-Token': session });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { message: string }).message).toMatch(/không được mở trên thiết bị này/);
    }
    expect(await recorded(device)).toEqual([]);
    // The sibling's officer signs in on this device: the same entry goes through.
    const again = await json(gw.app, 'POST', '/api/auth/sign-in', { username: onSibling.username, password: 'mat-khau-dai-1' }, device.token);
    const { token } = (await again.json()) as { token: string };
    expect((await push(device, [entry], token))[0]?.status).toBe('accepted');
  });
});
