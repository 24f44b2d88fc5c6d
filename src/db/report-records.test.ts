// loadReportRecords reads report packs built from index ranges; here it must find exactly the
// dossiers a brute-force pass over every stored dossier finds, for periods of every shape, give
// the same report, and give the very records (in the same order) the facts' index ranges give,
// whether it builds the packs or finds them.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDossier, transition, type DossierAction, type DossierState } from '../domain/dossier';
import { computeReport, monthPeriod, periodBounds, quarterPeriod, yearPeriod, type ReportPeriod } from '../domain/reports';
import { MotcuaDb } from './db';
import { toReportRecord } from './dossier-facts';
import { dropReportPacks, loadReportRecords, loadReportRecordsFromFacts } from './report-records';
import type { DossierRow } from './schema';

const DAY = 86_400_000;
const NOW = new Date('2026-06-15T03:00:00Z');
let db: MotcuaDb;
let rows: DossierRow[];

function random(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** Dossiers over 2025-2026, some open for months, moved through the real state machine. */
function makeRows(): DossierRow[] {
  const r = random(42);
  const actor = { id: 'd', name: 'Lò Thị Mai', role: 'receptionOfficer' as const };
  const out: DossierRow[] = [];
  for (let i = 0; i < 300; i++) {
    const received = new Date(Date.UTC(2025, 0, 1) + r() * (NOW.getTime() - Date.UTC(2025, 0, 1)));
    const due = new Date(received.getTime() + (1 + r() * 20) * DAY);
    const opened = openDossier('desk', actor, received, due);
    if (!opened.ok) throw new Error('open');
    let state: DossierState = opened.value;
    let t = received.getTime();
    const plan: DossierAction[][] = [
      [],
      ['startProcessing'],
      ['startProcessing', 'requestSupplement'],
      ['startProcessing', 'markResultReady'],
      ['startProcessing', 'markResultReady', 'returnResult'],
      ['startProcessing', 'requestSupplement', 'receiveSupplement', 'markResultReady', 'returnResult'],
      ['withdraw'],
      ['startProcessing', 'stop'],
    ];
    for (const action of plan[Math.floor(r() * plan.length)]!) {
      // Some dossiers stay in a status for months, so they straddle many periods.
      t = Math.min(NOW.getTime() - 1000, t + (r() < 0.1 ? 90 : r() * 10) * DAY);
      const moved = transition(state, action, actor, new Date(t), {
        note: 'x',
        extendAppointment: (d, a, b) => new Date(d.getTime() + b.getTime() - a.getTime()),
      });
      if (moved.ok) state = moved.value;
    }
    const refused = r() < 0.05;
    out.push({
      id: `r${i}`,
      code: `000.00.12.H38-${i}`,
      status: refused ? 3 : state.status,
      procedureCode: '1.001193',
      procedureName: 'Thủ tục đăng ký khai sinh',
      field: r() < 0.5 ? 'Hộ tịch' : 'Chứng thực',
      catalogueVersion: 1,
      applicantName: 'Nguyễn Văn Mẫu',
      applicantIdNumber: '001099000001',
      receivedAt: received.toISOString(),
      dueAt: (state.appointmentAt ?? received).toISOString(),
      syncState: 'accepted',
      data: { state: refused ? { ...state, status: 3, receivedAt: null, log: [{ ...state.log[0]!, action: 'refuse', to: 3 }] } : state },
      updatedAt: new Date(t).toISOString(),
    });
  }
  return out;
}

beforeAll(async () => {
  db = new MotcuaDb(`report-${Math.random()}`);
  rows = makeRows();
  await db.dossiers.bulkAdd(rows);
});
afterAll(() => db.close());

const periods: [string, ReportPeriod][] = [
  ['a month', monthPeriod(2025, 7)],
  ['the running month', monthPeriod(2026, 6)],
  ['a quarter', quarterPeriod(2026, 1)],
  ['a year', yearPeriod(2025)],
  ['odd dates', { from: '2025-03-17', to: '2025-11-04' }],
  ['before any dossier', yearPeriod(2024)],
];

describe('loadReportRecords', () => {
  it.each(periods)('finds the same dossiers as a full scan for %s', async (_, period) => {
    const bounds = periodBounds(period);
    const loaded = await loadReportRecords(db, bounds);
    const all = rows.map((row) => toReportRecord(row, []));
    const inReach = rows
      .filter((row) => row.receivedAt < bounds.end.toISOString() && ([3, 7, 8, 10].includes(row.status) ? row.updatedAt >= bounds.start.toISOString() : true))
      .map((row) => row.id)
      .sort();
    expect(loaded.map((x) => x.id).sort()).toEqual(inReach);
    expect(computeReport(loaded, { period, now: NOW })).toEqual(computeReport(all, { period, now: NOW }));
  });

  it.each(periods)('gives the records of the facts’ index ranges, in their order, for %s, packs built or found', async (_, period) => {
    const bounds = periodBounds(period);
    const direct = await loadReportRecordsFromFacts(db, bounds);
    await dropReportPacks(db);
    expect(await loadReportRecords(db, bounds)).toEqual(direct); // built
    expect(await db.reportPacks.count()).toBeGreaterThan(0);
    expect(await loadReportRecords(db, bounds)).toEqual(direct); // found
  });

  it('counts something in most periods (the data set is not trivially empty)', async () => {
    const year = await loadReportRecords(db, periodBounds(yearPeriod(2025)));
    const report = computeReport(year, { period: yearPeriod(2025), now: NOW });
    expect(report.received.total).toBeGreaterThan(100);
    expect(report.carriedOver + report.finished.total + report.inProgress.total + report.withdrawn + report.stopped).toBeGreaterThan(100);
  });
});
