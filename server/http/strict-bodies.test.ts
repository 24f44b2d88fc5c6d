// Strict schemas on every body the gateway reads: a field it does not know (at the top or deep
// inside) is refused, never stored and never handed to another device on pull. For each body the
// same request without the stranger is taken, so each refusal is the stranger's doing. On PGlite
// and PostgreSQL.
import { describe, expect, it } from 'vitest';
import { reservableDays } from '../code-blocks';
import { demoCommune } from '../seed/demo';
import { ADMIN_TOKEN, communeWithDevice, enrolDevice, holdFile, json, pushEntries, useTestGateway } from '../test/gateway';
import { nextMutation, receiveEntry, submitEntry, transitionEntry } from '../test/dossiers';
import { testDatabaseKinds } from '../test/test-db';

/** The stranger's name and value: found nowhere in the database or on pull, whatever happens. */
const STRANGER = 'truongLaXyz';
const MARK = 'gia-tri-la-0xdeadbeef';
const PASSWORD = 'mat-khau-dai-1';
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter += 1)}`;

/** The same object with one more field `at` the given path (none: at the top). */
function withStranger<T>(value: T, ...path: (string | number)[]): T {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path) node = node[key] as Record<string | number, unknown>;
  node[STRANGER] = MARK;
  return copy as T;
}

describe.each(testDatabaseKinds)('strict bodies on %s', (kind) => {
  const gw = useTestGateway(kind);
  const admin = (url: string, body: unknown) => json(gw.app, 'POST', url, body, ADMIN_TOKEN);

  async function expectNowhere() {
    const tables = await gw.db.query<{ table_name: string }>("select table_name from information_schema.tables where table_schema = 'public'");
    for (const { table_name } of tables) {
      const rows = await gw.db.query(`select t::text as row from ${table_name} t`);
      expect(JSON.stringify(rows).includes(MARK), `${table_name} holds the stranger`).toBe(false);
    }
  }

  it('refuses an unknown field in enrolment, sign-in, admin forms, code blocks, held-files questions and the push body', async () => {
    const device = await communeWithDevice(gw.app);
    const username = `nghiem.${unique()}`;
    expect(
      (await admin('/api/admin/staff', { communeId: device.communeId, username, fullName: 'Vi Văn Nghiêm', role: 'receptionOfficer', password: PASSWORD }))
        .status,
    ).toBe(201);
    const { code } = (await (await admin('/api/admin/enrolment-codes', { communeId: device.communeId })).json()) as { code: string };
    const n = (counter % 90) + 10;

    const bodies: { what: string; url: string; token?: string; good: Record<string, unknown>; strangers: unknown[]; taken: number }[] = [
      {
        what: 'enrolment',
        url: '/api/devices/enrol',
        good: { code, deviceName: 'Máy quầy 2' },
        strangers: [withStranger({ code, deviceName: 'Máy quầy 2' })],
        taken: 201,
      },
      {
        what: 'sign-in',
        url: '/api/auth/sign-in',
        good: { username, password: PASSWORD },
        strangers: [withStranger({ username, password: PASSWORD })],
        taken: 200,
      },
      {
        what: 'a new commune',
        url: '/api/admin/communes',
        token: ADMIN_TOKEN,
        good: { name: 'Xã Nghiêm Ngặt', provinceCode: '15', agencyCode: `300.00.${n}.H15`, officeHours: demoCommune.officeHours },
        strangers: [
          withStranger({ name: 'Xã Nghiêm Ngặt', provinceCode: '15', agencyCode: `300.00.${n}.H15` }),
          withStranger({ name: 'Xã Nghiêm Ngặt', provinceCode: '15', agencyCode: `300.00.${n}.H15`, officeHours: demoCommune.officeHours }, 'officeHours'),
        ],
        taken: 201,
      },
      {
        what: 'a new officer',
        url: '/api/admin/staff',
        token: ADMIN_TOKEN,
        good: { communeId: device.communeId, username: `moi.${unique()}`, fullName: 'Cán Bộ Mới', role: 'leader', password: PASSWORD },
        strangers: [
          {
            communeId: device.communeId,
            username: `moi.${unique()}`,
            fullName: 'Cán Bộ Mới',
            role: 'leader',
            password: PASSWORD,
            isAdmin: true,
            [STRANGER]: MARK,
          },
        ],
        taken: 201,
      },
      {
        what: 'an enrolment code',
        url: '/api/admin/enrolment-codes',
        token: ADMIN_TOKEN,
        good: { communeId: device.communeId },
        strangers: [withStranger({ communeId: device.communeId })],
        taken: 201,
      },
      {
        what: 'dossier numbers',
        url: '/api/code-blocks',
        token: device.token,
        good: { days: reservableDays(new Date()).slice(0, 1), size: 2 },
        strangers: [withStranger({ days: reservableDays(new Date()).slice(0, 1), size: 2 })],
        taken: 200,
      },
      {
        what: 'held files',
        url: '/api/files/held',
        token: device.token,
        good: { sha256: ['a'.repeat(64)] },
        strangers: [withStranger({ sha256: ['a'.repeat(64)] })],
        taken: 200,
      },
      { what: 'a push', url: '/api/sync/push', token: device.token, good: { entries: [] }, strangers: [withStranger({ entries: [] })], taken: 200 },
    ];
    for (const body of bodies) {
      for (const stranger of body.strangers) {
        const res = await json(gw.app, 'POST', body.url, stranger, body.token);
        expect(res.status, `${body.what} with a stranger: ${await res.clone().text()}`).toBe(400);
        const answer: unknown = await res.json();
        expect(answer, body.what).toMatchObject({ error: 'bad_request', message: expect.stringMatching(/\S/) });
        // The answer names the stranger (never its value), so whoever sent it knows what to remove.
        if (body.url !== '/api/sync/push') expect(JSON.stringify(answer), body.what).toContain(STRANGER);
        expect(JSON.stringify(answer), body.what).not.toContain(MARK);
      }
      // Nothing was used up by the refusals: the enrolment code still enrols, the account still signs in.
      expect((await json(gw.app, 'POST', body.url, body.good, body.token)).status, `${body.what} without it`).toBe(body.taken);
    }
    await expectNowhere();
  });

  it('refuses an unknown field in an entry of each kind, or deep in its payload, with its name, and keeps nothing of it', async () => {
    const device = await communeWithDevice(gw.app);
    const push = (entries: unknown[]) => pushEntries(gw.app, device, entries);
    const refusedFor = async (entry: { mutation: number }, reason: RegExp) => {
      const [result] = await push([{ ...entry, mutation: nextMutation() }]);
      expect(result, JSON.stringify(entry).slice(0, 200)).toMatchObject({ status: 'rejected', reason: expect.stringMatching(reason) });
    };
    const taken = async (entry: { mutation: number }) =>
      expect((await push([entry]))[0], JSON.stringify(entry).slice(0, 200)).toMatchObject({ status: 'accepted' });

    const received = receiveEntry(device, { code: `TAM-${device.deviceShort}-260302-0001` });
    const refused = receiveEntry(device, { code: `TAM-${device.deviceShort}-260302-0002`, status: 3 });
    const sha = 'b'.repeat(64);
    await holdFile(gw.db, device.communeId, sha, 2048);
    const id = received.entityId;
    const start = transitionEntry(id, 'startProcessing', '2026-03-02T03:00:00Z');
    const result = {
      mutation: nextMutation(),
      kind: 'dossier.result',
      entityId: id,
      payload: { dossierId: id, sha256: sha, name: 'kq.pdf', type: 'application/pdf', size: 2048, at: '2026-03-02T03:30:00Z' },
    };
    const ready = transitionEntry(id, 'markResultReady', '2026-03-02T04:00:00Z');
    const returned = transitionEntry(id, 'returnResult', '2026-03-02T05:00:00Z');
    const rate = { mutation: nextMutation(), kind: 'dossier.rate', entityId: id, payload: { dossierId: id, rating: 'good', at: '2026-03-02T05:10:00Z' } };

    // Each kind in its turn: the stranger on the entry, at the top of the payload and deep inside
    // it is refused; then the entry as the app writes it goes through.
    const steps: [{ mutation: number }, (string | number)[][]][] = [
      [
        received,
        [[], ['payload'], ['payload', 'data', 'intake', 'applicant'], ['payload', 'data', 'state', 'log', 0], ['payload', 'data', 'commune', 'officeHours']],
      ],
      [refused, [[], ['payload'], ['payload', 'data', 'fees'], ['payload', 'data', 'officer']]],
      [start, [[], ['payload'], ['payload', 'actor']]],
      [result, [[], ['payload']]],
      [ready, [['payload']]],
      [returned, [['payload']]],
      [rate, [[], ['payload']]],
    ];
    for (const [entry, places] of steps) {
      for (const place of places) {
        // Named where it is; the entry's own extra fields and the office hours (checked by the
        // calendar's schema) are refused under a general reason.
        const reason =
          place.length === 0
            ? /trường lạ ngoài mutation, kind, entityId, payload/
            : place.at(-1) === 'officeHours'
              ? /thông tin xã \(officeHours\)/
              : new RegExp(`trường lạ "${STRANGER}"`);
        await refusedFor(withStranger(entry, ...place), reason);
      }
      await taken(entry);
    }
    const [stored] = await gw.db.query<{ status: number; data: { satisfaction?: unknown; results?: unknown[] } }>(
      'select status, data from dossiers where id = $1',
      [id],
    );
    expect(stored).toMatchObject({ status: 10, data: { satisfaction: { rating: 'good' }, results: [expect.objectContaining({ sha256: sha })] } });
    const pulled = await (await json(gw.app, 'GET', '/api/sync/pull?since=0', undefined, device.token)).text();
    expect(pulled).toContain(id);
    expect(pulled).not.toContain(MARK);
    await expectNowhere();
  });
  it("refuses an unknown field in a community team's submission, its resubmission and the desk's receipt of it (issue 15)", async () => {
    const desk = await communeWithDevice(gw.app);
    const team = await enrolDevice(gw.app, desk.communeId, 'Máy tính bảng tổ', 'team');
    const sha = 'c'.repeat(64);
    await holdFile(gw.db, desk.communeId, sha, 2048);
    await gw.db.query('update commune_files set first_device_id = $1 where sha256 = $2', [team.deviceId, sha]);
    const paper = { componentIndex: 1, sha256: sha, name: 'giay.pdf', type: 'application/pdf', size: 2048 };
    const submit = submitEntry(team, { submittedAt: new Date('2026-03-02T01:00:00Z'), attachments: [paper] });
    const id = submit.entityId;
    const ask = transitionEntry(id, 'requestSupplement', '2026-03-02T02:00:00Z', 'Thiếu giấy chứng sinh');
    const resubmit = {
      mutation: nextMutation(),
      kind: 'dossier.resubmit',
      entityId: id,
      payload: { dossierId: id, actor: { id: team.deviceId, name: 'Hà Thị Tổ', role: 'communityTeam' }, at: '2026-03-02T03:00:00Z', attachments: [paper] },
    };
    const receive = {
      mutation: nextMutation(),
      kind: 'dossier.receiveSubmission',
      entityId: id,
      payload: {
        dossierId: id,
        code: `TAM-${desk.deviceShort}-260302-0001`,
        actor: { id: desk.deviceId, name: 'Lò Thị Mai', role: 'receptionOfficer' },
        at: '2026-03-02T04:00:00Z',
        officer: { officerName: 'Lò Thị Mai', officerPhone: '0209000000' },
      },
    };
    const steps: [{ mutation: number }, { token: string }, (string | number)[][]][] = [
      [submit, team, [[], ['payload'], ['payload', 'data', 'state', 'log', 0], ['payload', 'attachments', 0]]],
      [ask, desk, []],
      [resubmit, team, [[], ['payload'], ['payload', 'actor'], ['payload', 'attachments', 0]]],
      [receive, desk, [[], ['payload'], ['payload', 'actor'], ['payload', 'officer']]],
    ];
    for (const [entry, device, places] of steps) {
      for (const place of places) {
        const [result] = await pushEntries(gw.app, device, [{ ...withStranger(entry, ...place), mutation: nextMutation() }]);
        const reason = place.length === 0 ? /trường lạ ngoài mutation, kind, entityId, payload/ : new RegExp(`trường lạ "${STRANGER}"`);
        expect(result, `${(entry as { kind?: string }).kind} ${place.join('.')}`).toMatchObject({ status: 'rejected', reason: expect.stringMatching(reason) });
      }
      expect((await pushEntries(gw.app, device, [entry]))[0], (entry as { kind?: string }).kind).toMatchObject({ status: 'accepted' });
    }
    const [stored] = await gw.db.query<{ status: number }>('select status from dossiers where id = $1', [id]);
    expect(stored?.status).toBe(2);
    await expectNowhere();
  });
});
