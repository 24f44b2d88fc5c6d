// Working-time arithmetic for deadlines: which days are working days, where the clock starts,
// and adding or measuring working hours. Time runs only inside office hours on working days,
// reckoned on Vietnamese wall-clock time whatever the device's own time zone.

import type { DurationUnit, ProcessingTime } from './appointment';
import { appointmentFor, extendAppointment, workingHoursLeft } from './appointment';
import type { CalendarData } from './calendar-data';
import type { IsoDate } from './civil-date';
import { epochDayToIso, isoToEpochDay } from './civil-date';
import type { DayStatus, HolidayCalendar } from './holidays';
import { createHolidayCalendar } from './holidays';
import type { OfficeHours, OfficeHoursSettings } from './office-hours';
import { resolveOfficeHours } from './office-hours';
import { MS_PER_HOUR, MS_PER_MINUTE, instantFromVietnamPosition, vietnamPosition } from './vietnam-time';

export interface WorkingTimeOptions {
  /** Holiday calendar data (defaults to the shipped data) or an already built calendar. */
  readonly calendar?: CalendarData | HolidayCalendar;
  /** The commune's office hours (defaults to DOMAIN.md §5). */
  readonly officeHours?: OfficeHoursSettings;
}

export interface WorkingTime {
  readonly officeHours: OfficeHours;
  readonly holidays: HolidayCalendar;
  /** Is the day (a date, or the Vietnamese date of an instant) a working day? */
  isWorkingDay(day: IsoDate | Date): boolean;
  /** Why a day is or is not a working day, for display. */
  dayStatus(day: IsoDate | Date): DayStatus;
  /** The first working day strictly after `after`. */
  nextWorkingDay(after: IsoDate | Date): IsoDate;
  /**
   * Where the clock starts for something arriving at `instant`: unchanged inside office hours;
   * before opening → opening; in a break → end of the break; after closing or on a day off →
   * opening of the next working day.
   */
  snapToWorkingTime(instant: Date): Date;
  /** `start` plus `hours` of working time. A result at the end of a period stays there (17:00, not 07:00 next day). */
  addWorkingHours(start: Date, hours: number): Date;
  /** Working hours from `from` to `to`; negative when `to` is earlier. */
  workingHoursBetween(from: Date, to: Date): number;
  /** The appointment for a dossier received at `receivedAt` (see appointment.ts). */
  appointmentFor(receivedAt: Date, processing: ProcessingTime): Date;
  /** Old appointment plus the time spent waiting for supplementary papers, in the procedure's unit (working time by default). */
  extendAppointment(oldDue: Date, pausedFrom: Date, resumedAt: Date, countedIn?: DurationUnit): Date;
  /** Working hours left until `due` (negative when overdue). */
  workingHoursLeft(due: Date, now: Date): number;
}

/** Ten years of consecutive days off means the calendar data is broken, not the office closed. */
const MAX_DAYS_WITHOUT_WORK = 3660;

function isHolidayCalendar(value: CalendarData | HolidayCalendar): value is HolidayCalendar {
  return typeof (value as Partial<HolidayCalendar>).isWorkingEpochDay === 'function';
}

function epochDayOf(day: IsoDate | Date): number {
  return typeof day === 'string' ? isoToEpochDay(day) : vietnamPosition(day).epochDay;
}

export function createWorkingTime(options: WorkingTimeOptions = {}): WorkingTime {
  const holidays =
    options.calendar === undefined ? createHolidayCalendar() : isHolidayCalendar(options.calendar) ? options.calendar : createHolidayCalendar(options.calendar);
  const officeHours = resolveOfficeHours(options.officeHours);
  const periods = officeHours.periods.map((p) => ({ start: p.start * MS_PER_MINUTE, end: p.end * MS_PER_MINUTE }));
  const firstStart = periods[0]?.start ?? 0;

  const isWorking = (epochDay: number): boolean => holidays.isWorkingEpochDay(epochDay);

  function nextWorkingEpochDay(after: number): number {
    for (let day = after + 1; day <= after + MAX_DAYS_WITHOUT_WORK; day++) {
      if (isWorking(day)) return day;
    }
    throw new Error(`No working day within ten years after ${epochDayToIso(after)}: check the holiday calendar data`);
  }

  /** The snapped position as epoch day and milliseconds into the day. */
  function snap(instant: Date): { epochDay: number; ms: number } {
    const { epochDay, msOfDay } = vietnamPosition(instant);
    if (isWorking(epochDay)) {
      for (const p of periods) {
        if (msOfDay < p.end) return { epochDay, ms: Math.max(msOfDay, p.start) };
      }
    }
    return { epochDay: nextWorkingEpochDay(epochDay), ms: firstStart };
  }

  function addWorkingHours(start: Date, hours: number): Date {
    if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`hours must be a number ≥ 0, got ${hours}`);
    let remaining = Math.round(hours * MS_PER_HOUR);
    if (remaining === 0) return start;
    let { epochDay, ms } = snap(start);
    for (;;) {
      for (const p of periods) {
        if (ms >= p.end) continue;
        const from = Math.max(ms, p.start);
        const available = p.end - from;
        if (remaining <= available) return instantFromVietnamPosition(epochDay, from + remaining);
        remaining -= available;
        ms = p.end;
      }
      epochDay = nextWorkingEpochDay(epochDay);
      ms = 0;
    }
  }

  function workingMsBetween(from: Date, to: Date): number {
    const a = vietnamPosition(from);
    const b = vietnamPosition(to);
    let total = 0;
    for (let day = a.epochDay; day <= b.epochDay; day++) {
      if (!isWorking(day)) continue;
      const lower = day === a.epochDay ? a.msOfDay : 0;
      const upper = day === b.epochDay ? b.msOfDay : Number.POSITIVE_INFINITY;
      for (const p of periods) total += Math.max(0, Math.min(p.end, upper) - Math.max(p.start, lower));
    }
    return total;
  }

  function workingHoursBetween(from: Date, to: Date): number {
    return from.getTime() <= to.getTime() ? workingMsBetween(from, to) / MS_PER_HOUR : -workingMsBetween(to, from) / MS_PER_HOUR;
  }

  const workingTime: WorkingTime = {
    officeHours,
    holidays,
    isWorkingDay: (day) => isWorking(epochDayOf(day)),
    dayStatus: (day) => holidays.dayStatus(epochDayToIso(epochDayOf(day))),
    nextWorkingDay: (after) => epochDayToIso(nextWorkingEpochDay(epochDayOf(after))),
    snapToWorkingTime: (instant) => {
      const { epochDay, ms } = snap(instant);
      return instantFromVietnamPosition(epochDay, ms);
    },
    addWorkingHours,
    workingHoursBetween,
    appointmentFor: (receivedAt, processing) => appointmentFor(workingTime, receivedAt, processing),
    extendAppointment: (oldDue, pausedFrom, resumedAt, countedIn) => extendAppointment(workingTime, oldDue, pausedFrom, resumedAt, countedIn),
    workingHoursLeft: (due, now) => workingHoursLeft(workingTime, due, now),
  };
  return workingTime;
}
