// The receipt and the refusal write nothing the gateway would refuse for its length: a box too
// long stops the write with the intake's own message, and the owner's hidden boxes are not sent
// (fake IndexedDB, real app code).
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDraft, getDb, RESERVE_KEY } from '../../db';
import { demoCatalogue } from '../../domain/catalogue';
import { vnDayKey, type CodeReserve } from '../../domain/dossier';
import { newDraftData, type IntakeDraftData } from '../../domain/intake';
import { IntakeError, receiveDraft, refuseDraft } from './receive';

const AGENCY = '000.00.12.H38';
const procedure = demoCatalogue().procedures[0]!;

async function newDraft(id: string, change: (data: IntakeDraftData) => void = () => {}) {
  const data = newDraftData(procedure, 1);
  data.applicant = {
    fullName: 'Nguyễn Văn Mẫu',
    idNumber: '001099000001',
    birthDate: '1999-03-15',
    sex: 'Nam',
    address: 'Thôn Nà Pồ',
    phone: '0912345678',
    email: '',
  };
  data.components = data.components.map((c) => ({ ...c, received: true }));
  change(data);
  await createDraft(getDb(), { id, procedureCode: procedure.code, procedure, step: 'review', data, createdAt: '', updatedAt: '' });
  return data;
}

const written = async () => {
  const db = getDb();
  return { dossiers: await db.dossiers.toArray(), outbox: await db.outbox.toArray(), drafts: (await db.drafts.toArray()).map((d) => d.id) };
};

beforeEach(async () => {
  const db = getDb();
  await Promise.all([db.settings.clear(), db.dossiers.clear(), db.drafts.clear(), db.outbox.clear()]);
  const today = vnDayKey(new Date());
  const held: CodeReserve = { agency: AGENCY, deviceShort: 'K7M2PQ', blocks: [{ agency: AGENCY, day: today, from: 1, to: 3 }], provisional: null };
  await db.settings.bulkPut([
    { key: 'commune', value: { id: 'xa-ban-mau', name: 'Xã Bản Mẫu', provinceCode: '38', agencyCode: AGENCY, officeHours: null }, updatedAt: '' },
    { key: 'device', value: { id: 'dev-1', short: 'K7M2PQ' }, updatedAt: '' },
    { key: RESERVE_KEY, value: held, updatedAt: '' },
  ]);
});

describe('lengths the gateway takes, at the write', () => {
  it('refuses to receive a 501-character address, writing nothing, with the box and the limit named', async () => {
    const data = await newDraft('draft-long', (d) => (d.applicant.address = 'x'.repeat(501)));
    const before = await written();
    const error = await receiveDraft('draft-long', data, procedure).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntakeError);
    expect((error as Error).message).toBe(
      'Người nộp: ô "Nơi cư trú" dài 501 ký tự, quá giới hạn 500 ký tự máy chủ nhận. Hãy rút gọn (kiểm tra lại nội dung vừa dán).',
    );
    expect(await written()).toEqual(before);
  });

  it('refuses a refusal whose reason or person is too long, and takes one at the limit', async () => {
    const data = await newDraft('draft-refuse', (d) => (d.owner.email = `${'x'.repeat(200)}@a.vn`));
    data.ownerIsApplicant = false;
    const before = await written();
    await expect(refuseDraft('draft-refuse', data, procedure, 'Thiếu giấy tờ')).rejects.toThrow(/^Chủ hồ sơ: ô "Thư điện tử" dài 205 ký tự, quá giới hạn 200/);
    data.owner.email = '';
    await expect(refuseDraft('draft-refuse', data, procedure, ` ${'L'.repeat(4001)} `)).rejects.toThrow(
      'Lý do từ chối quá dài (4001 ký tự, tối đa 4000): rút gọn lại.',
    );
    expect(await written()).toEqual(before);
    await refuseDraft('draft-refuse', data, procedure, ` ${'L'.repeat(4000)} `);
    const [refused] = (await written()).dossiers;
    expect((refused?.data as { refusalReason?: string }).refusalReason).toHaveLength(4000);
  });

  it("does not send the owner's boxes hidden behind 'the applicant is the owner'", async () => {
    // Typed for an owner, then the box ticked: the owner's long paste is out of sight, so not sent.
    const data = await newDraft('draft-hidden', (d) => {
      d.owner = { ...d.applicant, fullName: 'Lê Thị B', address: 'y'.repeat(900) };
      d.ownerIsApplicant = true;
    });
    const { id } = await receiveDraft('draft-hidden', data, procedure);
    type Sent = { applicantName: string; data: { intake: IntakeDraftData } };
    const row = (await getDb().dossiers.get(id)) as Sent | undefined;
    expect(row?.data.intake.owner).toEqual({ fullName: '', idNumber: '', birthDate: '', sex: '', address: '', phone: '', email: '' });
    expect(row?.applicantName).toBe('Nguyễn Văn Mẫu');
    const [entry] = (await written()).outbox;
    expect((entry?.payload as Sent).data.intake.owner.address).toBe('');
  });
});
