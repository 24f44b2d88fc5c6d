// A dossier walked through the desk on a fake IndexedDB: each action writes row, log and outbox
// together; the supplement request works once and its receipt takes in each line's paper (or a
// note why none is kept); the clock stops while waiting; a refused action writes nothing; the
// result paper is checked by its bytes; the rating is kept once.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkingTime } from '../../domain/calendar';
import { openDossier } from '../../domain/dossier';
import { computeReport } from '../../domain/reports';
import {
  addComponentPages,
  listProcessingLog,
  loadReportRecords,
  MotcuaDb,
  pagesKey,
  readDossierData,
  saveComponentDeliverables,
  setCurrentOfficer,
  supplementComponentIndex,
  type DossierRow,
} from '../../db';
import { attachCapturedResult, attachResult, performDossierAction, rateDossier, DeskActionError, supplementCaptureOwner, supplementLines } from './actions';
import { sampleBirthDossier } from '../../db/test-support';

const vn = (t: string) => new Date(`${t.replace(' ', 'T')}:00+07:00`);
const clock = createWorkingTime();
const sha256Of = async (blob: Blob) =>
  [...new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()))].map((b) => b.toString(16).padStart(2, '0')).join('');

let db: MotcuaDb;
const ID = 'dossier-1';
const receivedAt = vn('2026-03-02 08:00'); // a Monday
const firstDue = clock.appointmentFor(receivedAt, { processingDays: 3 });

beforeEach(async () => {
  db = new MotcuaDb(`desk-${Math.random()}`);
  const actor = { id: 'device-1', name: 'Lò Thị Mai', role: 'receptionOfficer' as const };
  const opened = openDossier('desk', actor, receivedAt, firstDue);
  if (!opened.ok) throw new Error('open');
  await db.settings.bulkPut([
    { key: 'deskProfile', value: { officerName: 'Hà Văn Bình', officerPhone: '0912 000 111' }, updatedAt: '' },
    { key: 'commune', value: { id: 'demo', name: 'Xã Bản Mẫu', provinceCode: '15', agencyCode: '000.00.12.H38', officeHours: undefined }, updatedAt: '' },
    { key: 'device', value: { id: 'device-2', short: 'DEV002' }, updatedAt: '' },
  ]);
  await db.dossiers.add({
    id: ID,
    code: '000.00.12.H38-260302-0001',
    status: 2,
    ...sampleBirthDossier,
    receivedAt: receivedAt.toISOString(),
    dueAt: firstDue.toISOString(),
    syncState: 'accepted',
    data: {
      intake: { processingDays: 3, components: [{ index: 0, received: true, receivedAs: 'original', count: 1, conditionApplies: false }] },
      state: opened.value,
    },
    updatedAt: receivedAt.toISOString(),
  } as DossierRow);
  await db.attachments.add({ id: 'a0', ownerId: ID, componentIndex: 0, order: 0, sha256: 'x', name: 'to-khai.pdf', type: 'application/pdf', size: 10 });
});

const act = (action: Parameters<typeof performDossierAction>[1], at: string, input = {}) => performDossierAction(ID, action, input, vn(at), db);
const counts = async () => [await db.processingLog.count(), await db.outbox.count()];
const storedFile = (name: string, type: string) => ({
  sha256: name.padEnd(64, '0'),
  blob: new Blob([name], { type }),
  type,
  size: new Blob([name]).size,
  name,
});

/** A paper captured as the capture component leaves it: its page, and the PDF made from it. */
async function capture(owner: string, componentIndex: number, pdfName: string) {
  const pages = [storedFile(`${pdfName}-page-1`, 'image/tiff')];
  await addComponentPages(db, owner, componentIndex, pages);
  await saveComponentDeliverables(db, owner, componentIndex, pagesKey(pages), [storedFile(pdfName, 'application/pdf')]);
}

afterEach(() => setCurrentOfficer(null));

describe('who acts (issue 13)', () => {
  it('is the signed-in officer, in the log, the change sent and its outbox entry, with nothing typed; the desk profile only without one', async () => {
    setCurrentOfficer({ staffId: 'staff-7', username: 'lo.mai', fullName: 'Lò Thị Mai', role: 'processingOfficer' });
    await act('startProcessing', '2026-03-02 09:00');
    setCurrentOfficer(null);
    await act('requestSupplement', '2026-03-03 09:00', { supplementItems: [{ name: 'Giấy chứng sinh', reason: 'Bản photo không rõ chữ' }] });
    const log = await db.processingLog.where('dossierId').equals(ID).sortBy('at');
    expect(log.map((e) => [e.action, e.who, e.role])).toEqual([
      ['startProcessing', 'Lò Thị Mai', 'processingOfficer'],
      ['requestSupplement', 'Hà Văn Bình', 'receptionOfficer'],
    ]);
    const sent = await db.outbox.orderBy('seq').toArray();
    expect(sent.map((e) => [e.staffId, (e.payload as { actor: { id: string; name: string } }).actor])).toEqual([
      ['staff-7', { id: 'staff-7', name: 'Lò Thị Mai', role: 'processingOfficer' }],
      [undefined, { id: 'device-2', name: 'Hà Văn Bình', role: 'receptionOfficer' }],
    ]);
  });
});

describe('the dossier desk', () => {
  it('moves a calendar-day dossier by the days on the calendar spent waiting, not the working hours', async () => {
    // "15 ngày" on the calendar from Monday 2/3 08:00: Tuesday 17/3 08:00.
    const due = clock.appointmentFor(receivedAt, { processingDays: 15, countedIn: 'calendarDays' });
    expect(due).toEqual(vn('2026-03-17 08:00'));
    const row = (await db.dossiers.get(ID))!;
    const data = row.data as { intake: object; state: { appointmentAt: Date } };
    await db.dossiers.put({
      ...row,
      dueAt: due.toISOString(),
      data: { ...data, intake: { ...data.intake, processingDays: 15, countedIn: 'calendarDays' }, state: { ...data.state, appointmentAt: due } },
    });

    await act('startProcessing', '2026-03-02 09:00');
    await act('requestSupplement', '2026-03-06 09:00', { supplementItems: [{ name: 'Giấy chứng sinh', reason: 'Bản photo không rõ chữ' }] });
    await capture(supplementCaptureOwner(ID), 0, 'Giấy chứng sinh (bổ sung).pdf');
    // Friday 09:00 to Monday 09:00: three days on the calendar (only 8 working hours).
    const resumed = await act('receiveSupplement', '2026-03-09 09:00', { supplementReceipt: { captureOwner: supplementCaptureOwner(ID) } });
    expect(resumed.dueAt).toBe(vn('2026-03-20 08:00').toISOString());
    expect(readDossierData(resumed).state.appointmentAt).toEqual(vn('2026-03-20 08:00'));
  });

  it('walks a dossier through a supplement request and a return, logging who did what', async () => {
    await act('startProcessing', '2026-03-02 09:00');
    const paused = await act('requestSupplement', '2026-03-03 09:00', {
      supplementItems: [{ name: 'Giấy chứng sinh', reason: 'Bản photo không rõ chữ' }],
    });
    expect(paused.status).toBe(5);
    expect(paused.openDueAt).toBeUndefined(); // out of the due-soon and overdue views while waiting
    expect(readDossierData(paused).supplement?.items).toEqual([{ name: 'Giấy chứng sinh', reason: 'Bản photo không rõ chữ' }]);

    // The citizen brings the paper; it is captured as one PDF and taken in with the receipt.
    await capture(supplementCaptureOwner(ID), 0, 'Giấy chứng sinh (bổ sung).pdf');
    // Waited 3/3 09:00 → 5/3 09:00: 2.5 + 3.5 + 8 + 2 = 16 working hours, added to the appointment.
    const resumed = await act('receiveSupplement', '2026-03-05 09:00', { supplementReceipt: { captureOwner: supplementCaptureOwner(ID) } });
    expect(clock.workingHoursBetween(firstDue, new Date(resumed.dueAt))).toBe(16);
    expect(resumed.dueAt).toBe(clock.addWorkingHours(firstDue, 16).toISOString());

    // At most once: the button is gone, and a forced attempt writes nothing.
    const before = await counts();
    await expect(act('requestSupplement', '2026-03-05 10:00', { supplementItems: [{ name: 'x', reason: 'y' }] })).rejects.toMatchObject({
      code: 'status.supplement_already_requested',
    });
    expect(await counts()).toEqual(before);

    await act('markResultReady', '2026-03-06 10:00');
    await attachResult(ID, { blob: new Blob(['%PDF-1.4 kết quả']), name: 'giay-khai-sinh.pdf' }, sha256Of, vn('2026-03-06 10:05'), db);
    const returned = await act('returnResult', '2026-03-06 14:00');
    expect(returned.status).toBe(10);
    expect(readDossierData(returned).timing).toBe('early'); // ready 6/3, due after the 16 h moved it to 9/3 or later

    const log = await db.processingLog.where('dossierId').equals(ID).sortBy('at');
    expect(log.map((e) => [e.action, e.fromStatus, e.toStatus, e.who, e.role])).toEqual([
      ['startProcessing', 2, 4, 'Hà Văn Bình', 'receptionOfficer'],
      ['requestSupplement', 4, 5, 'Hà Văn Bình', 'receptionOfficer'],
      ['receiveSupplement', 5, 4, 'Hà Văn Bình', 'receptionOfficer'],
      ['markResultReady', 4, 9, 'Hà Văn Bình', 'receptionOfficer'],
      ['returnResult', 9, 10, 'Hà Văn Bình', 'receptionOfficer'],
    ]);
    expect(log[1]!.note).toBe('Giấy chứng sinh: Bản photo không rõ chữ');

    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => e.kind)).toEqual([
      'dossier.transition',
      'dossier.transition',
      'dossier.transition',
      'dossier.transition',
      'dossier.result',
      'dossier.transition',
    ]);
    expect(outbox[0]).toMatchObject({
      entityId: ID,
      status: 'pending',
      attempts: 0,
      payload: {
        dossierId: ID,
        action: 'startProcessing',
        actor: { id: 'device-2', name: 'Hà Văn Bình', role: 'receptionOfficer' },
        at: vn('2026-03-02 09:00').toISOString(),
      },
    });
    // The gateway replays the move through the same state machine and clock; the payload is only
    // what happened, with the paper named by its hash (the file goes up before the change).
    expect(Object.keys(outbox[1]!.payload as object).sort()).toEqual(['action', 'actor', 'at', 'dossierId', 'items', 'note', 'officerPhone']);
    // The lines themselves travel, so another desk can take in a paper per line, and whom to call about them.
    expect((outbox[1]!.payload as { officerPhone: unknown }).officerPhone).toBe('0912 000 111');
    expect((outbox[1]!.payload as { items: unknown }).items).toEqual([{ name: 'Giấy chứng sinh', reason: 'Bản photo không rõ chữ' }]);
    expect(outbox[2]!.payload).toEqual({
      dossierId: ID,
      action: 'receiveSupplement',
      actor: { id: 'device-2', name: 'Hà Văn Bình', role: 'receptionOfficer' },
      at: vn('2026-03-05 09:00').toISOString(),
      papers: [
        {
          item: 0,
          sha256: 'Giấy chứng sinh (bổ sung).pdf'.padEnd(64, '0'),
          name: 'Giấy chứng sinh (bổ sung).pdf',
          type: 'application/pdf',
          size: new Blob(['Giấy chứng sinh (bổ sung).pdf']).size,
        },
      ],
    });
    expect((await db.attachments.where('ownerId').equals(ID).sortBy('componentIndex')).map((a) => [a.componentIndex, a.type, a.name])).toEqual([
      [supplementComponentIndex(0), 'application/pdf', 'Giấy chứng sinh (bổ sung).pdf'],
      [-1, 'application/pdf', 'giay-khai-sinh.pdf'],
      [0, 'application/pdf', 'to-khai.pdf'],
    ]);
    // The capture is used up: no pages, no second copy.
    expect(await db.attachments.where('ownerId').startsWith(`${ID}#`).count()).toBe(0);
  });

  it('refuses what the state machine does not allow, with a Vietnamese reason, writing nothing', async () => {
    const before = await counts();
    const error = await act('returnResult', '2026-03-02 09:00').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeskActionError);
    expect((error as DeskActionError).message).toContain('Không thể "Trả kết quả"');
    await expect(act('startProcessing', '2026-03-02 09:00').then(() => act('stop', '2026-03-02 10:00'))).rejects.toMatchObject({
      code: 'status.note_required',
    });
    await expect(act('requestSupplement', '2026-03-02 10:00', { supplementItems: [{ name: 'Giấy chứng sinh', reason: '' }] })).rejects.toMatchObject({
      code: 'supplement.items_required',
    });
    const many = Array.from({ length: 51 }, (_, i) => ({ name: `Giấy tờ ${i + 1}`, reason: 'Thiếu' }));
    await expect(act('requestSupplement', '2026-03-02 10:00', { supplementItems: many })).rejects.toMatchObject({ code: 'supplement.too_many_items' });
    // A line the gateway would refuse for good is refused here, naming it.
    const long = [
      { name: 'Giấy chứng sinh', reason: 'Thiếu' },
      { name: 'Tờ khai', reason: 'L'.repeat(1001) },
    ];
    const tooLong = await act('requestSupplement', '2026-03-02 10:00', { supplementItems: long }).catch((e: unknown) => e);
    expect(tooLong).toMatchObject({ code: 'supplement.item_too_long' });
    expect((tooLong as Error).message).toContain('Giấy tờ thứ 2 ghi quá dài');
    await expect(act('requestSupplement', '2026-03-02 10:00', { supplementItems: [{ name: 'G'.repeat(501), reason: 'Thiếu' }] })).rejects.toMatchObject({
      code: 'supplement.item_too_long',
    });
    expect(await counts()).toEqual([before[0]! + 1, before[1]! + 1]); // only startProcessing
    expect((await db.dossiers.get(ID))?.status).toBe(4);
  });

  it('takes the rating once, after return, with a reason for "Không hài lòng"; the report counts it', async () => {
    await expect(rateDossier(ID, 'good', '', vn('2026-03-02 09:00'), db)).rejects.toMatchObject({ code: 'rating.not_returned' });
    await act('startProcessing', '2026-03-02 09:00');
    await act('markResultReady', '2026-03-09 09:00');
    await act('returnResult', '2026-03-09 10:00');
    await expect(rateDossier(ID, 'bad', ' ', vn('2026-03-09 10:01'), db)).rejects.toMatchObject({ code: 'rating.reason_required' });
    const rated = await rateDossier(ID, 'bad', 'Phải đi lại nhiều lần', vn('2026-03-09 10:02'), db);
    expect(readDossierData(rated).rating).toEqual({ value: 'bad', reason: 'Phải đi lại nhiều lần', at: vn('2026-03-09 10:02').toISOString() });
    await expect(rateDossier(ID, 'veryGood', '', vn('2026-03-09 10:03'), db)).rejects.toMatchObject({ code: 'rating.already' });
    const last = (await db.outbox.orderBy('seq').toArray()).at(-1);
    expect(last).toMatchObject({
      kind: 'dossier.rate',
      payload: { dossierId: ID, rating: 'bad', reason: 'Phải đi lại nhiều lần', at: vn('2026-03-09 10:02').toISOString() },
    });

    const period = { from: '2026-03-01', to: '2026-03-31' };
    const records = await loadReportRecords(db, { start: vn('2026-03-01 00:00'), end: vn('2026-04-01 00:00') });
    const report = computeReport(records, { period, now: vn('2026-04-02 08:00') });
    expect([report.received.total, report.finished, report.digitization, report.satisfaction.bad]).toEqual([
      1,
      { total: 1, early: 0, onTime: 0, late: 1 }, // due 5/3, ready 9/3
      { received: 1, digitized: 1 },
      1,
    ]);
    expect(await loadReportRecords(db, { start: vn('2026-04-01 00:00'), end: vn('2026-05-01 00:00') })).toEqual([]);
  });

  it('refuses a result file that is not a PDF or an image, whatever its name', async () => {
    await act('startProcessing', '2026-03-02 09:00');
    await expect(attachResult(ID, { blob: new Blob(['MZ not a pdf']), name: 'ket-qua.pdf' }, sha256Of, vn('2026-03-02 10:00'), db)).rejects.toMatchObject({
      code: 'file.type',
    });
    expect(await db.attachments.count()).toBe(1);
  });

  it('refuses a photo as the result paper: it is digitized first', async () => {
    await act('startProcessing', '2026-03-02 09:00');
    const jpeg = new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1])]);
    await expect(attachResult(ID, { blob: jpeg, name: 'IMG_0001.jpg' }, sha256Of, vn('2026-03-02 10:00'), db)).rejects.toMatchObject({ code: 'file.not_pdf' });
    expect(await db.attachments.count()).toBe(1);
  });

  it('attaches a captured result paper as its PDF and clears the capture in one go', async () => {
    await act('startProcessing', '2026-03-02 09:00');
    const owner = `${ID}#ket-qua`;
    const file = (name: string, type: string) => ({ sha256: name.padEnd(64, '0'), blob: new Blob([name], { type }), type, size: name.length, name });
    const pages = [file('page-1', 'image/tiff')];
    await addComponentPages(db, owner, 0, pages);
    // The PDF not yet made from the pages: nothing is attached.
    await expect(attachCapturedResult(ID, owner, vn('2026-03-02 10:00'), db)).rejects.toMatchObject({ code: 'result.pdf_pending' });
    await saveComponentDeliverables(db, owner, 0, pagesKey(pages), [file('ket-qua.pdf', 'application/pdf')]);
    await attachCapturedResult(ID, owner, vn('2026-03-02 10:05'), db);

    const rows = await db.attachments.toArray();
    expect(rows.map((r) => [r.ownerId, r.componentIndex, r.name]).sort()).toEqual([
      [ID, -1, 'ket-qua.pdf'],
      [ID, 0, 'to-khai.pdf'],
    ]);
    expect((await db.files.toArray()).map((f) => f.sha256.slice(0, 11))).toEqual(['ket-qua.pdf']);
    const [entry] = await db.outbox.filter((e) => e.kind === 'dossier.result').toArray();
    expect(entry?.payload).toMatchObject({ dossierId: ID, name: 'ket-qua.pdf', type: 'application/pdf', size: 11 });
  });
  describe('receiving the supplement', () => {
    const owner = supplementCaptureOwner(ID);
    const twoLines = [
      { name: 'Giấy chứng sinh', reason: 'Bản photo không rõ chữ' },
      { name: 'CCCD của người đi khai', reason: 'Chưa xuất trình' },
    ];
    beforeEach(async () => {
      await act('startProcessing', '2026-03-02 09:00');
      await act('requestSupplement', '2026-03-03 09:00', { supplementItems: twoLines });
    });
    const snapshot = async () => ({
      row: await db.dossiers.get(ID),
      counts: await counts(),
      attachments: (await db.attachments.toArray()).map((a) => [a.ownerId, a.componentIndex, a.sha256]).sort(),
      files: (await db.files.toArray()).map((f) => f.sha256).sort(),
    });
    const receive = (notes?: string[], note = '') =>
      act('receiveSupplement', '2026-03-05 09:00', { note, supplementReceipt: { captureOwner: owner, ...(notes ? { notes } : {}) } });

    it('takes in one PDF per line, under its line, with the move, the log and one outbox entry', async () => {
      await capture(owner, 0, 'Giấy chứng sinh.pdf');
      await capture(owner, 1, 'CCCD.pdf');
      const row = await receive(['', 'Bản chụp hai mặt'], 'Công dân nộp tại quầy');
      expect(row.status).toBe(4);
      const papers = await db.attachments
        .where('ownerId')
        .equals(ID)
        .filter((a) => a.componentIndex < -1)
        .toArray();
      expect(papers.map((a) => [a.componentIndex, a.name]).sort((a, b) => Number(b[0]) - Number(a[0]))).toEqual([
        [supplementComponentIndex(0), 'Giấy chứng sinh.pdf'],
        [supplementComponentIndex(1), 'CCCD.pdf'],
      ]);
      const last = (await db.outbox.orderBy('seq').toArray()).at(-1)!;
      expect(last.kind).toBe('dossier.transition');
      expect((last.payload as { papers: { item: number; name: string }[] }).papers.map((p) => [p.item, p.name])).toEqual([
        [0, 'Giấy chứng sinh.pdf'],
        [1, 'CCCD.pdf'],
      ]);
      // A line's note goes into the log with the officer's own note.
      expect((await listProcessingLog(db, ID)).at(-1)?.note).toBe('CCCD của người đi khai: Bản chụp hai mặt. Công dân nộp tại quầy');
      expect(await db.attachments.where('ownerId').startsWith(`${ID}#`).count()).toBe(0);
    });

    it('takes in a paper per line of a request made at another desk, its lines as pull brought them', async () => {
      // The row as pull leaves it on this desk: no request of its own, the gateway's beside the data.
      const row = (await db.dossiers.get(ID))!;
      const { supplement: _own, ...data } = row.data as Record<string, unknown>;
      const supplementRequest = { items: twoLines, requestedAt: vn('2026-03-03 09:00').toISOString(), officerName: 'Lò Thị Mai' };
      await db.dossiers.put({ ...row, data, supplementRequest } as DossierRow);
      expect(supplementLines((await db.dossiers.get(ID))!)).toEqual(twoLines);
      expect(readDossierData((await db.dossiers.get(ID))!).supplement?.officer).toEqual({ officerName: 'Lò Thị Mai', officerPhone: '' });
      // From an app that sends the officer's phone: Mẫu 02 printed here names it too.
      const withPhone = { ...row, data, supplementRequest: { ...supplementRequest, officerPhone: '0209 3870 123' } } as DossierRow;
      expect(readDossierData(withPhone).supplement?.officer).toEqual({ officerName: 'Lò Thị Mai', officerPhone: '0209 3870 123' });

      await capture(owner, 1, 'CCCD.pdf');
      const received = await receive(['Đã xem bản chính', '']);
      expect(received.status).toBe(4);
      const papers = await db.attachments
        .where('ownerId')
        .equals(ID)
        .filter((a) => a.componentIndex < -1)
        .toArray();
      expect(papers.map((a) => [a.componentIndex, a.name])).toEqual([[supplementComponentIndex(1), 'CCCD.pdf']]);
      expect((await listProcessingLog(db, ID)).at(-1)?.note).toBe('Giấy chứng sinh: Đã xem bản chính');
    });

    it('falls back to one line only for a request that came without lines (older apps)', async () => {
      const row = (await db.dossiers.get(ID))!;
      const { supplement: _own, ...data } = row.data as Record<string, unknown>;
      await db.dossiers.put({ ...row, data } as DossierRow);
      expect(supplementLines((await db.dossiers.get(ID))!)).toEqual([{ name: 'Giấy tờ bổ sung', reason: '' }]);
      // Lines the gateway could not have sent are no lines.
      await db.dossiers.put({ ...row, data, supplementRequest: { items: [{ name: 7 }], requestedAt: 'x' } } as DossierRow);
      expect(supplementLines((await db.dossiers.get(ID))!)).toEqual([{ name: 'Giấy tờ bổ sung', reason: '' }]);
    });

    it('receives a line without a paper when a note says why no copy is kept', async () => {
      await capture(owner, 0, 'Giấy chứng sinh.pdf');
      const row = await receive(['', '  Chỉ xuất trình bản chính để đối chiếu, đã trả lại  ']);
      expect(row.status).toBe(4);
      const last = (await db.outbox.orderBy('seq').toArray()).at(-1)!;
      expect(last.payload).toMatchObject({ note: 'CCCD của người đi khai: Chỉ xuất trình bản chính để đối chiếu, đã trả lại', papers: [{ item: 0 }] });
    });

    it('refuses a line with neither paper nor note, naming it, and changes nothing', async () => {
      await capture(owner, 0, 'Giấy chứng sinh.pdf');
      const before = await snapshot();
      const error = await receive(['', '   ']).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'supplement.paper_missing' });
      expect((error as Error).message).toContain('"CCCD của người đi khai" chưa có bản chụp');
      expect(await snapshot()).toEqual(before);
      expect((await db.dossiers.get(ID))?.status).toBe(5);
    });

    it('refuses while a PDF is still being made from the latest pages, keeping the capture', async () => {
      await capture(owner, 0, 'Giấy chứng sinh.pdf');
      await addComponentPages(db, owner, 0, [storedFile('page-2', 'image/tiff')]); // its PDF not yet rebuilt
      const before = await snapshot();
      await expect(receive(['', 'Xuất trình'])).rejects.toMatchObject({ code: 'supplement.pdf_pending' });
      expect(await snapshot()).toEqual(before);
    });

    it('refuses when a PDF is gone from the device, and changes nothing', async () => {
      await capture(owner, 0, 'Giấy chứng sinh.pdf');
      await db.files.delete('Giấy chứng sinh.pdf'.padEnd(64, '0'));
      const before = await snapshot();
      await expect(receive(['', 'Xuất trình'])).rejects.toMatchObject({ code: 'supplement.file_missing' });
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a receipt whose notes the gateway could not take, before anything is written', async () => {
      const before = await snapshot();
      await expect(receive(['x'.repeat(2500), 'y'.repeat(2500)])).rejects.toMatchObject({ code: 'note.too_long' });
      expect(await snapshot()).toEqual(before);
    });

    it("answers with the state machine's reason when the dossier is not waiting for a supplement", async () => {
      await receive(['Đã đối chiếu', 'Đã đối chiếu']);
      const before = await snapshot();
      await expect(receive()).rejects.toMatchObject({ code: 'status.illegal_transition' });
      expect(await snapshot()).toEqual(before);
    });
  });
});
