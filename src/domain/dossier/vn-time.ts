// Calendar dates as seen in Vietnam, in the forms dossiers use (ISO date, the code's YYMMDD). The
// conversion itself is the calendar's (vietnamWallClock): one fixed UTC+7 offset, no ICU data.
import { vietnamWallClock } from '../calendar/vietnam-time';

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function isValidDate(d: unknown): d is Date {
  return d instanceof Date && !Number.isNaN(d.getTime());
}

/** The day, month and year on a wall calendar in Vietnam at instant `d`. */
export function vnCalendarDate(d: Date): CalendarDate {
  const { year, month, day } = vietnamWallClock(d);
  return { year, month, day };
}

/** "2025-07-01": sortable, so dates compare as strings. */
export function vnIsoDate(d: Date): string {
  const { year, month, day } = vnCalendarDate(d);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** "250701", the YYMMDD of the dossier code. */
export function vnDayKey(d: Date): string {
  const { year, month, day } = vnCalendarDate(d);
  return `${pad2(year % 100)}${pad2(month)}${pad2(day)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
