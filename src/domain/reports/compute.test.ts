// Report figures against counts made by hand on the fixed data set in fixture.test-data.ts.
import { describe, expect, it } from 'vitest';
import { computeReport, computeReportByField, percent } from './compute';
import { reportLines } from './lines';
import { monthPeriod, quarterPeriod, yearPeriod } from './period';
import { MARCH_2026, fixtureRecords, vn } from './fixture.test-data';

const now = vn('2026-04-10 09:00');

describe('computeReport, March 2026, all fields', () => {
  const r = computeReport(fixtureRecords, { period: MARCH_2026, now });

  it('counts what was carried over and received, by channel', () => {
    expect(r.carriedOver).toBe(2); // H, I (J was finished in February)
    expect(r.received).toEqual({ total: 11, direct: 8, online: 3 });
    expect(r.toHandle).toBe(13);
  });

  it('sorts finished dossiers by their appointment date', () => {
    // early B, H; on time A (same day), D; late C (10/3 > 9/3), Q (25/3 > 24/3)
    expect(r.finished).toEqual({ total: 6, early: 2, onTime: 2, late: 2 });
  });

  it('judges open dossiers at the end of the period', () => {
    // E waits on papers since 13/3 (due 20/3: in time), G due 2/4, O ready only on 1/4; F due 18/3, I due 2/3.
    expect(r.inProgress).toEqual({ total: 5, inTime: 3, overdue: 2, waiting: 1 });
    expect(r.asOf).toEqual(new Date(vn('2026-04-01 00:00').getTime() - 1));
  });

  it('accounts for every dossier it had to handle', () => {
    expect(r.finished.total + r.inProgress.total + r.withdrawn + r.stopped).toBe(r.toHandle);
    expect([r.withdrawn, r.stopped]).toEqual([1, 1]);
  });

  it('counts supplement requests, refusals, digitization and satisfaction in the period', () => {
    expect(r.supplementRequests).toBe(3); // E, L, Q; H's was in February
    expect(r.refusals).toBe(1);
    expect(r.digitization).toEqual({ received: 11, digitized: 8 }); // not C (1 of 2), F (none), G (2 of 3)
    expect(r.satisfaction).toEqual({ total: 5, veryGood: 2, good: 2, bad: 1, badReasons: [{ code: 'D', reason: 'Chờ lâu' }] });
  });

  it('prints the lines with percentages of their parent', () => {
    const byId = Object.fromEntries(reportLines(r).map((l) => [l.id, [l.value, l.percent]]));
    expect(byId).toMatchObject({
      toHandle: [13, null],
      received: [11, 84.6],
      receivedDirect: [8, 72.7],
      receivedOnline: [3, 27.3],
      finished: [6, 46.2],
      finishedEarly: [2, 33.3],
      finishedLate: [2, 33.3],
      inProgressOverdue: [2, 40],
      inProgressWaiting: [1, 20],
      digitized: [8, 72.7],
      ratedBad: [1, 20],
      refusals: [1, null],
    });
  });
});

describe('computeReport by field', () => {
  it('gives Chứng thực and Hộ tịch their own figures, which add up to the whole', () => {
    const [ct, ht] = computeReportByField(fixtureRecords, { period: MARCH_2026, now });
    expect(ct!.field).toBe('Chứng thực');
    expect([ct!.carriedOver, ct!.received, ct!.finished, ct!.inProgress, ct!.stopped]).toEqual([
      1,
      { total: 4, direct: 2, online: 2 },
      { total: 1, early: 0, onTime: 1, late: 0 },
      { total: 3, inTime: 2, overdue: 1, waiting: 0 },
      1,
    ]);
    expect([ct!.supplementRequests, ct!.refusals, ct!.digitization, ct!.satisfaction.total]).toEqual([1, 0, { received: 4, digitized: 3 }, 1]);
    expect(ht!.field).toBe('Hộ tịch');
    expect([ht!.toHandle, ht!.received.total, ht!.finished, ht!.inProgress.total, ht!.withdrawn]).toEqual([
      8,
      7,
      { total: 5, early: 2, onTime: 1, late: 2 },
      2,
      1,
    ]);
    expect([ht!.supplementRequests, ht!.refusals, ht!.digitization, ht!.satisfaction.total]).toEqual([2, 1, { received: 7, digitized: 5 }, 4]);
  });

  it('is each field’s own report (a record without a field is in the all-fields one, as computeReport reads an empty field)', () => {
    const records = [...fixtureRecords, { ...fixtureRecords[0]!, id: 'no-field', code: 'Z', field: '' }];
    const fields = ['', 'Chứng thực', 'Hộ tịch'];
    expect(computeReportByField(records, { period: MARCH_2026, now })).toEqual(
      fields.map((field) => computeReport(records, { period: MARCH_2026, now, field })),
    );
  });
});

describe('computeReport for the running period', () => {
  it('judges open dossiers now, not at the end of a month that has not ended', () => {
    const midMarch = vn('2026-03-17 12:00');
    const r = computeReport(
      fixtureRecords.filter((x) => x.code === 'F' || x.code === 'I'),
      { period: MARCH_2026, now: midMarch },
    );
    // F is due 18/3: in time on 17/3 (it is overdue at the end of March, above); I is due 2/3.
    expect(r.inProgress).toEqual({ total: 2, inTime: 1, overdue: 1, waiting: 0 });
    expect(r.asOf).toBe(midMarch);
  });

  it('is empty, with no percentages, where nothing happened', () => {
    const r = computeReport(fixtureRecords, { period: monthPeriod(2025, 1), now });
    expect(r.toHandle + r.refusals + r.satisfaction.total).toBe(0);
    expect(reportLines(r).every((l) => l.percent === null)).toBe(true);
  });
});

describe('periods and percentages', () => {
  it('builds months, quarters and years on the calendar', () => {
    expect(monthPeriod(2024, 2)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthPeriod(2026, 12)).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(quarterPeriod(2026, 1)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(yearPeriod(2026)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('rounds to one decimal', () => {
    expect([percent(216, 342), percent(126, 342), percent(0, 0), percent(1, 3)]).toEqual([63.2, 36.8, null, 33.3]);
  });
});
