import { describe, expect, it } from 'vitest';
import { toCsv, parseCsv } from './csv';
import { registerRows } from './register';
import { MARCH_2026, fixtureRecords, vn } from './fixture.test-data';

describe('registerRows (Sổ theo dõi hồ sơ)', () => {
  it('lists the dossiers received in the period in order, with where each stands', () => {
    const rows = registerRows(fixtureRecords, { period: MARCH_2026, now: vn('2026-04-10 09:00') });
    expect(rows.map((r) => [r.number, r.code, r.timing])).toEqual([
      [1, 'A', 'onTime'],
      [2, 'B', 'early'],
      [3, 'C', 'late'],
      [4, 'K', null],
      [5, 'L', null],
      [6, 'D', 'onTime'],
      [7, 'E', 'paused'],
      [8, 'F', 'overdue'],
      [9, 'Q', 'late'],
      [10, 'G', 'overdue'],
      [11, 'O', 'early'],
    ]);
  });

  it('filters by field', () => {
    const rows = registerRows(fixtureRecords, { period: MARCH_2026, field: 'Chứng thực', now: vn('2026-04-10 09:00') });
    expect(rows.map((r) => r.code)).toEqual(['L', 'D', 'G', 'O']);
  });
});

describe('CSV for Excel', () => {
  it('starts with a BOM, quotes what needs it, and reads back the same cells', () => {
    const rows = [
      ['Chỉ tiêu', 'Số hồ sơ', 'Tỷ lệ (%)'],
      ['Tiếp nhận, "mới"', 342, 63.2],
      ['Dòng\nhai', 0, null],
      ['=SUM(A1)', -1, ''],
    ];
    const text = toCsv(rows);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('"Tiếp nhận, ""mới"""');
    expect(parseCsv(text)).toEqual([
      ['Chỉ tiêu', 'Số hồ sơ', 'Tỷ lệ (%)'],
      ['Tiếp nhận, "mới"', '342', '63.2'],
      ['Dòng\nhai', '0', ''],
      ["'=SUM(A1)", '-1', ''],
    ]);
  });
});
