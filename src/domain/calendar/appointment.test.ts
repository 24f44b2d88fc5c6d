import { describe, expect, it } from 'vitest';
import type { ProcessingTime } from './appointment';
import { formatVietnamDateTime } from './vietnam-time';
import { createWorkingTime } from './working-time';

const vn = (text: string) => new Date(`${text.replace(' ', 'T')}:00+07:00`);
const clock = createWorkingTime();
const sameDay: ProcessingTime = { processingDays: 0 };
const days = (processingDays: number): ProcessingTime => ({ processingDays });
const calendarDays = (processingDays: number): ProcessingTime => ({ processingDays, countedIn: 'calendarDays' });

describe('appointmentFor (ngày hẹn trả)', () => {
  // [case, received at, processing time, due] — all worked out by hand on a calendar.
  it.each([
    // Same-day procedures (khai sinh, chứng thực): cutoff 15:00
    ['same day, morning', '2025-03-10 09:00', sameDay, '2025-03-10 17:00'],
    ['same day, 14:59', '2025-03-10 14:59', sameDay, '2025-03-10 17:00'],
    ['same day, 15:00 → next working day', '2025-03-10 15:00', sameDay, '2025-03-11 17:00'],
    ['same day, during lunch', '2025-03-10 12:10', sameDay, '2025-03-10 17:00'],
    ['same day, before opening', '2025-03-10 06:45', sameDay, '2025-03-10 17:00'],
    ['same day, evening', '2025-03-10 19:00', sameDay, '2025-03-11 17:00'],
    ['same day, Friday 15:00 → Monday', '2025-03-14 15:00', sameDay, '2025-03-17 17:00'],
    ['same day, Saturday → Monday', '2025-03-15 10:00', sameDay, '2025-03-17 17:00'],
    ['same day, Fri before a make-up Saturday', '2026-01-09 15:30', sameDay, '2026-01-10 17:00'],
    ['same day, Fri before a make-up Saturday (2025)', '2025-04-25 16:00', sameDay, '2025-04-26 17:00'],
    ['same day, 31/12 after 15:00 (2025: 1-4/1/2026 off)', '2025-12-31 15:30', sameDay, '2026-01-05 17:00'],
    ['same day, 31/12 after 15:00 (computed year)', '2030-12-31 15:30', sameDay, '2031-01-02 17:00'],
    ['same day, before 1/5 substitute', '2027-04-29 15:00', sameDay, '2027-05-04 17:00'],

    // Working days: processingDays × 8 working hours from the (snapped) start
    ['1 day, during lunch', '2025-03-10 12:15', days(1), '2025-03-11 11:30'],
    ['1 day, evening', '2025-03-10 18:30', days(1), '2025-03-11 17:00'],
    ['1 day, before opening', '2025-03-10 06:30', days(1), '2025-03-10 17:00'],
    ['3 days across a weekend', '2025-03-13 09:00', days(3), '2025-03-18 09:00'],
    ['3 days across Tết Bính Ngọ', '2026-02-12 10:00', days(3), '2026-02-24 10:00'],
    ['5 days across Tết 2030 (computed)', '2030-01-28 08:00', days(5), '2030-02-11 08:00'],
    ['1 day from a make-up Saturday', '2025-04-26 10:00', days(1), '2025-04-28 10:00'],
    ['1 day at year end', '2030-12-31 09:00', days(1), '2031-01-02 09:00'],
    ['half a day (1.5 h before lunch + 2.5 h after)', '2025-03-10 10:00', days(0.5), '2025-03-10 16:00'],

    // Calendar days: counted on the calendar, never ending on a day off
    ['5 calendar days ending on Saturday → Monday', '2025-03-10 09:00', calendarDays(5), '2025-03-17 09:00'],
    ['7 calendar days', '2025-03-10 09:00', calendarDays(7), '2025-03-17 09:00'],
    ['3 calendar days into Tết 2026', '2026-02-12 10:00', calendarDays(3), '2026-02-23 10:00'],
  ])('%s: %s → %s', (_case, receivedAt, processing, due) => {
    expect(formatVietnamDateTime(clock.appointmentFor(vn(receivedAt), processing))).toBe(due);
  });

  it('refuses a negative or fractional calendar-day processing time', () => {
    expect(() => clock.appointmentFor(vn('2025-03-10 09:00'), days(-1))).toThrow(RangeError);
    expect(() => clock.appointmentFor(vn('2025-03-10 09:00'), calendarDays(1.5))).toThrow(RangeError);
  });

  it('accepts a procedure from the catalogue as it is', () => {
    const khaiSinh = { code: '1.001193', name: 'Thủ tục đăng ký khai sinh', processingDays: 0 };
    expect(formatVietnamDateTime(clock.appointmentFor(vn('2025-03-10 14:00'), khaiSinh))).toBe('2025-03-10 17:00');
  });
});

describe('extendAppointment (clock stopped while waiting for supplementary papers)', () => {
  it.each([
    // [old due, paused from, resumed at, new due]
    ['2025-03-18 09:00', '2025-03-12 10:00', '2025-03-14 10:00', '2025-03-20 09:00'], // waited 16 h
    ['2025-03-18 09:00', '2025-03-12 16:00', '2025-03-13 08:00', '2025-03-18 11:00'], // waited 2 h overnight
    ['2025-03-18 09:00', '2025-03-14 16:00', '2025-03-17 08:00', '2025-03-18 11:00'], // over a weekend: still 2 h
    ['2025-03-18 09:00', '2025-03-12 18:00', '2025-03-12 20:00', '2025-03-18 09:00'], // outside hours: no change
    ['2026-02-13 17:00', '2026-02-13 16:00', '2026-02-23 08:00', '2026-02-23 09:00'], // 1 h + 1 h, Tết in between
  ])('due %s, paused %s → %s: new due %s', (oldDue, pausedFrom, resumedAt, newDue) => {
    expect(formatVietnamDateTime(clock.extendAppointment(vn(oldDue), vn(pausedFrom), vn(resumedAt)))).toBe(newDue);
  });

  it.each([
    // A calendar-day procedure: the old due moves by the time on the calendar spent waiting.
    ['2025-05-07 09:00', '2025-04-24 10:00', '2025-04-29 10:00', '2025-05-12 09:00'], // 5 days, over 26/4 (a worked Saturday) and a weekend
    ['2025-05-07 09:00', '2025-04-24 10:00', '2025-04-27 10:00', '2025-05-12 09:00'], // 3 days → Saturday 10/5 → Monday
    ['2025-04-25 09:00', '2025-04-23 16:00', '2025-04-28 16:00', '2025-05-05 09:00'], // 5 days → 30/4, then 1/5, 2/5 and a weekend off
  ])('calendar days: due %s, paused %s → %s: new due %s', (oldDue, pausedFrom, resumedAt, newDue) => {
    expect(formatVietnamDateTime(clock.extendAppointment(vn(oldDue), vn(pausedFrom), vn(resumedAt), 'calendarDays'))).toBe(newDue);
  });

  it('refuses a pause that ends before it starts', () => {
    expect(() => clock.extendAppointment(vn('2025-03-18 09:00'), vn('2025-03-14 10:00'), vn('2025-03-12 10:00'))).toThrow(RangeError);
  });
});
