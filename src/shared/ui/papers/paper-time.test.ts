// Official papers' date and time phrases on Vietnam's wall clock (Nghị định 30/2020 zero-padding).
import { describe, expect, it } from 'vitest';
import { placeDateLine, twoDigits, vnDatePhrase, vnTimePhrase, vnWallClock } from './paper-time';

describe('paper time phrases', () => {
  it('reads an instant on Vietnam time (UTC+7)', () => {
    expect(vnWallClock('2024-12-31T17:05:00Z')).toEqual({ year: 2025, month: 1, day: 1, hour: 0, minute: 5 });
    expect(vnWallClock('2025-07-01T09:15:00+07:00')).toEqual({ year: 2025, month: 7, day: 1, hour: 9, minute: 15 });
    expect(vnWallClock('hôm qua')).toBeNull();
  });

  it('pads days below 10 and months 1 and 2 only', () => {
    expect(vnDatePhrase('2025-02-05T03:00:00Z')).toBe('ngày 05 tháng 02 năm 2025');
    expect(vnDatePhrase('2025-03-15T03:00:00Z')).toBe('ngày 15 tháng 3 năm 2025');
    expect(vnDatePhrase('2025-12-31T03:00:00Z')).toBe('ngày 31 tháng 12 năm 2025');
    expect(vnTimePhrase('2025-12-31T00:05:00Z')).toBe('07 giờ 05 phút, ngày 31 tháng 12 năm 2025');
  });

  it('writes the place-and-date line, capitalised when there is no place', () => {
    expect(placeDateLine('Bản Mẫu', '2025-03-04T08:00:00Z')).toBe('Bản Mẫu, ngày 04 tháng 3 năm 2025');
    expect(placeDateLine(undefined, '2025-03-04T08:00:00Z')).toBe('Ngày 04 tháng 3 năm 2025');
    expect(placeDateLine('  ', 'x')).toBe('Ngày …… tháng …… năm ……');
  });

  it('writes small counts with two digits', () => {
    expect([twoDigits(1), twoDigits(9), twoDigits(10), twoDigits(120)]).toEqual(['01', '09', '10', '120']);
  });
});
