// Report packs are never stale: a report after any write of a dossier or of its files (a change, a
// dossier closed earlier, one deleted, one added, a file attached) shows the write, whether the
// packs it touched were built before or not, and gives the very records the facts' index ranges
// give. A write drops only the packs its dossier was or is in.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { monthPeriod, periodBounds, quarterPeriod, yearPeriod, type ReportPeriod } from '../domain/reports';
import { attachFile } from './attachments';
import { MotcuaDb } from './db';
import { OPEN_END, recordOfFacts, type DossierFactsRow } from './dossier-facts';
import { packOf, recordInPack } from './report-packs';
import { loadReportRecords, loadReportRecordsFromFacts } from './report-records';
import type { DossierRow } from './schema';
import { sampleBirthDossier } from './test-support';

let db: MotcuaDb;
beforeEach(() => {
  db = new MotcuaDb(`packs-${Math.random()}`);
});
afterEach(() => db.close());

/** A dossier received at `receivedAt`, last written at `updatedAt`; status 4 runs, 10 is returned. */
function dossier(id: string, receivedAt: string, status: number, updatedAt: string, extra: Partial<DossierRow> = {}): DossierRow {
  return {
    id,
    code: `000.00.12.H38-${id}`,
    status,
    ...sampleBirthDossier,
    receivedAt,
    dueAt: receivedAt,
    syncState: 'accepted',
    data: {},
    updatedAt,
    ...extra,
  };
}

const JAN = monthPeriod(2026, 1);
const FEB = monthPeriod(2026, 2);
const MAR = monthPeriod(2026, 3);
const Q1 = quarterPeriod(2026, 1);
const YEAR = yearPeriod(2026);
const ALL: ReportPeriod[] = [JAN, FEB, MAR, Q1, YEAR, { from: '2026-02-10', to: '2026-03-15' }];

const report = (period: ReportPeriod) => loadReportRecords(db, periodBounds(period));
const ids = async (period: ReportPeriod) => (await report(period)).map((r) => r.id).sort();
const find = async (period: ReportPeriod, id: string) => (await report(period)).find((r) => r.id === id);
const packKeys = async () => (await db.reportPacks.toCollection().primaryKeys()).sort();

/** Every period's records, read through the packs, are those of the facts' index ranges. */
async function sameAsFacts() {
  for (const period of ALL) expect(await report(period), `${period.from} – ${period.to}`).toEqual(await loadReportRecordsFromFacts(db, periodBounds(period)));
}

async function seed() {
  await db.dossiers.bulkAdd([
    dossier('open', '2026-03-02T01:00:00.000Z', 4, '2026-03-02T01:00:00.000Z'),
    // Received in January, returned in March: active in three months.
    dossier('long', '2026-01-20T01:00:00.000Z', 10, '2026-03-05T02:00:00.000Z'),
    dossier('short', '2026-01-05T01:00:00.000Z', 10, '2026-01-06T02:00:00.000Z'),
    dossier('march', '2026-03-10T01:00:00.000Z', 10, '2026-03-11T02:00:00.000Z'),
  ]);
  for (const period of ALL) await report(period); // every pack these periods read now exists
}

describe('report packs', () => {
  it('show a status change made after a report', async () => {
    await seed();
    expect((await find(MAR, 'open'))?.status).toBe(4);
    await db.dossiers.update('open', { status: 10, updatedAt: '2026-03-20T02:00:00.000Z' });
    expect((await find(MAR, 'open'))?.status).toBe(10);
    expect((await find(YEAR, 'open'))?.status).toBe(10);
    await sameAsFacts();
  });

  it('show a change of a dossier active over several months in each month’s report', async () => {
    await seed();
    for (const period of [JAN, FEB, MAR]) expect((await find(period, 'long'))?.applicantName).toBe('Nguyễn Văn Mẫu');
    await db.dossiers.update('long', { applicantName: 'Lò Thị Đào' });
    for (const period of [JAN, FEB, MAR, Q1]) expect((await find(period, 'long'))?.applicantName, period.from).toBe('Lò Thị Đào');
    await sameAsFacts();
  });

  it('drop a dossier from the months it no longer reaches (closed earlier than it was)', async () => {
    await seed();
    expect(await ids(FEB)).toEqual(['long']);
    expect(await ids(MAR)).toContain('long');
    await db.dossiers.update('long', { status: 7, updatedAt: '2026-01-25T02:00:00.000Z' });
    expect(await ids(FEB)).toEqual([]);
    expect(await ids(MAR)).not.toContain('long');
    expect(await ids(JAN)).toContain('long');
    await sameAsFacts();
  });

  it('lose a deleted dossier from every report', async () => {
    await seed();
    await db.dossiers.delete('long');
    for (const period of ALL) expect(await ids(period)).not.toContain('long');
    await db.dossiers.clear();
    for (const period of ALL) expect(await ids(period)).toEqual([]);
  });

  it('gain a dossier received in a month already reported, and a dossier moved to another month', async () => {
    await seed();
    await db.dossiers.add(dossier('new', '2026-02-14T01:00:00.000Z', 10, '2026-02-15T01:00:00.000Z'));
    expect(await ids(FEB)).toEqual(['long', 'new']);
    await db.dossiers.update('short', { receivedAt: '2026-02-01T01:00:00.000Z', updatedAt: '2026-02-02T01:00:00.000Z' });
    expect(await ids(JAN)).toEqual(['long']);
    expect(await ids(FEB)).toEqual(['long', 'new', 'short']);
    await sameAsFacts();
  });

  it('count a file attached after a report', async () => {
    const components = [{ index: 0, received: true, receivedAs: 'original', count: 1, conditionApplies: false }];
    await db.dossiers.add(dossier('d1', '2026-03-02T01:00:00.000Z', 4, '2026-03-02T01:00:00.000Z', { data: { intake: { components } } }));
    expect(await find(MAR, 'd1')).toMatchObject({ componentsReceived: 1, componentsDigitized: 0 });
    await attachFile(
      db,
      { id: 'f1', ownerId: 'd1', componentIndex: 0, sha256: 'a'.repeat(64), name: 'a.pdf', type: 'application/pdf', size: 5 },
      new Blob(['%PDF-']),
    );
    expect(await find(MAR, 'd1')).toMatchObject({ componentsReceived: 1, componentsDigitized: 1 });
  });

  it('are dropped only where the written dossier was or is', async () => {
    await seed();
    const before = await packKeys();
    expect(before).toEqual(expect.arrayContaining(['active:2026-01', 'active:2026-02', 'active:2026-03', 'open', 'received:2026-01', 'received:2026-12']));
    // Received and closed in March: its received pack and March's active pack go, nothing else.
    await db.dossiers.update('march', { applicantName: 'Hà Thị Hoa' });
    expect(await packKeys()).toEqual(before.filter((k) => k !== 'received:2026-03' && k !== 'active:2026-03'));
    // An open dossier is in the open pack too.
    await report(YEAR);
    await db.dossiers.update('open', { applicantName: 'Hà Thị Hoa' });
    expect(await packKeys()).not.toContain('open');
    expect(await packKeys()).toContain('received:2026-01');
  });

  it('rebuild a pack left in another layout', async () => {
    await seed();
    const open = (await db.reportPacks.get('open'))!;
    await db.reportPacks.put({ ...open, format: 0, id: [] });
    expect(await ids(MAR)).toContain('open');
  });
});

describe('report packs of odd stored facts', () => {
  const base: DossierFactsRow = {
    id: 'x',
    activeUntil: '2026-03-05T02:00:00.000Z',
    receivedAt: '2026-03-02T01:00:00.000Z',
    activeMonths: ['2026-03'],
    code: 'c',
    procedureCode: '1.001193',
    procedureName: 'Thủ tục đăng ký khai sinh',
    field: 'Hộ tịch',
    applicantName: 'Nguyễn Văn Mẫu',
    channel: 'direct',
    status: 10,
    received: Date.parse('2026-03-02T01:00:00.000Z'),
    appointment: null,
    resultReady: Date.parse('2026-03-04T01:00:00.000Z'),
    returned: null,
    refused: null,
    closedWithoutResult: null,
    supplementRequested: null,
    paused: null,
    rating: 'bad',
    ratingAt: Date.parse('2026-03-05T02:00:00.000Z'),
    ratingReason: 'chậm',
    components: [0, 1],
    attached: [1, 3],
  };
  // Written straight to the facts, as no writer of the app would: the packs must still match the index ranges.
  const odd: DossierFactsRow[] = [
    base,
    { ...base, id: 'offset', receivedAt: '2026-03-01T06:00:00+07:00', activeMonths: ['2026-02', '2026-03'] },
    { ...base, id: 'no-millis', receivedAt: '2026-02-28T17:00:00Z' },
    { ...base, id: 'garbage', receivedAt: '2026-03-xx', activeMonths: [], activeUntil: OPEN_END },
    { ...base, id: 'no-received', receivedAt: undefined as unknown as string, activeMonths: [], activeUntil: OPEN_END },
    { ...base, id: 'nan', received: Number.NaN, ratingAt: Number.NaN, rating: 'good', ratingReason: undefined },
    { ...base, id: 'edge', receivedAt: '2026-02-28T17:00:00.000Z', activeUntil: '2026-02-28T17:00:00.000Z' },
    { ...base, id: 'early', receivedAt: '2025-12-20T01:00:00.000Z', activeMonths: ['2025-12', '2026-01', '2026-02', '2026-03'] },
  ];

  it('give each record as recordOfFacts does', () => {
    const pack = packOf('open', odd);
    odd.forEach((row, i) => expect(recordInPack(pack, i)).toEqual(recordOfFacts(row)));
  });

  it('give the records of the index ranges, before and after they change', async () => {
    await db.dossierFacts.bulkPut(odd);
    await sameAsFacts();
    await sameAsFacts(); // found, not built
    await db.dossierFacts.bulkPut([
      { ...odd[1]!, status: 7 },
      { ...odd[3]!, receivedAt: '2026-01-xx' },
      { ...odd[6]!, activeUntil: '2026-02-28T16:59:59.999Z' },
    ]);
    await sameAsFacts();
    await db.dossierFacts.bulkDelete(['garbage', 'early']);
    await sameAsFacts();
  });
});
