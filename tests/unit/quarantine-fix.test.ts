// A receipt the gateway refuses for a person's field, fixed on the device and sent again: the
// app's real intake on a fake IndexedDB, a real gateway (PGlite) in process. The refusal names the
// field in plain words; the limit the desk checks is the gateway's own (one value, in
// src/domain/intake), right at its edge; the correction travels once, under a new mutation
// number, and the gateway then holds the corrected dossier.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyPushResults,
  correctRefusedDossier,
  createDraft,
  getDb,
  listQuarantine,
  nextBatch,
  type DossierRow,
  type OutboxEntry,
  type PushResult,
} from '../../src/db';
import { demoCatalogue } from '../../src/domain/catalogue';
import { newDraftData, PERSON_FIELD_MAX, personFieldsTooLong, type PersonEntry } from '../../src/domain/intake';
import { receiveDraft } from '../../src/features/intake/receive';
import { demoCommune } from '../../server/seed/demo';
import { communeWithDevice, json, startTestGateway, type TestDevice, type TestGateway } from '../../server/test/gateway';
import { OPEN_DB_TIMEOUT_MS } from '../../server/test/test-db';

const procedure = demoCatalogue().procedures[0]!;
let gw: TestGateway;
let device: TestDevice;
beforeAll(async () => {
  gw = await startTestGateway('pglite');
  device = await communeWithDevice(gw.app);
  const commune = { ...demoCommune, id: device.communeId, agencyCode: device.agencyCode };
  await getDb().settings.bulkPut([
    { key: 'commune', value: commune, updatedAt: '' },
    { key: 'device', value: { id: device.deviceId, short: device.deviceShort }, updatedAt: '' },
    { key: 'deskProfile', value: { officerName: 'Lò Thị Mai', officerPhone: '0209000000' }, updatedAt: '' },
  ]);
}, OPEN_DB_TIMEOUT_MS);
afterAll(async () => gw?.cleanup());

const applicant: PersonEntry = {
  fullName: 'Nguyễn Văn Mẫu',
  idNumber: '001099000001',
  birthDate: '1999-03-15',
  sex: 'Nam',
  address: 'Thôn Nà Pồ',
  phone: '0912345678',
  email: '',
};

async function receive(draftId: string, person: PersonEntry): Promise<string> {
  const data = newDraftData(procedure, 1);
  data.applicant = person;
  data.components = data.components.map((c) => ({ ...c, received: true }));
  const at = new Date().toISOString();
  await createDraft(getDb(), { id: draftId, procedureCode: procedure.code, procedure, step: 'review', data, createdAt: at, updatedAt: at });
  return (await receiveDraft(draftId, data, procedure, new Date(Date.now() - 60_000))).id;
}

/**
 * Puts `address` in the receipt's row and its waiting outbox entry: what an app from before the
 * desk checked the gateway's limits queued (receiveDraft now refuses it, src/features/intake/receive-limits.test.ts).
 */
async function plantApplicantAddress(id: string, address: string): Promise<void> {
  type Sent = { data: { intake: { applicant: PersonEntry } } };
  const db = getDb();
  await db.transaction('rw', db.dossiers, db.outbox, async () => {
    const row = (await db.dossiers.get(id)) as DossierRow & Sent;
    row.data.intake.applicant.address = address;
    await db.dossiers.put(row);
    await db.outbox
      .where('entityId')
      .equals(id)
      .modify((entry) => {
        (entry.payload as Sent).data.intake.applicant.address = address;
      });
  });
}

/** One push of what waits, as the pump sends it (through JSON), its answers applied on the device. */
async function pushWaiting(): Promise<PushResult[]> {
  const batch: OutboxEntry[] = await nextBatch(getDb(), 50);
  const entries = batch.map((e) => JSON.parse(JSON.stringify({ mutation: e.seq, kind: e.kind, entityId: e.entityId, payload: e.payload })) as unknown);
  const res = await json(gw.app, 'POST', '/api/sync/push', { entries }, device.token);
  expect(res.status).toBe(200);
  const { results } = (await res.json()) as { results: PushResult[] };
  await applyPushResults(getDb(), results);
  return results;
}

describe('a refused receipt, fixed and sent again', () => {
  it('is refused naming the field, and once fixed is accepted with the correction, sent once', async () => {
    // A whole pasted page, with a tab, a zero-width space and markup, one character past the limit.
    const noise = 'Thôn Nà Pồ,\txã Bản Mẫu\u200b <b>';
    const pasted = noise.repeat(Math.ceil((PERSON_FIELD_MAX.address + 1) / noise.length)).slice(0, PERSON_FIELD_MAX.address + 1);
    expect(personFieldsTooLong({ ...applicant, address: pasted })).toEqual([
      { field: 'address', max: PERSON_FIELD_MAX.address, length: PERSON_FIELD_MAX.address + 1 },
    ]);
    const id = await receive('draft-long', applicant);
    await plantApplicantAddress(id, pasted);

    const [refused] = await pushWaiting();
    expect(refused).toMatchObject({ status: 'rejected', reason: 'Hồ sơ gửi lên thiếu hoặc sai thông tin: địa chỉ của người nộp.' });
    const [quarantined] = await listQuarantine(getDb());
    expect(quarantined?.entityId).toBe(id);

    // Exactly at the limit is what the gateway takes: the desk's check and the gateway's agree.
    const fixed: PersonEntry = { ...applicant, address: pasted.slice(0, PERSON_FIELD_MAX.address) };
    expect(personFieldsTooLong(fixed)).toEqual([]);
    const fresh = await correctRefusedDossier(getDb(), id, { applicant: fixed, ownerIsApplicant: true, owner: applicant });
    expect(fresh).toHaveLength(1);
    expect(fresh[0]).toBeGreaterThan(quarantined!.seq!);
    expect(await correctRefusedDossier(getDb(), id, { applicant: fixed, ownerIsApplicant: true, owner: applicant })).toEqual([]);

    const answers = await pushWaiting();
    expect(answers).toEqual([expect.objectContaining({ mutation: fresh[0], status: 'accepted' })]);
    expect(await getDb().outbox.count()).toBe(0);
    const row = (await getDb().dossiers.get(id)) as DossierRow;
    expect(row.syncState).toBe('accepted');

    // What the gateway holds, as another desk pulls it: the corrected address, one dossier.
    const pulled = await gw.app.request('/api/sync/pull?since=0', { headers: { authorization: `Bearer ${device.token}` } });
    const { changes } = (await pulled.json()) as { changes: { type: string; dossier?: { id: string; data: { intake: { applicant: PersonEntry } } } }[] };
    const held = changes.filter((c) => c.type === 'dossier' && c.dossier?.id === id);
    expect(held).toHaveLength(1);
    expect(held[0]!.dossier!.data.intake.applicant.address).toBe(fixed.address);
  });
});
