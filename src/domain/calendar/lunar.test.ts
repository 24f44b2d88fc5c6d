import { describe, expect, it } from 'vitest';
import { newMoonIndexNear, newMoonJd, solarLongitudeCrossing, UNIX_EPOCH_JD } from './astronomy';
import { formatIsoDate, fromEpochDay, parseIsoDate, toEpochDay } from './civil-date';
import type { LunarDate } from './lunar';
import { leapMonthOf, lunarMonthLength, lunarNewYear, lunarToSolar, solarToLunar } from './lunar';

const CHINA = { utcOffsetHours: 8 };
const iso = (text: string) => {
  const date = parseIsoDate(text);
  if (!date) throw new Error(text);
  return date;
};
const lunar = (year: number, month: number, day: number, leap = false): LunarDate => ({ year, month, day, leap });

describe('Tết (mùng 1 tháng Giêng) in Vietnam', () => {
  // Published Vietnamese dates. 1985, 2007 and 2030 are years where China's calendar differs.
  it.each([
    [1901, '1901-02-19'],
    [1968, '1968-01-29'],
    [1985, '1985-01-21'],
    [2000, '2000-02-05'],
    [2007, '2007-02-17'],
    [2020, '2020-01-25'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2030, '2030-02-02'],
    [2053, '2053-02-18'],
    [2100, '2100-02-09'],
  ])('%i → %s', (year, expected) => {
    expect(formatIsoDate(lunarNewYear(year))).toBe(expected);
  });

  it.each([
    // [year, Vietnam (UTC+7), China (UTC+8)]
    [1985, '1985-01-21', '1985-02-20'], // a whole month apart: the leap month falls differently
    [2007, '2007-02-17', '2007-02-18'], // new moon at 23:14 in Hanoi, 00:14 in Beijing
    [2030, '2030-02-02', '2030-02-03'],
    [2025, '2025-01-29', '2025-01-29'], // most years agree
  ])('%i: Vietnam %s, China %s', (year, vietnam, china) => {
    expect(formatIsoDate(lunarNewYear(year))).toBe(vietnam);
    expect(formatIsoDate(lunarNewYear(year, CHINA))).toBe(china);
  });
});

describe('solar → lunar', () => {
  it.each([
    ['2025-01-29', lunar(2025, 1, 1)],
    ['2025-01-28', lunar(2024, 12, 29)], // Tết Ất Tỵ had no "30 Tết"
    ['2024-02-09', lunar(2023, 12, 30)], // Quý Mão's last month had 30 days (new moons 11/1 and 10/2/2024)
    ['2026-02-14', lunar(2025, 12, 27)], // the official 2026 schedule: Sat 14/2 = 27 tháng Chạp Ất Tỵ
    ['2026-02-22', lunar(2026, 1, 6)], // … Sun 22/2 = mùng 6 tháng Giêng Bính Ngọ
    ['2025-04-07', lunar(2025, 3, 10)], // Giỗ Tổ 2025
    ['2025-06-25', lunar(2025, 6, 1)],
    ['2025-07-25', lunar(2025, 6, 1, true)], // Ất Tỵ has a leap 6th month
    ['2025-08-23', lunar(2025, 7, 1)],
    ['2025-10-06', lunar(2025, 8, 15)], // Tết Trung thu 2025
    ['2023-03-22', lunar(2023, 2, 1, true)], // Quý Mão has a leap 2nd month
    ['2007-02-17', lunar(2007, 1, 1)],
    ['1985-01-21', lunar(1985, 1, 1)],
    ['2000-01-01', lunar(1999, 11, 25)],
  ] as Array<[string, LunarDate]>)('%s is %o', (solar, expected) => {
    expect(solarToLunar(iso(solar))).toEqual(expected);
  });

  it('the same day is still in the old year in China in 2007 (Tết there is a day later)', () => {
    expect(solarToLunar(iso('2007-02-17'), CHINA)).toMatchObject({ year: 2006, month: 12 });
  });
});

describe('lunar → solar', () => {
  it.each([
    [lunar(2024, 3, 10), '2024-04-18'], // Giỗ Tổ
    [lunar(2026, 3, 10), '2026-04-26'],
    [lunar(2027, 3, 10), '2027-04-16'],
    [lunar(2030, 3, 10), '2030-04-12'],
    [lunar(2025, 6, 15, true), '2025-08-08'],
    [lunar(2025, 8, 15), '2025-10-06'],
  ])('%o is %s', (date, expected) => {
    const solar = lunarToSolar(date);
    expect(solar && formatIsoDate(solar)).toBe(expected);
  });

  it('rejects dates that do not exist', () => {
    expect(lunarToSolar(lunar(2024, 12, 30))).toBeUndefined(); // month 12 of Giáp Thìn has 29 days
    expect(lunarToSolar(lunar(2025, 5, 1, true))).toBeUndefined(); // the leap month of 2025 is 6, not 5
    expect(lunarToSolar(lunar(2024, 4, 1, true))).toBeUndefined(); // 2024 has no leap month
    expect(lunarToSolar(lunar(2025, 13, 1))).toBeUndefined();
  });
});

describe('month lengths and leap months', () => {
  it('tháng Chạp had 30 days before Tết 2024, and 29 (no "30 Tết") before Tết 2025 and 2026', () => {
    expect(lunarMonthLength(2023, 12)).toBe(30);
    expect(lunarMonthLength(2024, 12)).toBe(29);
    expect(lunarMonthLength(2025, 12)).toBe(29);
  });

  it.each([
    [2020, 4],
    [2023, 2],
    [2024, 0],
    [2025, 6],
    [2028, 5],
    [2033, 11],
  ])('lunar year %i has leap month %i (0 = none)', (year, leap) => {
    expect(leapMonthOf(year)).toBe(leap);
  });
});

describe('conversion is consistent over 1900-2199', () => {
  it('every day converts to lunar and back to itself, and every month has 29 or 30 days', () => {
    const first = toEpochDay({ year: 1900, month: 1, day: 1 });
    const last = toEpochDay({ year: 2199, month: 12, day: 31 });
    let previous = solarToLunar(fromEpochDay(first));
    for (let day = first + 1; day <= last; day++) {
      const date = fromEpochDay(day);
      const current = solarToLunar(date);
      const back = lunarToSolar(current);
      if (!back || toEpochDay(back) !== day) throw new Error(`round trip failed for ${formatIsoDate(date)}`);
      if (current.day === 1 && (previous.day < 29 || previous.day > 30)) {
        throw new Error(`month ending ${formatIsoDate(fromEpochDay(day - 1))} has ${previous.day} days`);
      }
      previous = current;
    }
    expect(previous).toMatchObject({ year: 2199 });
  });
});

describe('astronomy against published instants (UTC)', () => {
  const jd = (isoInstant: string) => Date.parse(isoInstant) / 86_400_000 + UNIX_EPOCH_JD;
  const minutesApart = (a: number, b: number) => Math.abs(a - b) * 1440;

  it.each(['2000-01-06T18:14Z', '2007-02-17T16:14Z', '2024-02-09T22:59Z', '2025-01-29T12:36Z', '2026-02-17T12:01Z'])(
    'new moon at %s (within 2 minutes)',
    (instant) => {
      const computed = newMoonJd(newMoonIndexNear(jd(instant)));
      expect(minutesApart(computed, jd(instant))).toBeLessThan(2);
    },
  );

  it.each([
    [270, '2024-12-21T09:20Z'],
    [0, '2025-03-20T09:01Z'],
    [90, '2025-06-21T02:42Z'],
    [180, '2025-09-22T18:19Z'],
    [270, '2025-12-21T15:03Z'],
  ])('Sun reaches %i° at %s (within 2 minutes)', (longitude, instant) => {
    expect(minutesApart(solarLongitudeCrossing(longitude, jd(instant)), jd(instant))).toBeLessThan(2);
  });
});
