// The outbox's answers and its quarantine on a fake IndexedDB: accepted entries leave, refused ones
// wait visibly, and a resend goes back in under new mutation numbers with the dossier's other
// refused entries, in their first order. A refused receipt can be corrected (its people) and is
// then sent once, carrying the correction.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { MotcuaDb } from './db';
import { emptyPerson, type PersonEntry } from '../domain/intake';
import { addEntry, applyPushResults, correctRefusedDossier, listQuarantine, nextBatch, QuarantineFixError, resendEntry } from './outbox';
import { pendingEntry, sampleBirthDossier } from './test-support';
import { recordUploadDone, recordUploadFailed } from './uploads';
import type { DossierRow } from './schema';

let db: MotcuaDb;
beforeEach(async () => {
  db = new MotcuaDb(`outbox-${crypto.randomUUID()}`);
  await db.open();
});

describe('the quarantine', () => {
  it('keeps refused entries out of the batches while those behind them go on', async () => {
    const [a, b, c] = await Promise.all([
      addEntry(db, pendingEntry('dossier.receive', 'd1')),
      addEntry(db, pendingEntry('dossier.receive', 'd2')),
      addEntry(db, pendingEntry('dossier.transition', 'd2')),
    ]);
    await applyPushResults(db, [{ mutation: a!, status: 'rejected', reason: 'Mã hồ sơ đã được dùng.' }]);
    expect((await nextBatch(db, 10)).map((e) => e.seq)).toEqual([b, c]);
    expect((await listQuarantine(db)).map((e) => [e.seq, e.lastError])).toEqual([[a, 'Mã hồ sơ đã được dùng.']]);
  });

  it('keeps the refusal’s code beside its reason, and drops both when the entry is sent again', async () => {
    const a = await addEntry(db, pendingEntry('dossier.transition', 'd1'));
    await applyPushResults(db, [{ mutation: a, status: 'rejected', reason: 'Không tìm thấy hồ sơ trên máy chủ.', code: 'dossier.not_on_server' }]);
    expect((await listQuarantine(db)).map((e) => [e.lastError, e.lastErrorCode])).toEqual([['Không tìm thấy hồ sơ trên máy chủ.', 'dossier.not_on_server']]);
    await resendEntry(db, a);
    const [again] = await nextBatch(db, 10);
    expect(again).not.toHaveProperty('lastError');
    expect(again).not.toHaveProperty('lastErrorCode');
    // Refused again by a gateway that sends no code: no code of the earlier refusal is left behind.
    await applyPushResults(db, [{ mutation: again!.seq!, status: 'rejected', reason: 'Lý do mới.' }]);
    expect((await listQuarantine(db)).map((e) => [e.lastError, e.lastErrorCode])).toEqual([['Lý do mới.', undefined]]);
  });

  it('resends under new numbers, with the dossier’s other refused entries in their order', async () => {
    await db.dossiers.put({ id: 'd1', syncState: 'rejected' } as never);
    const receive = await addEntry(db, pendingEntry('dossier.receive', 'd1', { v: 1 }));
    const other = await addEntry(db, pendingEntry('dossier.receive', 'd9'));
    const move = await addEntry(db, pendingEntry('dossier.transition', 'd1', { action: 'startProcessing' }));
    await applyPushResults(db, [
      { mutation: receive, status: 'rejected', reason: 'Thời điểm thao tác ở tương lai.' },
      { mutation: move, status: 'rejected', reason: 'Không tìm thấy hồ sơ trên máy chủ.' },
    ]);

    const fresh = await resendEntry(db, receive, { v: 2 });
    expect(fresh).toHaveLength(2);
    expect(Math.min(...fresh)).toBeGreaterThan(move);
    expect(await listQuarantine(db)).toEqual([]);
    const batch = await nextBatch(db, 10);
    expect(batch.map((e) => [e.seq, e.kind, e.payload, e.lastError])).toEqual([
      [other, 'dossier.receive', {}, undefined],
      [fresh[0], 'dossier.receive', { v: 2 }, undefined],
      [fresh[1], 'dossier.transition', { action: 'startProcessing' }, undefined],
    ]);
    expect((await db.dossiers.get('d1'))?.syncState).toBe('waiting');
  });

  it('tries the dossier’s refused files again on a resend, and leaves other files alone', async () => {
    await db.dossiers.put({ id: 'd1', syncState: 'rejected' } as never);
    await db.attachments.bulkPut([
      { id: 'p1', ownerId: 'd1', sha256: 'a'.repeat(64) },
      { id: 'p2', ownerId: 'd1', sha256: 'b'.repeat(64) },
      { id: 'p3', ownerId: 'd9', sha256: 'c'.repeat(64) },
    ] as never);
    await recordUploadFailed(db, 'a'.repeat(64), 10, 'Tệp nhận được không khớp mã SHA-256.');
    await recordUploadDone(db, 'b'.repeat(64), 10);
    await recordUploadFailed(db, 'c'.repeat(64), 10, 'Quá lớn.');
    const receive = await addEntry(db, pendingEntry('dossier.receive', 'd1'));
    await applyPushResults(db, [{ mutation: receive, status: 'rejected', reason: 'Máy chủ chưa có tệp.' }]);

    await resendEntry(db, receive);
    expect(await db.uploads.get('a'.repeat(64))).toBeUndefined(); // sent again from the start
    expect((await db.uploads.get('b'.repeat(64)))?.status).toBe('done');
    expect((await db.uploads.get('c'.repeat(64)))?.status).toBe('failed'); // another dossier's
  });

  it('does nothing for an entry that is not in quarantine', async () => {
    const seq = await addEntry(db, pendingEntry('dossier.receive', 'd1'));
    expect(await resendEntry(db, seq)).toEqual([]);
    expect((await nextBatch(db, 10)).map((e) => e.seq)).toEqual([seq]);
  });
});

describe("a team's submission whose lookup code is taken (issue 15)", () => {
  it('draws a new lookup code and goes back in the queue under a new number, not into quarantine', async () => {
    const at = '2026-03-02T01:00:00.000Z';
    const old = 'ABCDE-FGHJK';
    await db.dossiers.add({
      id: 's1',
      code: old,
      lookupCode: old,
      status: 1,
      receivedAt: at,
      dueAt: at,
      submittedAt: at,
      syncState: 'waiting',
      data: {},
      updatedAt: at,
      ...sampleBirthDossier,
    });
    const a = await addEntry(db, pendingEntry('dossier.submit', 's1', { id: 's1', lookupCode: old }));
    await applyPushResults(db, [{ mutation: a, status: 'rejected', reason: 'Mã tra cứu đã được dùng.', code: 'submission.lookup_code_taken' }]);
    expect(await listQuarantine(db)).toEqual([]);
    const [again] = await nextBatch(db, 10);
    const row = (await db.dossiers.get('s1'))!;
    expect(again!.seq).not.toBe(a);
    expect(row.lookupCode).not.toBe(old);
    expect(row.code).toBe(row.lookupCode);
    expect(again!.payload).toEqual({ id: 's1', lookupCode: row.lookupCode });
    expect(row.syncState).toBe('waiting');
  });
});

describe('correcting a refused dossier', () => {
  // What an officer pasted into the address box: a whole page of text, past the gateway's 500 characters.
  const pasted = 'Thôn Nà Pồ, xã Bản Mẫu. '.repeat(30) + '\u0000\u200b<script>alert(1)</script>';
  const applicant: PersonEntry = {
    ...emptyPerson,
    fullName: 'Nguyễn Văn Mẫu',
    idNumber: '001099000001',
    birthDate: '1999-03-15',
    sex: 'Nam',
    address: pasted,
    phone: '0912345678',
  };
  const fixedApplicant: PersonEntry = { ...applicant, address: 'Thôn Nà Pồ, xã Bản Mẫu' };

  async function receivedAndRefused(): Promise<{ receive: number; move: number; row: DossierRow }> {
    const intake = { procedureCode: '1.001193', applicant, ownerIsApplicant: true, owner: { ...emptyPerson }, note: '' };
    const row = {
      ...sampleBirthDossier,
      id: 'd1',
      code: 'H01-260302-0001',
      status: 2,
      receivedAt: '2026-03-02T01:00:00.000Z',
      dueAt: '2026-03-05T10:00:00.000Z',
      syncState: 'waiting',
      data: { intake, state: { status: 2, log: [] } },
      updatedAt: '2026-03-02T01:00:00.000Z',
    } as DossierRow;
    await db.dossiers.put(row);
    // The receipt's payload carries more than the row (its papers): a correction must keep them.
    const attachments = [{ componentIndex: 0, sha256: 'a'.repeat(64), name: 'to-khai.pdf', type: 'application/pdf', size: 10 }];
    const receive = await addEntry(db, pendingEntry('dossier.receive', 'd1', { ...row, attachments }));
    const move = await addEntry(db, pendingEntry('dossier.transition', 'd1', { action: 'startProcessing' }));
    await applyPushResults(db, [
      { mutation: receive, status: 'rejected', reason: 'Hồ sơ gửi lên thiếu hoặc sai thông tin: địa chỉ của người nộp.' },
      { mutation: move, status: 'rejected', reason: 'Không tìm thấy hồ sơ trên máy chủ.' },
    ]);
    return { receive, move, row };
  }

  it('corrects the dossier and its refused receipt together and queues them once, in order', async () => {
    const { move } = await receivedAndRefused();
    const now = new Date('2026-03-02T03:00:00.000Z');
    const fresh = await correctRefusedDossier(db, 'd1', { applicant: fixedApplicant, ownerIsApplicant: true, owner: { ...emptyPerson } }, now);
    expect(fresh).toHaveLength(2);
    expect(Math.min(...fresh)).toBeGreaterThan(move);
    expect(await listQuarantine(db)).toEqual([]);

    const batch = await nextBatch(db, 10);
    expect(batch.map((e) => [e.seq, e.kind, e.lastError])).toEqual([
      [fresh[0], 'dossier.receive', undefined],
      [fresh[1], 'dossier.transition', undefined],
    ]);
    const sent = batch[0]!.payload as DossierRow & { attachments: unknown[]; data: { intake: { applicant: PersonEntry } } };
    expect(sent.data.intake.applicant).toEqual(fixedApplicant);
    expect(sent.attachments).toHaveLength(1);
    expect(sent.code).toBe('H01-260302-0001');
    expect(sent.updatedAt).toBe(now.toISOString());
    expect(batch[1]!.payload).toEqual({ action: 'startProcessing' });

    const stored = (await db.dossiers.get('d1'))!;
    expect((stored.data as { intake: { applicant: PersonEntry } }).intake.applicant).toEqual(fixedApplicant);
    expect(stored.syncState).toBe('waiting');

    // A second click (or another tab) finds nothing refused: nothing is queued twice.
    expect(await correctRefusedDossier(db, 'd1', { applicant: fixedApplicant, ownerIsApplicant: true, owner: { ...emptyPerson } }, now)).toEqual([]);
    expect(await db.outbox.count()).toBe(2);
  });

  it('moves the owner columns with the owner: a dossier about another person names that person', async () => {
    await receivedAndRefused();
    const owner: PersonEntry = { ...emptyPerson, fullName: 'Nguyễn Thị Bé', idNumber: '001325000009', birthDate: '2025-12-01', sex: 'Nữ' };
    await correctRefusedDossier(db, 'd1', { applicant: fixedApplicant, ownerIsApplicant: false, owner });
    const stored = (await db.dossiers.get('d1'))!;
    expect([stored.applicantName, stored.applicantIdNumber]).toEqual(['Nguyễn Thị Bé', '001325000009']);
    const [sent] = await nextBatch(db, 1);
    expect((sent!.payload as DossierRow).applicantName).toBe('Nguyễn Thị Bé');
  });

  it('refuses to rewrite a dossier whose receipt the gateway accepted, and changes nothing', async () => {
    const { row } = await receivedAndRefused();
    await db.outbox.filter((e) => e.kind === 'dossier.receive').delete(); // the receipt went through
    const before = await db.outbox.toArray();
    await expect(correctRefusedDossier(db, 'd1', { applicant: fixedApplicant, ownerIsApplicant: true, owner: { ...emptyPerson } })).rejects.toBeInstanceOf(
      QuarantineFixError,
    );
    expect(await db.outbox.toArray()).toEqual(before);
    expect((await db.dossiers.get('d1'))?.data).toEqual(row.data);
  });

  it('keeps everything as it was when the write fails half-way', async () => {
    const { receive } = await receivedAndRefused();
    const before = { outbox: await db.outbox.toArray(), dossier: await db.dossiers.get('d1') };
    // A payload that is no dossier at all: the correction throws after the row was written.
    await db.outbox.update(receive, { payload: null });
    const quarantined = await db.outbox.toArray();
    await expect(correctRefusedDossier(db, 'd1', { applicant: fixedApplicant, ownerIsApplicant: true, owner: { ...emptyPerson } })).rejects.toBeInstanceOf(
      QuarantineFixError,
    );
    expect(await db.outbox.toArray()).toEqual(quarantined);
    expect(await db.dossiers.get('d1')).toEqual(before.dossier);
  });
});
