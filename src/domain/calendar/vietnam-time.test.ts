import { describe, expect, it } from 'vitest';
import { atVietnamTime, formatVietnamDateTime, parseClockTime, vietnamDateOf } from './vietnam-time';

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
