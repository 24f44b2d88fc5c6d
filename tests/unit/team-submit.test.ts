// A community team's tablet (issue 15): the submission the app queues, made by the real intake team
// variant on a fake IndexedDB, is exactly what the gateway's 'dossier.submit' schema takes, and a
// real gateway (PGlite) accepts it from a team device, as status 1 with its lookup code, papers uploaded first.
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachFile, createDraft, getDb, type OutboxEntry } from '../../src/db';
import { demoCatalogue } from '../../src/domain/catalogue';
import { isLookupCode } from '../../src/domain/dossier';
import { newDraftData } from '../../src/domain/intake';
import { submitDraft } from '../../src/features/intake/submit';
import { submissionState } from '../../src/features/team/submission-state';
import { submissionRowSchema } from '../../server/sync/schemas';
import { communeWithDevice, enrolDevice, json, startTestGateway, type TestDevice, type TestGateway } from '../../server/test/gateway';
import { OPEN_DB_TIMEOUT_MS } from '../../server/test/test-db';
import { demoCommune } from '../../server/seed/demo';

const procedure = demoCatalogue().procedures[0]!;
const hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const page = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new TextEncoder().encode('trang 1 của tờ khai')]);

let gw: TestGateway;
let tablet: TestDevice;
beforeAll(async () => {
  gw = await startTestGateway('pglite');
  const desk = await communeWithDevice(gw.app);
  tablet = { ...(await enrolDevice(gw.app, desk.communeId, 'Máy tính bảng tổ 1', 'team')), agencyCode: desk.agencyCode };
}, OPEN_DB_TIMEOUT_MS);
afterAll(async () => gw?.cleanup());

describe("a team tablet's submission", () => {
  it('is queued in the shape the gateway takes, and a real gateway accepts it from a team device', async () => {
    const db = getDb();
    await db.settings.bulkPut([
      { key: 'commune', value: { ...demoCommune, id: tablet.communeId, agencyCode: tablet.agencyCode }, updatedAt: '' },
      { key: 'device', value: { id: tablet.deviceId, short: tablet.deviceShort, role: 'team' }, updatedAt: '' },
      { key: 'deskProfile', value: { officerName: 'Hà Thị Tổ', officerPhone: '0912000111' }, updatedAt: '' },
    ]);
    const data = newDraftData(procedure, 1);
    data.applicant = {
      fullName: 'Lò Văn Dân',
      idNumber: '001099000002',
      birthDate: '1990-01-02',
      sex: 'Nam',
      address: 'Bản Nà Pồ',
      phone: '0987654321',
      email: '',
    };
    data.components = data.components.map((c) => ({ ...c, received: true }));
    const at = new Date().toISOString();
    await createDraft(db, { id: 'draft-t', procedureCode: procedure.code, procedure, step: 'review', data, createdAt: at, updatedAt: at });
    await attachFile(
      db,
      { id: 'att-t', ownerId: 'draft-t', componentIndex: 0, sha256: hex(page), name: 'to-khai.jpg', type: 'image/jpeg', size: page.length },
      new Blob([page]),
    );
    const now = new Date(Date.now() - 60_000);
    const { id, lookupCode } = await submitDraft('draft-t', data, procedure, now);
    expect(isLookupCode(lookupCode)).toBe(true);

    // The tablet's own row: no official code yet, waiting to send; the draft is gone.
    const row = (await db.dossiers.get(id))!;
    expect([row.status, row.lookupCode, row.code, row.syncState]).toEqual([1, lookupCode, lookupCode, 'waiting']);
    expect(submissionState(row)).toEqual({ kind: 'waiting' });
    expect(await db.drafts.get('draft-t')).toBeUndefined();

    const entries: OutboxEntry[] = await db.outbox.orderBy('seq').toArray();
    expect(entries.map((e) => e.kind)).toEqual(['dossier.submit']);
    const sent = JSON.parse(JSON.stringify(entries[0]!.payload)) as { attachments?: unknown; data: { state: { log: { role: string }[] } } };
    const parsed = submissionRowSchema.safeParse(sent);
    expect(parsed.success, JSON.stringify(parsed.error)).toBe(true);
    expect(sent.attachments).toEqual([{ componentIndex: 0, sha256: hex(page), name: 'to-khai.jpg', type: 'image/jpeg', size: page.length }]);
    expect(sent.data.state.log.map((l) => l.role)).toEqual(['communityTeam']);

    // The paper first (tus), then the change, from the team device.
    const auth = { authorization: `Bearer ${tablet.token}`, 'tus-resumable': '1.0.0' };
    const created = await gw.app.request('/api/files', {
      method: 'POST',
      headers: { ...auth, 'upload-length': String(page.length), 'upload-metadata': `sha256 ${Buffer.from(hex(page)).toString('base64')}` },
    });
    const patched = await gw.app.request(created.headers.get('location')!, {
      method: 'PATCH',
      headers: { ...auth, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
      body: new Uint8Array(page),
    });
    expect(patched.status).toBe(204);
    const res = await json(
      gw.app,
      'POST',
      '/api/sync/push',
      { entries: entries.map((e) => ({ mutation: e.seq, kind: e.kind, entityId: e.entityId, payload: e.payload })) },
      tablet.token,
    );
    const { results } = (await res.json()) as { results: { status: string; reason?: string }[] };
    expect(results.map((r) => r.reason ?? r.status)).toEqual(['accepted']);
  });
});
