import { describe, expect, it } from 'vitest';
import { formatVietnamDateTime } from './vietnam-time';
import { createWorkingTime } from './working-time';

/** A Vietnamese wall-clock time, written the way a desk officer reads it. */
const vn = (text: string) => new Date(`${text.replace(' ', 'T')}:00+07:00`);
const show = formatVietnamDateTime;
const clock = createWorkingTime();

describe('isWorkingDay', () => {
  it.each([
    ['2025-03-10', true], // an ordinary Monday
    ['2025-03-15', false], // Saturday
    ['2025-01-29', false], // mùng 1 Tết Ất Tỵ
    ['2025-04-26', true], // make-up Saturday
    ['2026-01-10', true], // make-up Saturday
    ['2026-04-27', false], // nghỉ bù Giỗ Tổ
  ])('%s → %s', (date, expected) => {
    expect(clock.isWorkingDay(date)).toBe(expected);
  });

  it('reads an instant by its date in Vietnam, not on the device', () => {
    // 2025-03-14 18:00 UTC is already Saturday 01:00 in Hanoi.
    expect(clock.isWorkingDay(new Date('2025-03-14T18:00:00Z'))).toBe(false);
    expect(clock.isWorkingDay(new Date('2025-03-14T16:59:00Z'))).toBe(true);
  });
});

describe('snapToWorkingTime: where the clock starts', () => {
  it.each([
    ['2025-03-10 06:30', '2025-03-10 07:00'], // before opening
    ['2025-03-10 09:15', '2025-03-10 09:15'], // inside office hours
    ['2025-03-10 11:30', '2025-03-10 13:30'], // lunch starts
    ['2025-03-10 12:15', '2025-03-10 13:30'], // lunch
    ['2025-03-10 17:00', '2025-03-11 07:00'], // closing
    ['2025-03-10 19:45', '2025-03-11 07:00'], // evening
    ['2025-03-14 17:30', '2025-03-17 07:00'], // Friday evening → Monday
    ['2025-03-15 09:00', '2025-03-17 07:00'], // Saturday
    ['2026-02-13 18:00', '2026-02-23 07:00'], // evening before Tết Bính Ngọ → first day back
  ])('%s → %s', (received, expected) => {
    expect(show(clock.snapToWorkingTime(vn(received)))).toBe(expected);
  });
});

describe('addWorkingHours', () => {
  it.each([
    ['2025-03-10 07:00', 8, '2025-03-10 17:00'], // a full day ends at closing, not at 07:00 next day
    ['2025-03-10 10:00', 2, '2025-03-10 14:00'], // 1.5 h before lunch, 0.5 h after
    ['2025-03-10 16:00', 2, '2025-03-11 08:00'],
    ['2025-03-14 16:00', 2, '2025-03-17 08:00'], // over the weekend
    ['2025-03-10 12:00', 0.5, '2025-03-10 14:00'], // starting in lunch
    ['2025-03-10 09:00', 0, '2025-03-10 09:00'],
    ['2025-12-31 16:00', 2, '2026-01-05 08:00'], // 1/1 holiday, 2/1 swapped off, weekend
    ['2030-12-31 16:00', 2, '2031-01-02 08:00'], // a year with no official schedule: only 1/1 off
  ])('%s + %s h → %s', (start, hours, expected) => {
    expect(show(clock.addWorkingHours(vn(start), hours))).toBe(expected);
  });

  it('refuses negative hours', () => {
    expect(() => clock.addWorkingHours(vn('2025-03-10 09:00'), -1)).toThrow(RangeError);
  });
});

describe('workingHoursBetween', () => {
  it.each([
    ['2025-03-10 11:00', '2025-03-10 14:00', 1], // lunch does not count
    ['2025-03-10 16:00', '2025-03-11 08:00', 2], // nor does the night
    ['2025-03-14 16:00', '2025-03-17 08:00', 2], // nor the weekend
    ['2025-03-10 07:00', '2025-03-14 17:00', 40], // Monday to Friday
    ['2026-02-13 07:00', '2026-02-24 07:00', 16], // Fri 13/2 and Mon 23/2; Tết in between
    ['2025-03-10 18:00', '2025-03-10 20:00', 0],
    ['2025-03-11 08:00', '2025-03-10 16:00', -2], // overdue by two working hours
  ])('%s → %s = %s h', (from, to, hours) => {
    expect(clock.workingHoursBetween(vn(from), vn(to))).toBeCloseTo(hours, 9);
  });

  it('counts minutes, e.g. "còn 1,5 giờ làm việc"', () => {
    expect(clock.workingHoursLeft(vn('2025-03-10 17:00'), vn('2025-03-10 15:30'))).toBe(1.5);
  });
});

describe('a commune with its own office hours', () => {
  const commune = createWorkingTime({
    officeHours: {
      periods: [
        { start: '07:30', end: '11:30' },
        { start: '13:00', end: '17:00' },
      ],
      hoursPerWorkingDay: 8,
      sameDayCutoff: '16:00',
    },
  });

  it.each([
    ['2025-03-10 07:10', '2025-03-10 07:30'],
    ['2025-03-10 12:00', '2025-03-10 13:00'],
  ])('snaps %s → %s', (received, expected) => {
    expect(show(commune.snapToWorkingTime(vn(received)))).toBe(expected);
  });

  it('uses its own cutoff for same-day procedures', () => {
    expect(show(commune.appointmentFor(vn('2025-03-10 15:30'), { processingDays: 0 }))).toBe('2025-03-10 17:00');
    expect(show(commune.appointmentFor(vn('2025-03-10 16:00'), { processingDays: 0 }))).toBe('2025-03-11 17:00');
  });

  it('rejects overlapping periods', () => {
    expect(() =>
      createWorkingTime({
        officeHours: {
          periods: [
            { start: '07:00', end: '12:00' },
            { start: '11:00', end: '17:00' },
          ],
          hoursPerWorkingDay: 8,
          sameDayCutoff: '15:00',
        },
      }),
    ).toThrow(/không chồng nhau/);
  });
});
