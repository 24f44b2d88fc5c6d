// Community-team tablets (issue 15) on real databases: a team tablet submits online filings with a
// lookup code (a taken code refused with its own reason), pulls only its own, sees the desk's
// supplement request with its note and resubmits with the missing paper; the desk pulls the
// submission like any change, receives it under a provisional code that becomes official, with
// the appointment counted from the receipt; the province hears of it as an online filing. What a
// team tablet may not push, and what a desk may not, is refused entry by entry.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkingTime } from '../../src/domain/calendar';
import { vnDayKey } from '../../src/domain/dossier';
import { processingTimeOf } from '../../src/domain/intake';
import { toUpwardRecord } from '../upward/record';
import { DEMO_TEAM_STAFF, retireDemoAccounts, seedDemoAccounts } from '../seed/demo-accounts';
import { demoCommune } from '../seed/demo';
import {
  ADMIN_TOKEN,
  createCommune,
  enrolDevice,
  json,
  pushEntries,
  signedInStaff,
  startTestGateway,
  uploadFile,
  useTestGateway,
  type TestDevice,
  type TestGateway,
} from '../test/gateway';
import { OPEN_DB_TIMEOUT_MS } from '../test/test-db';
import { nextMutation, receiveEntry, submissionPayload, submitEntry, transitionEntry } from '../test/dossiers';
import { testDatabaseKinds } from '../test/test-db';
import type { StoredDossier } from './dossier-store';
import type { PullPage } from './pull';

const SUBMITTED = new Date('2026-03-02T01:00:00Z'); // Monday 08:00 in Vietnam
const RECEIVED = '2026-03-03T02:00:00.000Z'; // Tuesday 09:00

describe.each(testDatabaseKinds)('community-team submissions on %s', (kind) => {
  const gw = useTestGateway(kind);
  const push = (device: TestDevice, entries: unknown[]) => pushEntries(gw.app, device, entries);
  const pull = async (device: { token: string }) => {
    const res = await json(gw.app, 'GET', '/api/sync/pull?since=0&limit=1000', undefined, device.token);
    expect(res.status).toBe(200);
    return (await res.json()) as PullPage;
  };
  const dossiersIn = (page: PullPage) => page.changes.flatMap((c) => (c.type === 'dossier' ? [c.dossier] : []));
  const stored = async (id: string) =>
    (
      await gw.db.query<{ code: string | null; lookup_code: string | null; received_at: unknown; status: number; data: StoredDossier }>(
        'select code, lookup_code, received_at, status, data from dossiers where id = $1',
        [id],
      )
    )[0]!;

  async function commune() {
    const { id } = await createCommune(gw.app);
    const desk = await enrolDevice(gw.app, id, 'Máy bộ phận một cửa');
    const team = await enrolDevice(gw.app, id, 'Máy tính bảng tổ 1', 'team');
    return { desk, team };
  }

  async function paper(device: TestDevice, componentIndex: number) {
    const bytes = randomBytes(300);
    await uploadFile(gw.app, device, bytes, `giay-${componentIndex}.pdf`);
    return { componentIndex, sha256: createHash('sha256').update(bytes).digest('hex'), name: `giay-${componentIndex}.pdf`, type: 'application/pdf', size: 300 };
  }

  it('enrols a team tablet with the role its code says, and tells it so', async () => {
    const { id } = await createCommune(gw.app);
    const code = await json(gw.app, 'POST', '/api/admin/enrolment-codes', { communeId: id, role: 'team' }, ADMIN_TOKEN);
    expect(code.status).toBe(201);
    const issued = (await code.json()) as { code: string; role: string };
    expect(issued.role).toBe('team');
    const enrolled = await json(gw.app, 'POST', '/api/devices/enrol', { code: issued.code, deviceName: 'Máy tính bảng' });
    const answer = (await enrolled.json()) as { role: string; deviceToken: string };
    expect(answer.role).toBe('team');
    expect(await (await json(gw.app, 'GET', '/api/auth/me', undefined, answer.deviceToken)).json()).toMatchObject({ deviceRole: 'team' });
    const desk = await enrolDevice(gw.app, id);
    expect(await (await json(gw.app, 'GET', '/api/auth/me', undefined, desk.token)).json()).toMatchObject({ deviceRole: 'desk' });
    expect((await json(gw.app, 'POST', '/api/admin/enrolment-codes', { communeId: id, role: 'leader' }, ADMIN_TOKEN)).status).toBe(400);
    const listed = (await (await json(gw.app, 'GET', `/api/admin/devices?communeId=${id}`, undefined, ADMIN_TOKEN)).json()) as { devices: { role: string }[] };
    expect(listed.devices.map((d) => d.role)).toEqual(['team', 'desk']);
  });

  it('takes a submission from a team tablet, refuses a taken lookup code, and lets only the team see its own', async () => {
    const { desk, team } = await commune();
    const other = await enrolDevice(gw.app, team.communeId, 'Máy tính bảng tổ 2', 'team');
    const papers = [await paper(team, 0), await paper(team, 1)];
    const entry = submitEntry(team, { submittedAt: SUBMITTED, attachments: papers });
    const [accepted] = await push(team, [entry]);
    expect(accepted).toMatchObject({ status: 'accepted' });
    expect(accepted?.officialCode).toBeUndefined();
    const row = await stored(entry.entityId);
    expect([row.status, row.code, row.received_at, row.lookup_code]).toEqual([1, null, null, entry.payload.lookupCode]);
    // Sent again under another number: the same submission, answered as applied.
    expect((await push(team, [{ ...entry, mutation: nextMutation() }]))[0]).toMatchObject({ status: 'accepted', serverVersion: accepted?.serverVersion });

    // Another submission (any tablet, any commune) under the same lookup code: refused, the tablet makes a new one.
    const clash = submitEntry(other, { submittedAt: SUBMITTED, lookupCode: entry.payload.lookupCode });
    expect((await push(other, [clash]))[0]).toMatchObject({ status: 'rejected', code: 'submission.lookup_code_taken' });
    expect((await push(other, [{ ...clash, mutation: nextMutation(), payload: { ...clash.payload, lookupCode: 'ZZZZZ-00001' } }]))[0]?.status).toBe('accepted');

    // The desk pulls both like any change; each tablet only its own.
    expect(
      dossiersIn(await pull(desk))
        .map((d) => d.id)
        .sort(),
    ).toEqual([entry.entityId, clash.entityId].sort());
    expect(dossiersIn(await pull(team)).map((d) => d.id)).toEqual([entry.entityId]);
    expect(dossiersIn(await pull(other)).map((d) => d.id)).toEqual([clash.entityId]);
    const pulled = dossiersIn(await pull(team))[0]!;
    expect([pulled.status, pulled.code, pulled.receivedAt, pulled.lookupCode]).toEqual([1, undefined, undefined, entry.payload.lookupCode]);
    // Files: the tablet learns only of its own.
    const heldByOther = (await (await json(gw.app, 'POST', '/api/files/held', { sha256: papers.map((p) => p.sha256) }, other.token)).json()) as {
      held: string[];
    };
    expect(heldByOther.held).toEqual([]);
    const heldByDesk = (await (await json(gw.app, 'POST', '/api/files/held', { sha256: papers.map((p) => p.sha256) }, desk.token)).json()) as {
      held: string[];
    };
    expect(heldByDesk.held.sort()).toEqual(papers.map((p) => p.sha256).sort());
    expect((await json(gw.app, 'GET', `/api/files/by-hash/${papers[0]!.sha256}`, undefined, other.token)).status).toBe(404);
    expect((await json(gw.app, 'GET', `/api/files/by-hash/${papers[0]!.sha256}`, undefined, team.token)).status).toBe(200);
  });

  it('refuses a submission that is not one: wrong status or channel, a desk actor, a receipt, a bad lookup code', async () => {
    const { team } = await commune();
    const base = submissionPayload(team, { submittedAt: SUBMITTED });
    const bad = [
      { ...base, status: 2 },
      { ...base, data: { ...base.data, channel: 'direct' } },
      { ...base, lookupCode: 'AB12C-D34EU' },
      { ...base, code: '000.00.12.H38-260302-0001' },
      { ...base, receivedAt: SUBMITTED.toISOString() },
      { ...base, data: { ...base.data, state: { ...base.data.state, log: [{ ...base.data.state.log[0]!, role: 'receptionOfficer' }] } } },
      { ...base, data: { ...base.data, state: { ...base.data.state, log: [{ ...base.data.state.log[0]!, whoId: 'someone-else' }] } } },
      { ...base, submittedAt: '2099-01-01T00:00:00Z' },
    ];
    const results = await push(
      team,
      bad.map((payload) => ({ mutation: nextMutation(), kind: 'dossier.submit', entityId: base.id, payload })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(bad.length).fill('rejected'));
    expect(results.map((r) => r.code)).toEqual([
      'entry.invalid_fields',
      'dossier.wrong_status',
      'entry.invalid_fields',
      'entry.invalid_fields',
      'entry.invalid_fields',
      'entry.role_not_allowed',
      'entry.actor_mismatch',
      'entry.clock_future',
    ]);
    expect(await gw.db.query('select id from dossiers where id = $1', [base.id])).toEqual([]);
  });

  it('carries a supplement request before receipt to the tablet, takes the resubmission, then the desk receives it with its code and appointment', async () => {
    const { desk, team } = await commune();
    const first = await paper(team, 0);
    const entry = submitEntry(team, { submittedAt: SUBMITTED, attachments: [first] });
    expect((await push(team, [entry]))[0]?.status).toBe('accepted');
    const id = entry.entityId;

    // The desk asks for the missing paper (1 → 5), with Mẫu 02's line; no clock runs.
    const ask = transitionEntry(id, 'requestSupplement', '2026-03-02T03:00:00Z', 'Thiếu giấy chứng sinh');
    const asked = await push(desk, [{ ...ask, payload: { ...ask.payload, items: [{ name: 'Giấy chứng sinh', reason: 'Chưa nộp' }] } }]);
    expect(asked[0]?.status).toBe('accepted');
    const onTablet = dossiersIn(await pull(team))[0]! as StoredDossier & { supplementRequest?: { items: unknown[] } };
    expect(onTablet.status).toBe(5);
    expect(onTablet.data.state.log.at(-1)).toMatchObject({ action: 'requestSupplement', note: 'Thiếu giấy chứng sinh' });
    expect(onTablet.supplementRequest?.items).toEqual([{ name: 'Giấy chứng sinh', reason: 'Chưa nộp' }]);
    expect(onTablet.data.state.pausedAt).toBeNull();
    expect((await stored(id)).data.dueAt).toBeUndefined();

    // Another team tablet cannot resubmit it; the desk cannot either; the tablet that filed it can.
    const second = await paper(team, 1);
    const resubmit = (actorId: string, mutation = nextMutation()) => ({
      mutation,
      kind: 'dossier.resubmit',
      entityId: id,
      payload: {
        dossierId: id,
        actor: { id: actorId, name: 'Hà Thị Tổ', role: 'communityTeam' },
        at: '2026-03-02T08:00:00Z',
        note: 'Đã bổ sung',
        attachments: [second],
      },
    });
    const stranger = await enrolDevice(gw.app, team.communeId, 'Máy tính bảng tổ 3', 'team');
    expect((await push(stranger, [resubmit(stranger.deviceId)]))[0]).toMatchObject({ status: 'rejected', code: 'submission.not_own' });
    expect((await push(desk, [resubmit(desk.deviceId)]))[0]).toMatchObject({ status: 'rejected', code: 'entry.role_not_allowed' });
    expect((await push(team, [resubmit(team.deviceId)]))[0]?.status).toBe('accepted');
    const back = await stored(id);
    expect(back.status).toBe(1);
    expect(back.data.attachments?.map((a) => a.componentIndex)).toEqual([0, 1]);
    expect(back.data.data.state.log.map((l) => l.action)).toEqual(['submit', 'requestSupplement', 'resubmit']);

    // The team cannot receive it; the desk receives it under a provisional code, made official here.
    const receive = (device: TestDevice, code: string) => ({
      mutation: nextMutation(),
      kind: 'dossier.receiveSubmission',
      entityId: id,
      payload: { dossierId: id, code, actor: { id: device.deviceId, name: 'Lò Thị Mai', role: 'receptionOfficer' }, at: RECEIVED },
    });
    const day = vnDayKey(new Date(RECEIVED));
    expect((await push(team, [receive(team, `TAM-${team.deviceShort}-${day}-0001`)]))[0]).toMatchObject({ status: 'rejected', code: 'entry.role_not_allowed' });
    const [received] = await push(desk, [receive(desk, `TAM-${desk.deviceShort}-${day}-0001`)]);
    expect(received).toMatchObject({ status: 'accepted', officialCode: `${desk.agencyCode}-${day}-0001` });
    const row = await stored(id);
    const due = createWorkingTime().appointmentFor(new Date(RECEIVED), processingTimeOf(row.data.data.intake) ?? { processingDays: 0 });
    expect([row.status, row.code, new Date(row.received_at as string).toISOString(), row.data.dueAt]).toEqual([
      2,
      `${desk.agencyCode}-${day}-0001`,
      RECEIVED,
      due.toISOString(),
    ]);
    expect(row.data.lookupCode).toBe(entry.payload.lookupCode);
    // The tablet sees the official code; the province hears of an online filing.
    expect(dossiersIn(await pull(team))[0]).toMatchObject({ status: 2, code: `${desk.agencyCode}-${day}-0001` });
    expect(toUpwardRecord(row.data)).toMatchObject({ MaHoSo: `${desk.agencyCode}-${day}-0001`, KenhThucHien: 2, TrangThaiHoSo: 2 });
    expect(await gw.db.query('select dossier_id from upward_queue where dossier_id = $1', [id])).toHaveLength(1);
    // A transition 'receive' is not a way around the code.
    const again = submitEntry(team, { submittedAt: SUBMITTED });
    await push(team, [again]);
    expect((await push(desk, [transitionEntry(again.entityId, 'receive', RECEIVED)]))[0]).toMatchObject({
      status: 'rejected',
      code: 'transition.receive_submission',
    });
  });

  it('refuses a submission with its reason, which the tablet sees, and never sends it upward', async () => {
    const { desk, team } = await commune();
    const entry = submitEntry(team, { submittedAt: SUBMITTED });
    await push(team, [entry]);
    expect((await push(desk, [transitionEntry(entry.entityId, 'refuse', RECEIVED)]))[0]).toMatchObject({ status: 'rejected', code: 'status.note_required' });
    expect((await push(desk, [transitionEntry(entry.entityId, 'refuse', RECEIVED, 'Không thuộc thẩm quyền của xã')]))[0]?.status).toBe('accepted');
    const seen = dossiersIn(await pull(team))[0]!;
    expect([seen.status, seen.data.refusalReason, seen.data.state.log.at(-1)?.note]).toEqual([
      3,
      'Không thuộc thẩm quyền của xã',
      'Không thuộc thẩm quyền của xã',
    ]);
    expect(await gw.db.query('select dossier_id from upward_queue where dossier_id = $1', [entry.entityId])).toEqual([]);
  });

  it('lets a team tablet push nothing but its own kinds, reserve no numbers, and a desk no submission', async () => {
    const { desk, team } = await commune();
    const results = await push(team, [
      receiveEntry(team, { code: `TAM-${team.deviceShort}-260302-0001` }),
      receiveEntry(team, { code: `TAM-${team.deviceShort}-260302-0002`, status: 3 }),
      transitionEntry('any-dossier-id', 'startProcessing', RECEIVED),
      { mutation: nextMutation(), kind: 'dossier.rate', entityId: 'x', payload: {} },
      { mutation: nextMutation(), kind: 'dossier.result', entityId: 'x', payload: {} },
    ]);
    expect(results.map((r) => r.code)).toEqual(Array(5).fill('entry.role_not_allowed'));
    expect((await push(desk, [submitEntry(desk)]))[0]).toMatchObject({ status: 'rejected', code: 'entry.role_not_allowed' });
    const blocks = await json(gw.app, 'POST', '/api/code-blocks', { days: [vnDayKey(new Date())], size: 5 }, team.token);
    expect(blocks.status).toBe(403);
    expect(await gw.db.query('select 1 from code_blocks where device_id = $1', [team.deviceId])).toEqual([]);
  });

  it('signs a community team in on its tablet only, and holds its entries to that officer', async () => {
    const { desk, team } = await commune();
    const member = await signedInStaff(gw.app, team, { fullName: 'Hà Thị Tổ', role: 'communityTeam', username: `congnghe.${team.deviceShort.toLowerCase()}` });
    // On a desk, the team's account is refused with its reason; a desk officer on the tablet too.
    const onDesk = await json(gw.app, 'POST', '/api/auth/sign-in', { username: member.username, password: 'mat-khau-dai-1' }, desk.token);
    expect(onDesk.status).toBe(403);
    expect(((await onDesk.json()) as { error: string }).error).toBe('wrong_device_role');
    await expect(signedInStaff(gw.app, { ...desk, token: team.token }, { fullName: 'Lò Thị Mai', role: 'receptionOfficer' })).rejects.toThrow(/403/);

    const withSession = async (entries: unknown[]) => {
      const res = await json(gw.app, 'POST', '/api/sync/push', { entries }, team.token, { 'X-Staff-Token': member.token });
      return ((await res.json()) as { results: { status: string; code?: string }[] }).results;
    };
    expect((await withSession([submitEntry(team, { actor: { id: 'someone-else', name: 'Người khác' } })]))[0]?.code).toBe('entry.actor_mismatch');
    const own = submitEntry(team, { actor: { id: member.id, name: 'Hà Thị Tổ' } });
    expect((await withSession([own]))[0]?.status).toBe('accepted');
    // The team's officer alone (no tablet) pulls none of the commune's dossiers.
    const alone = await json(gw.app, 'POST', '/api/auth/sign-in', { username: member.username, password: 'mat-khau-dai-1' });
    const { token } = (await alone.json()) as { token: string };
    expect(dossiersIn(await pull({ token }))).toEqual([]);
    expect(dossiersIn(await pull(desk)).map((d) => d.id)).toContain(own.entityId);
  });
});

describe("the demo commune's community team", () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway('pglite', { demoMode: true });
    await seedDemoAccounts(gw.db);
  }, OPEN_DB_TIMEOUT_MS);
  afterAll(async () => gw?.cleanup());

  it('enrols a team tablet with DEMO-TEAM, signs congnghe.demo in on it, and retires the account with demo mode', async () => {
    const enrolled = await json(gw.app, 'POST', '/api/devices/enrol', { code: 'demo-team', deviceName: 'Máy tính bảng dùng thử' });
    expect(enrolled.status).toBe(201);
    const tablet = (await enrolled.json()) as { role: string; deviceToken: string; commune: { id: string } };
    expect([tablet.role, tablet.commune.id]).toEqual(['team', demoCommune.id]);
    const signIn = await json(
      gw.app,
      'POST',
      '/api/auth/sign-in',
      { username: DEMO_TEAM_STAFF.username, password: DEMO_TEAM_STAFF.password },
      tablet.deviceToken,
    );
    expect(signIn.status).toBe(200);
    expect(((await signIn.json()) as { staff: { role: string } }).staff.role).toBe('communityTeam');
    expect(await retireDemoAccounts(gw.db)).toBe(true);
    const after = await json(
      gw.app,
      'POST',
      '/api/auth/sign-in',
      { username: DEMO_TEAM_STAFF.username, password: DEMO_TEAM_STAFF.password },
      tablet.deviceToken,
    );
    expect(after.status).toBe(401);
  });
});
