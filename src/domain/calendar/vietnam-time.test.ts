import { describe, expect, it } from 'vitest';
import { atVietnamTime, formatVietnamDateTime, parseClockTime, VIETNAM_TIME_ZONE, vietnamDateOf, vietnamWallClock } from './vietnam-time';

describe('Vietnamese wall-clock time (UTC+7, whatever the device time zone)', () => {
  it.each([
    ['2025-01-01', '00:30', '2024-12-31T17:30:00.000Z'],
    ['2025-03-10', '07:00', '2025-03-10T00:00:00.000Z'],
    ['2025-03-10', '17:00', '2025-03-10T10:00:00.000Z'],
  ])('%s %s in Hanoi is %s', (date, time, utc) => {
    expect(atVietnamTime(date, time).toISOString()).toBe(utc);
  });

  it.each([
    ['2024-12-31T16:59:59Z', '2024-12-31'],
    ['2024-12-31T17:00:00Z', '2025-01-01'],
  ])('%s falls on %s in Vietnam', (utc, date) => {
    expect(vietnamDateOf(new Date(utc))).toBe(date);
  });

  it('formats for people', () => {
    expect(formatVietnamDateTime(new Date('2025-03-10T08:05:59Z'))).toBe('2025-03-10 15:05');
  });

  it.each([
    ['07:00', 420],
    ['13:30', 810],
    ['24:00', 1440],
    ['7:00', undefined],
    ['25:00', undefined],
    ['12:60', undefined],
  ])('parseClockTime(%s) = %s', (text, minutes) => {
    expect(parseClockTime(text)).toBe(minutes);
  });
});

describe('vietnamWallClock', () => {
  it('reads the wall clock at UTC+7 across the day, month and year boundary', () => {
    expect(vietnamWallClock(new Date('2025-12-31T16:59:59Z'))).toEqual({ year: 2025, month: 12, day: 31, hour: 23, minute: 59, second: 59 });
    expect(vietnamWallClock(new Date('2025-12-31T17:00:00Z'))).toEqual({ year: 2026, month: 1, day: 1, hour: 0, minute: 0, second: 0 });
    expect(vietnamWallClock(Date.parse('2024-02-28T20:05:09Z'))).toEqual({ year: 2024, month: 2, day: 29, hour: 3, minute: 5, second: 9 });
  });

  it('agrees with the calendar date and with Intl in the Vietnam zone, whatever instant', () => {
    const fmt = new Intl.DateTimeFormat('en-CA', {
      timeZone: VIETNAM_TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    for (let t = Date.parse('1990-01-01T00:00:00Z'); t < Date.parse('2040-01-01T00:00:00Z'); t += 7_777_777_777) {
      const c = vietnamWallClock(t);
      const p = (n: number) => String(n).padStart(2, '0');
      expect(`${c.year}-${p(c.month)}-${p(c.day)}`).toBe(vietnamDateOf(new Date(t)));
      expect(`${c.year}-${p(c.month)}-${p(c.day)}, ${p(c.hour)}:${p(c.minute)}:${p(c.second)}`).toBe(fmt.format(t));
    }
  });
});
