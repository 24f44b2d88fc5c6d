// The receipt's appointment date (ngày hẹn trả) for a procedure counted in calendar days: "15 ngày"
// from Tuesday 22/4/2025 is Wednesday 7/5 on the calendar, not 15 working days (15/5). Through the
// app's own receipt path on a fake IndexedDB, down to what the printed receipt shows.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDraft, getDb, readDossierData, toReportRecord } from '../../db';
import { demoCatalogue, type Procedure } from '../../domain/catalogue';
import { classifyFinished } from '../../domain/dossier';
import { newDraftData } from '../../domain/intake';
import { receiptProps } from './print/paper-props';
import { receiveDraft } from './receive';

const vn = (text: string) => new Date(`${text.replace(' ', 'T')}:00+07:00`);
const byCode = (code: string) => demoCatalogue().procedures.find((p) => p.code === code)!;

beforeEach(async () => {
  const db = getDb();
  await Promise.all([db.settings.clear(), db.dossiers.clear(), db.drafts.clear()]);
  await db.settings.bulkPut([
    { key: 'commune', value: { id: 'xa-ban-mau', name: 'Xã Bản Mẫu', provinceCode: '38', agencyCode: '000.00.12.H38', officeHours: null }, updatedAt: '' },
    { key: 'device', value: { id: 'dev-1', short: 'K7M2PQ' }, updatedAt: '' },
  ]);
});

async function receive(procedure: Procedure, at: Date) {
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
  await createDraft(getDb(), { id: 'draft-1', procedureCode: procedure.code, procedure, step: 'review', data, createdAt: '', updatedAt: '' });
  const { id } = await receiveDraft('draft-1', data, procedure, at);
  return (await getDb().dossiers.get(id))!;
}

describe('appointment at intake', () => {
  it('counts a calendar-day procedure on the calendar, across a weekend and 30/4-2/5', async () => {
    const dossier = await receive(byCode('2.000806'), vn('2025-04-22 09:00'));
    const due = vn('2025-05-07 09:00').toISOString();
    expect(dossier.dueAt).toBe(due);
    expect(readDossierData(dossier).state.appointmentAt?.toISOString()).toBe(due);
    expect(readDossierData(dossier).intake?.countedIn).toBe('calendarDays');
    expect(receiptProps(dossier, 'A4').dueAt).toBe(due);
    // The receipt says the time in its unit, not in the catalogue's wording (print/paper-props.test.ts).
    expect(receiptProps(dossier, 'A4').procedure.processingText).toBe('15 ngày (tính theo ngày lịch)');
    // The reports judge by the appointment kept with the dossier: a result on Friday 9/5 is late.
    const record = toReportRecord(dossier, []);
    expect(record.appointmentAt?.toISOString()).toBe(due);
    expect(classifyFinished(record.appointmentAt!, vn('2025-05-09 10:00'))).toBe('late');
  });

  it('counts a working-day procedure in working days over the same holidays', async () => {
    const dossier = await receive(byCode('1.004884'), vn('2025-04-28 09:00'));
    expect(dossier.dueAt).toBe(vn('2025-05-08 09:00').toISOString());
  });
});
