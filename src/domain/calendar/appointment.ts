// The appointment rules of a one-stop desk (ngày hẹn trả, DOMAIN.md §5): when the clock starts for
// a received dossier, when it is due for a given processing time, and how waiting for the
// citizen's supplementary papers pushes the appointment back.

import type { IsoDate } from './civil-date';
import { epochDayToIso, isoToEpochDay } from './civil-date';
import type { OfficeHours } from './office-hours';
import { MS_PER_MINUTE, instantFromVietnamPosition, vietnamPosition } from './vietnam-time';

/** The units a processing time counts in; a catalogue entry names one (absent: working days). */
export const DURATION_UNITS = ['workingDays', 'calendarDays'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

/**
 * A procedure's statutory processing time, named as in the procedure catalogue so a catalogue
 * entry can be passed as is. `processingDays: 0` means a same-day procedure.
 */
export interface ProcessingTime {
  readonly processingDays: number;
  /** Working days (the usual case, may be fractional: 0.5 = 4 working hours) or calendar days. */
  readonly countedIn?: DurationUnit | undefined;
}

/** What the appointment rules need from the working-time engine. */
export interface AppointmentClock {
  readonly officeHours: OfficeHours;
  isWorkingDay(day: IsoDate | Date): boolean;
  nextWorkingDay(after: IsoDate | Date): IsoDate;
  snapToWorkingTime(instant: Date): Date;
  addWorkingHours(start: Date, hours: number): Date;
  workingHoursBetween(from: Date, to: Date): number;
}

function closingOn(clock: AppointmentClock, date: IsoDate): Date {
  return instantFromVietnamPosition(isoToEpochDay(date), clock.officeHours.closing * MS_PER_MINUTE);
}

/** The appointment (due instant) for a dossier received at `receivedAt`. */
export function appointmentFor(clock: AppointmentClock, receivedAt: Date, processing: ProcessingTime): Date {
  const { processingDays } = processing;
  if (!Number.isFinite(processingDays) || processingDays < 0) {
    throw new RangeError(`processingDays must be a number ≥ 0, got ${processingDays}`);
  }
  const start = clock.snapToWorkingTime(receivedAt);
  const { epochDay, msOfDay } = vietnamPosition(start);

  if (processingDays === 0) {
    // Same-day procedures: before the cutoff, due at closing today; else at closing tomorrow.
    const startDate = epochDayToIso(epochDay);
    const dueDate = msOfDay < clock.officeHours.sameDayCutoff * MS_PER_MINUTE ? startDate : clock.nextWorkingDay(startDate);
    return closingOn(clock, dueDate);
  }

  if (processing.countedIn === 'calendarDays') {
    if (!Number.isInteger(processingDays)) {
      throw new RangeError(`calendar-day processing time must be whole days, got ${processingDays}`);
    }
    // Counted on the calendar, but an appointment never falls on a day the office is closed.
    const candidate = instantFromVietnamPosition(epochDay + processingDays, msOfDay);
    if (clock.isWorkingDay(candidate)) return candidate;
    return instantFromVietnamPosition(isoToEpochDay(clock.nextWorkingDay(candidate)), msOfDay);
  }

  return clock.addWorkingHours(start, processingDays * clock.officeHours.hoursPerWorkingDay);
}

/**
 * The new appointment after a supplement request (yêu cầu bổ sung): the clock stopped from
 * `pausedFrom` to `resumedAt`, so the old appointment moves by the time spent waiting, counted in
 * the procedure's unit: working time, or for a calendar-day procedure the time on the calendar
 * (and, as at intake, never onto a day the office is closed).
 */
export function extendAppointment(clock: AppointmentClock, oldDue: Date, pausedFrom: Date, resumedAt: Date, countedIn?: DurationUnit): Date {
  if (resumedAt.getTime() < pausedFrom.getTime()) {
    throw new RangeError('resumedAt is before pausedFrom');
  }
  if (countedIn === 'calendarDays') {
    const moved = new Date(oldDue.getTime() + resumedAt.getTime() - pausedFrom.getTime());
    if (clock.isWorkingDay(moved)) return moved;
    return instantFromVietnamPosition(isoToEpochDay(clock.nextWorkingDay(moved)), vietnamPosition(moved).msOfDay);
  }
  const waited = clock.workingHoursBetween(pausedFrom, resumedAt);
  return clock.addWorkingHours(oldDue, waited);
}

/** Working hours left until an appointment (negative when overdue), e.g. "còn 3 giờ làm việc". */
export function workingHoursLeft(clock: AppointmentClock, due: Date, now: Date): number {
  return clock.workingHoursBetween(now, due);
}
